import { type FormEvent, useState } from 'react';
import { NotificationPreferences } from '../components/NotificationPreferences';
import type { MessageKey } from '../i18n';
import { errorText } from '../lib/api';
import { useConsole } from '../lib/context';
import { ExtensionSetting } from './phone/ExtensionSetting';
import { TwoFactorEnrolment } from './SignIn';

export function Account() {
  const { api, t, language, session, setSession, toast, toastError } = useConsole();
  const [enrolling, setEnrolling] = useState(false);
  const [passwordError, setPasswordError] = useState<unknown>(null);
  const user = session!.user;

  async function changePassword(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const data = new FormData(form);
    setPasswordError(null);
    try {
      await api.post('/auth/password', {
        currentPassword: String(data.get('currentPassword')),
        newPassword: String(data.get('newPassword')),
      });
      form.reset();
      toast(t('account.passwordChanged'));
    } catch (e) {
      setPasswordError(e);
    }
  }

  async function signOut(everywhere: boolean) {
    try {
      const result = await api.post<{ sessionsEnded: number }>(
        everywhere ? '/auth/logout-everywhere' : '/auth/logout',
      );
      toast(
        everywhere
          ? t('account.signedOutEverywhere', { count: result.sessionsEnded })
          : t('account.signedOut'),
        'info',
      );
    } catch (e) {
      toastError(e);
    }
    setSession(null);
  }

  async function disableTwoFactor() {
    try {
      await api.post('/auth/2fa/disable');
      toast(t('twofa.turnedOff'), 'info');
      setSession(null);
    } catch (e) {
      toastError(e);
    }
  }

  return (
    <div className="page narrow">
      <h1>{t('account.title')}</h1>
      <section className="card">
        <h2>{t('account.profile')}</h2>
        <dl className="facts">
          <dt>{t('users.name')}</dt>
          <dd>{user.displayName}</dd>
          <dt>{t('users.email')}</dt>
          <dd>{user.email}</dd>
          <dt>{t('account.roles')}</dt>
          <dd>{user.roles.map((r) => t(`role.${r}` as MessageKey)).join(', ')}</dd>
          <dt>{t('account.office')}</dt>
          <dd>{user.officeCode ?? t('account.national')}</dd>
        </dl>
      </section>

      <section className="card">
        <h2>{t('twofa.setupTitle')}</h2>
        {enrolling ? (
          <TwoFactorEnrolment
            onDone={(next) => {
              setSession(next);
              setEnrolling(false);
              toast(t('twofa.enabled'));
            }}
            onCancel={() => setEnrolling(false)}
          />
        ) : user.twoFactorEnabled ? (
          <>
            <p>{t('twofa.enabled')}</p>
            {session!.twoFactorRequiredByRole ? (
              <p className="muted">{t('twofa.requiredByRole')}</p>
            ) : (
              <button type="button" onClick={disableTwoFactor}>
                {t('twofa.disable')}
              </button>
            )}
          </>
        ) : (
          <>
            <p>{t('twofa.disabledState')}</p>
            <button type="button" onClick={() => setEnrolling(true)}>
              {t('twofa.enable')}
            </button>
          </>
        )}
      </section>

      <ExtensionSetting />
      <section className="card">
        <h2>{t('account.password')}</h2>
        <form onSubmit={changePassword} className="stack">
          <input type="text" name="username" autoComplete="username" value={user.email} readOnly hidden />
          <label>
            {t('account.currentPassword')}
            <input name="currentPassword" type="password" autoComplete="current-password" required />
          </label>
          <label>
            {t('account.newPassword')}
            <input name="newPassword" type="password" autoComplete="new-password" required minLength={12} />
          </label>
          {passwordError ? (
            <p className="form-error" role="alert">
              {errorText(passwordError, language)}
            </p>
          ) : null}
          <button type="submit">{t('account.password')}</button>
        </form>
      </section>

      <NotificationPreferences />

      <section className="card">
        <h2>{t('account.sessions')}</h2>
        <div className="row">
          <button type="button" onClick={() => signOut(false)}>
            {t('account.signOut')}
          </button>
          <button type="button" className="danger" onClick={() => signOut(true)}>
            {t('account.signOutEverywhere')}
          </button>
        </div>
      </section>
    </div>
  );
}
