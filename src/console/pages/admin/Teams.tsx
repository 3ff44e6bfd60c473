import { type FormEvent, useState } from 'react';
import { CodeAndNameFields } from '../../components/CodeAndNameFields';
import { useConsole, useReference, useResource } from '../../lib/context';
import type { Team } from '../../lib/types';
import { Unavailable } from './Users';

export function Teams() {
  const { api, t, session, toast, toastError } = useConsole();
  const { ref, reload: reloadRef } = useReference();
  const teams = useResource(() => api.get<{ items: Team[] }>('/staff/teams'), api);
  const [office, setOffice] = useState(session?.user.officeCode ?? ref.offices[0]?.code ?? '');
  const [editing, setEditing] = useState<string | null>(null);
  const names = (id: string) => ref.directory.find((d) => d.id === id)?.displayName ?? id.slice(0, 8);

  async function create(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const data = new FormData(form);
    try {
      await api.post('/staff/teams', {
        officeCode: office || ref.offices[0]?.code,
        code: String(data.get('code')),
        nameId: String(data.get('nameId')),
        nameEn: String(data.get('nameEn')),
      });
      form.reset();
      toast(t('teams.created'));
      teams.reload(true);
      reloadRef();
    } catch (e) {
      toastError(e);
    }
  }

  async function rename(event: FormEvent<HTMLFormElement>, team: Team) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    try {
      await api.patch(`/staff/teams/${team.id}`, {
        nameId: String(data.get('nameId')),
        nameEn: String(data.get('nameEn')),
      });
      toast(t('teams.updated'));
      setEditing(null);
      teams.reload(true);
      reloadRef();
    } catch (e) {
      toastError(e);
    }
  }

  return (
    <div className="page">
      <h1>{t('teams.title')}</h1>
      {teams.error ? <Unavailable error={teams.error} /> : null}
      {teams.data && teams.data.items.length === 0 && <p className="state">{t('teams.empty')}</p>}
      {teams.data && teams.data.items.length > 0 && (
        <table className="admin-table">
          <thead>
            <tr>
              <th scope="col">{t('teams.code')}</th>
              <th scope="col">{t('teams.nameId')}</th>
              <th scope="col">{t('teams.nameEn')}</th>
              <th scope="col">{t('teams.members')}</th>
              <th scope="col">
                <span className="visually-hidden">{t('users.edit')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {teams.data.items.map((team) =>
              editing === team.id ? (
                <tr key={team.id}>
                  <td>
                    {team.officeCode}/{team.code}
                  </td>
                  <td colSpan={4}>
                    <form className="row" onSubmit={(e) => rename(e, team)}>
                      <label>
                        {t('teams.nameId')}
                        <input name="nameId" defaultValue={team.name.id} required />
                      </label>
                      <label>
                        {t('teams.nameEn')}
                        <input name="nameEn" defaultValue={team.name.en} required />
                      </label>
                      <button type="submit" className="primary">
                        {t('app.save')}
                      </button>
                      <button type="button" onClick={() => setEditing(null)}>
                        {t('app.cancel')}
                      </button>
                    </form>
                  </td>
                </tr>
              ) : (
                <tr key={team.id}>
                  <td>
                    {team.officeCode}/{team.code}
                  </td>
                  <td>{team.name.id}</td>
                  <td>{team.name.en}</td>
                  <td className="small">{team.memberIds.map(names).join(', ') || '—'}</td>
                  <td className="actions">
                    <button type="button" onClick={() => setEditing(team.id)}>
                      {t('users.edit')}
                    </button>
                  </td>
                </tr>
              ),
            )}
          </tbody>
        </table>
      )}
      <section className="card">
        <h2>{t('teams.create')}</h2>
        <form className="row wrap" onSubmit={create}>
          {session?.user.officeCode === null && (
            <label>
              {t('users.office')}
              <select value={office} onChange={(e) => setOffice(e.target.value)}>
                {ref.offices.map((o) => (
                  <option key={o.code} value={o.code}>
                    {o.code}
                  </option>
                ))}
              </select>
            </label>
          )}
          <CodeAndNameFields codeLabel={t('teams.code')} />
          <button type="submit" className="primary">
            {t('teams.create')}
          </button>
        </form>
      </section>
    </div>
  );
}
