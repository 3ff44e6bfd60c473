import { type FormEvent, useEffect, useRef, useState } from 'react';
import { LanguageSwitch, Toasts } from '../components/Shell';
import { ApiError, errorText } from '../lib/api';
import { useConsole } from '../lib/context';
import type { Session } from '../lib/types';

function ErrorMessage({ error }: { error: unknown }) {
  const { language } = useConsole();
  if (!error) return null;
  return (
    <p className="form-error" role="alert">
      {errorText(error, language)}
    </p>
  );
}

function AuthFrame({ title, children }: { title: string; children: React.ReactNode }) {
  const { t } = useConsole();
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  return (
    <div className="auth-page">
      <header className="auth-header">
        <span className="brand">
          {t('app.name')} <span className="brand-sub">{t('app.console')}</span>
        </span>
        <LanguageSwitch />
      </header>
      <main id="main" className="auth-card">
        <h1 ref={heading} tabIndex={-1}>
          {title}
        </h1>
        {children}
      </main>
      <Toasts />
    </div>
  );
}

export function SignIn() {
  const { api, t, setSession } = useConsole();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setBusy(true);
    setError(null);
    try {
      const session = await api.post<Session>(
        '/auth/login',
        { email: String(form.get('email')), password: String(form.get('password')) },
        { quietUnauthorized: true },
      );
      setSession(session);
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  }
  return (
    <AuthFrame title={t('login.title')}>
      <form onSubmit={submit} className="stack">
        <label>
          {t('login.email')}
          <input name="email" type="email" autoComplete="username" required />
        </label>
        <label>
          {t('login.password')}
          <input name="password" type="password" autoComplete="current-password" required />
        </label>
        <ErrorMessage error={error} />
        <button type="submit" className="primary" disabled={busy}>
          {busy ? t('login.busy') : t('login.submit')}
        </button>
      </form>
    </AuthFrame>
  );
}

export function VerifyTwoFactor() {
  const { api, t, setSession } = useConsole();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const code = String(new FormData(event.currentTarget).get('code')).trim();
    setBusy(true);
    setError(null);
    try {
      setSession(await api.post<Session>('/auth/2fa/verify', { code }, { quietUnauthorized: true }));
    } catch (e) {
      if (e instanceof ApiError && e.status === 401 && e.code !== 'invalid_code') setSession(null);
      setError(e);
    } finally {
      setBusy(false);
    }
  }
  return (
    <AuthFrame title={t('twofa.verifyTitle')}>
      <form onSubmit={submit} className="stack">
        <p>{t('twofa.verifyHelp')}</p>
        <label>
          {t('twofa.code')}
          <input
            name="code"
            autoComplete="one-time-code"
            inputMode="text"
            required
            minLength={6}
            maxLength={20}
          />
        </label>
        <ErrorMessage error={error} />
        <button type="submit" className="primary" disabled={busy}>
          {t('twofa.verify')}
        </button>
        <SignOutLink />
      </form>
    </AuthFrame>
  );
}

function SignOutLink() {
  const { api, t, setSession } = useConsole();
  return (
    <button
      type="button"
      className="link-button"
      onClick={() =>
        api.post('/auth/logout', {}, { quietUnauthorized: true }).finally(() => setSession(null))
      }
    >
      {t('nav.signOut')}
    </button>
  );
}

/** Enrolment: QR code (an <img> with a data: URI, so no inline markup or style), first code, recovery codes once. */
export function TwoFactorEnrolment({
  onDone,
  onCancel,
}: {
  onDone: (session: Session) => void;
  onCancel?: () => void;
}) {
  const { api, t, toastError } = useConsole();
  const [setup, setSetup] = useState<{ secret: string; qrSvg: string } | null>(null);
  const [result, setResult] = useState<{ recoveryCodes: string[]; session: Session } | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const started = useRef(false);
  useEffect(() => {
    if (started.current) return;
    started.current = true;
    api.post<{ secret: string; qrSvg: string }>('/auth/2fa/setup', {}).then(setSetup, toastError);
  }, [api, toastError]);

  async function confirm(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const code = String(new FormData(event.currentTarget).get('code')).trim();
    setBusy(true);
    setError(null);
    try {
      setResult(await api.post<{ recoveryCodes: string[]; session: Session }>('/auth/2fa/confirm', { code }));
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  }

  if (result) {
    return (
      <div className="stack">
        <h2>{t('twofa.recoveryTitle')}</h2>
        <p>{t('twofa.recoveryHelp')}</p>
        <ul className="recovery-codes" aria-label={t('twofa.recoveryTitle')}>
          {result.recoveryCodes.map((code) => (
            <li key={code}>
              <code>{code}</code>
            </li>
          ))}
        </ul>
        <button type="button" className="primary" onClick={() => onDone(result.session)}>
          {t('twofa.recoveryDone')}
        </button>
      </div>
    );
  }
  if (!setup) return <p role="status">{t('app.loading')}</p>;
  return (
    <form onSubmit={confirm} className="stack">
      <p>{t('twofa.setupHelp')}</p>
      <img
        className="qr"
        src={`data:image/svg+xml;charset=utf-8,${encodeURIComponent(setup.qrSvg)}`}
        alt={t('twofa.qrAlt')}
        width={180}
        height={180}
      />
      <p>
        {t('twofa.manual')}{' '}
        <code className="secret" data-testid="totp-secret">
          {setup.secret}
        </code>
      </p>
      <label>
        {t('twofa.code')}
        <input
          name="code"
          autoComplete="one-time-code"
          inputMode="numeric"
          required
          minLength={6}
          maxLength={20}
        />
      </label>
      <ErrorMessage error={error} />
      <div className="row">
        <button type="submit" className="primary" disabled={busy}>
          {t('twofa.confirm')}
        </button>
        {onCancel && (
          <button type="button" onClick={onCancel}>
            {t('app.cancel')}
          </button>
        )}
      </div>
    </form>
  );
}

export function RequiredEnrolment() {
  const { t, setSession } = useConsole();
  return (
    <AuthFrame title={t('twofa.setupTitle')}>
      <p>{t('twofa.setupRequired')}</p>
      <TwoFactorEnrolment onDone={setSession} />
      <SignOutLink />
    </AuthFrame>
  );
}
