import { NavLink } from 'react-router';
import { useConsole } from '../../lib/context';

/** The two e-mail pages link to each other, so the main navigation needs one entry. */
export function EmailTabs() {
  const { t } = useConsole();
  return (
    <nav className="row" aria-label={t('nav.email')}>
      <NavLink to="/admin/email" end>
        {t('email.settingsTitle')}
      </NavLink>
      <NavLink to="/admin/email/templates">{t('nav.emailTemplates')}</NavLink>
    </nav>
  );
}
