import { type FormEvent, useEffect, useRef, useState } from 'react';
import { errorText } from '../../lib/api';
import { useConsole } from '../../lib/context';
import { handlesCases } from '../../lib/types';

/** The agent's PBX extension in their account settings: calls to it pop the caller in this console. */
export function ExtensionSetting() {
  const { api, t, language, session, toast } = useConsole();
  const [extension, setExtension] = useState('');
  const [error, setError] = useState<string | null>(null);
  // The stored extension arrives after the page: on a slow connection it must not wipe what the agent already typed.
  const edited = useRef(false);
  const allowed = session ? handlesCases(session.user) && session.user.officeCode !== null : false;
  useEffect(() => {
    if (!allowed) return;
    api
      .get<{ extension: string | null }>('/staff/me/extension')
      .then((r) => {
        if (!edited.current) setExtension(r.extension ?? '');
      })
      .catch(() => {});
  }, [api, allowed]);
  if (!allowed) return null;

  async function save(event: FormEvent) {
    event.preventDefault();
    setError(null);
    try {
      await api.put('/staff/me/extension', { extension: extension.trim() || null });
      toast(t('extension.saved'));
    } catch (e) {
      setError(errorText(e, language));
    }
  }

  return (
    <section className="card">
      <h2>{t('extension.title')}</h2>
      <p className="muted">{t('extension.help')}</p>
      <form onSubmit={save} className="inline-form">
        <label>
          {t('extension.label')}
          <input
            name="extension"
            inputMode="numeric"
            pattern="\d{2,8}"
            value={extension}
            onChange={(e) => {
              edited.current = true;
              setExtension(e.target.value);
            }}
            aria-invalid={error ? true : undefined}
          />
        </label>
        <button type="submit">{t('extension.save')}</button>
        {error && (
          <p role="alert" className="error">
            {error}
          </p>
        )}
      </form>
    </section>
  );
}
