import { NavLink, Route, Routes, useParams } from 'react-router';
import { useConsole } from '../../lib/context';
import { hasRole } from '../../lib/types';
import { PublicationEditor } from './Editor';
import { PublicationList } from './List';
import { Records } from './Records';
import { Webhooks } from './Webhooks';

/**
 * The publications workspace (/console/publications): publishers write and review, auditors read; supervisors
 * keep the enforcement records; administrators configure the webhooks.
 */
export function Publications() {
  const { session, t } = useConsole();
  const user = session!.user;
  const readsPublications = hasRole(user, 'publisher', 'auditor');
  return (
    <div className="page">
      <nav className="row" aria-label={t('pub.nav')}>
        {readsPublications && (
          <NavLink to="/publications" end>
            {t('pub.list')}
          </NavLink>
        )}
        {hasRole(user, 'supervisor') && <NavLink to="/publications/records">{t('pub.records')}</NavLink>}
        {hasRole(user, 'admin') && <NavLink to="/publications/webhooks">{t('pub.webhooks')}</NavLink>}
      </nav>
      <Routes>
        {readsPublications && <Route index element={<PublicationList />} />}
        {hasRole(user, 'publisher') && <Route path="new" element={<PublicationEditor key="new" />} />}
        {readsPublications && <Route path=":id" element={<Keyed />} />}
        {hasRole(user, 'supervisor') && <Route path="records" element={<Records />} />}
        {hasRole(user, 'admin') && <Route path="webhooks" element={<Webhooks />} />}
        <Route path="*" element={<p className="state">{t('app.notFound')}</p>} />
      </Routes>
    </div>
  );
}

/** A fresh editor per publication, so nothing typed for one carries over to the next. */
function Keyed() {
  const { id } = useParams();
  return <PublicationEditor key={id} id={id} />;
}
