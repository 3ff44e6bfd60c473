import { type FormEvent, useState } from 'react';
import { useConsole, useResource } from '../../lib/context';
import type { Webhook } from './types';

/** Administrators connect posting tools: each webhook gets every publication, signed with its own secret. */
export function Webhooks() {
  const { api, t, toast, toastError } = useConsole();
  const hooks = useResource(() => api.get<{ items: Webhook[] }>('/staff/publication-webhooks'), 0);
  const [name, setName] = useState('');
  const [url, setUrl] = useState('');
  const [secret, setSecret] = useState<string | null>(null);

  async function add(event: FormEvent) {
    event.preventDefault();
    try {
      const created = await api.post<Webhook>('/staff/publication-webhooks', { name, url, active: true });
      setSecret(created.signingSecret ?? null);
      setName('');
      setUrl('');
      hooks.reload(true);
    } catch (error) {
      toastError(error);
    }
  }

  async function change(hook: Webhook, changes: { active?: boolean; rotateSecret?: boolean }) {
    try {
      const saved = await api.put<Webhook>(`/staff/publication-webhooks/${hook.id}`, {
        name: hook.name,
        url: hook.url,
        active: changes.active ?? hook.active,
        rotateSecret: changes.rotateSecret ?? false,
      });
      if (saved.signingSecret) setSecret(saved.signingSecret);
      toast(t('pub.webhookSaved'));
      hooks.reload(true);
    } catch (error) {
      toastError(error);
    }
  }

  return (
    <section aria-labelledby="webhooks-title">
      <h1 id="webhooks-title">{t('pub.webhooks')}</h1>
      <p className="muted">{t('pub.webhooksHelp')}</p>
      {secret && (
        <div className="notice" role="status">
          <p>{t('pub.secretOnce')}</p>
          <code>{secret}</code>
        </div>
      )}
      <form className="row filters" onSubmit={(e) => void add(e)}>
        <label>
          {t('pub.webhookName')}
          <input value={name} onChange={(e) => setName(e.target.value)} required />
        </label>
        <label>
          {t('pub.webhookUrl')}
          <input type="url" value={url} onChange={(e) => setUrl(e.target.value)} required />
        </label>
        <button type="submit">{t('pub.addWebhook')}</button>
      </form>
      {hooks.data && (
        <table className="admin-table">
          <thead>
            <tr>
              <th scope="col">{t('pub.webhookName')}</th>
              <th scope="col">{t('pub.webhookUrl')}</th>
              <th scope="col">{t('pub.status')}</th>
              <th scope="col">
                <span className="visually-hidden">{t('pub.edit')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {hooks.data.items.map((hook) => (
              <tr key={hook.id}>
                <td>{hook.name}</td>
                <td>{hook.url}</td>
                <td>{hook.active ? t('pub.active') : t('pub.inactive')}</td>
                <td className="row">
                  <button type="button" onClick={() => void change(hook, { active: !hook.active })}>
                    {hook.active ? t('pub.deactivate') : t('pub.activate')}
                  </button>
                  <button type="button" onClick={() => void change(hook, { rotateSecret: true })}>
                    {t('pub.rotate')}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
