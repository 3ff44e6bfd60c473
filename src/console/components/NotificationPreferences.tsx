import { useEffect, useState } from 'react';
import type { MessageKey } from '../i18n';
import { useConsole, useResource } from '../lib/context';
import type { NotificationPreference } from '../lib/types';

/** Per kind of notification: in the console, by e-mail, both or neither. */
export function NotificationPreferences() {
  const { api, t, toast, toastError } = useConsole();
  const stored = useResource(
    () => api.get<{ items: NotificationPreference[] }>('/staff/notifications/preferences'),
    api,
  );
  const [items, setItems] = useState<NotificationPreference[]>([]);
  useEffect(() => setItems(stored.data?.items ?? []), [stored.data]);

  async function save() {
    try {
      const result = await api.put<{ items: NotificationPreference[] }>('/staff/notifications/preferences', {
        items,
      });
      setItems(result.items);
      toast(t('notify.preferencesSaved'));
    } catch (e) {
      toastError(e);
    }
  }

  const toggle = (kind: string, field: 'inApp' | 'email') =>
    setItems((list) => list.map((p) => (p.kind === kind ? { ...p, [field]: !p[field] } : p)));

  return (
    <section className="card" aria-labelledby="preferences-title">
      <h2 id="preferences-title">{t('notify.preferences')}</h2>
      {stored.error ? <p className="muted">{t('admin.unavailable')}</p> : null}
      {items.length > 0 && (
        <>
          <table className="admin-table">
            <thead>
              <tr>
                <th scope="col">{t('notify.kind')}</th>
                <th scope="col">{t('notify.inApp')}</th>
                <th scope="col">{t('notify.email')}</th>
              </tr>
            </thead>
            <tbody>
              {items.map((p) => {
                const label = t(`notify.pref.${p.kind}` as MessageKey);
                return (
                  <tr key={p.kind}>
                    <th scope="row">{label}</th>
                    <td>
                      <input
                        type="checkbox"
                        checked={p.inApp}
                        aria-label={`${label}: ${t('notify.inApp')}`}
                        onChange={() => toggle(p.kind, 'inApp')}
                      />
                    </td>
                    <td>
                      <input
                        type="checkbox"
                        checked={p.email}
                        aria-label={`${label}: ${t('notify.email')}`}
                        onChange={() => toggle(p.kind, 'email')}
                      />
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
          <button type="button" onClick={() => void save()}>
            {t('app.save')}
          </button>
        </>
      )}
    </section>
  );
}
