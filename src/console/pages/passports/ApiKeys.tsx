import { type FormEvent, useState } from 'react';
import { OfficePicker, useOfficeChoice } from '../../components/OfficePicker';
import { useConsole, useResource } from '../../lib/context';
import { formatDateTime } from '../../lib/format';
import { Unavailable } from '../admin/Users';
import { PassportSettings } from './Settings';

interface ApiKey {
  id: string;
  name: string;
  prefix: string;
  permissions: string[];
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
}

const PERMISSIONS = ['applications:write', 'applications:read', 'cti:events'] as const;

/** Integration keys per office: created by administrators, shown once, revocable, with their last use. */
export function ApiKeys() {
  const { api, t, language, toastError } = useConsole();
  const [office, setOffice] = useOfficeChoice();
  const [tick, setTick] = useState(0);
  const keys = useResource(
    () => api.get<{ items: ApiKey[] }>(`/staff/api-keys?office=${office}`),
    `${office}:${tick}`,
  );
  const [name, setName] = useState('');
  const [permissions, setPermissions] = useState<string[]>(['applications:write']);
  const [shown, setShown] = useState<string | null>(null);

  async function create(event: FormEvent) {
    event.preventDefault();
    try {
      const created = await api.post<{ key: string }>('/staff/api-keys', {
        office,
        name: name.trim(),
        permissions,
      });
      setShown(created.key);
      setName('');
      setTick((n) => n + 1);
    } catch (error) {
      toastError(error);
    }
  }

  async function revoke(key: ApiKey) {
    if (!window.confirm(t('apiKeys.confirmRevoke', { name: key.name }))) return;
    try {
      await api.del(`/staff/api-keys/${key.id}`);
      setTick((n) => n + 1);
    } catch (error) {
      toastError(error);
    }
  }

  return (
    <div className="page">
      <div className="page-head">
        <h1>{t('apiKeys.title')}</h1>
        <OfficePicker value={office} onChange={setOffice} />
      </div>
      <p className="muted">{t('apiKeys.help')}</p>
      {shown && (
        <div className="state" role="status">
          <p>{t('apiKeys.created')}</p>
          <code className="mono">{shown}</code>
        </div>
      )}
      <form onSubmit={create} className="inline-form">
        <label>
          {t('apiKeys.name')}
          <input value={name} onChange={(e) => setName(e.target.value)} maxLength={120} required />
        </label>
        <fieldset>
          <legend>{t('apiKeys.permissions')}</legend>
          {PERMISSIONS.map((p) => (
            <label key={p} className="check">
              <input
                type="checkbox"
                checked={permissions.includes(p)}
                onChange={(e) =>
                  setPermissions(e.target.checked ? [...permissions, p] : permissions.filter((x) => x !== p))
                }
              />
              {p}
            </label>
          ))}
        </fieldset>
        <button type="submit" disabled={permissions.length === 0}>
          {t('apiKeys.create')}
        </button>
      </form>
      {keys.error ? <Unavailable error={keys.error} /> : null}
      {keys.data && keys.data.items.length === 0 && <p className="state">{t('apiKeys.empty')}</p>}
      {keys.data && keys.data.items.length > 0 && (
        <table className="admin-table">
          <thead>
            <tr>
              <th scope="col">{t('apiKeys.name')}</th>
              <th scope="col">{t('apiKeys.permissions')}</th>
              <th scope="col">{t('apiKeys.lastUsed')}</th>
              <th scope="col" />
            </tr>
          </thead>
          <tbody>
            {keys.data.items.map((k) => (
              <tr key={k.id}>
                <td>
                  {k.name} <span className="muted small mono">{k.prefix}…</span>
                </td>
                <td>{k.permissions.join(', ')}</td>
                <td>{k.lastUsedAt ? formatDateTime(k.lastUsedAt, language) : t('app.none')}</td>
                <td>
                  {k.revokedAt ? (
                    t('apiKeys.revoked')
                  ) : (
                    <button type="button" onClick={() => void revoke(k)}>
                      {t('apiKeys.revoke')}
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {office && <PassportSettings office={office} />}
    </div>
  );
}
