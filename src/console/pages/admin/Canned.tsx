import { type FormEvent, useState } from 'react';
import { useConsole, useReference, useResource } from '../../lib/context';
import { localName } from '../../lib/format';
import type { CannedResponse } from '../../lib/types';
import { Unavailable } from './Users';

export function Canned() {
  const { api, t, language, session, toast, toastError } = useConsole();
  const { ref } = useReference();
  const list = useResource(() => api.get<{ items: CannedResponse[] }>('/staff/canned-responses'), api);
  const [editing, setEditing] = useState<CannedResponse | null>(null);
  const office = session?.user.officeCode ?? ref.offices[0]?.code ?? '';
  const teams = ref.teams.filter((x) => x.officeCode === (editing?.officeCode ?? office));

  async function save(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const data = new FormData(form);
    const body = {
      language: String(data.get('language')),
      title: String(data.get('title')),
      body: String(data.get('body')),
      teamId: String(data.get('teamId')) || null,
    };
    try {
      if (editing) await api.patch(`/staff/canned-responses/${editing.id}`, body);
      else await api.post('/staff/canned-responses', { ...body, officeCode: office });
      form.reset();
      setEditing(null);
      toast(t('canned.created'));
      list.reload(true);
    } catch (e) {
      toastError(e);
    }
  }

  async function remove(item: CannedResponse) {
    try {
      await api.del(`/staff/canned-responses/${item.id}`);
      toast(t('canned.deleted'));
      list.reload(true);
    } catch (e) {
      toastError(e);
    }
  }

  return (
    <div className="page">
      <h1>{t('canned.title')}</h1>
      <p className="muted">{t('canned.help')}</p>
      {list.error ? <Unavailable error={list.error} /> : null}
      {list.data && list.data.items.length === 0 && <p className="state">{t('canned.empty')}</p>}
      {list.data && list.data.items.length > 0 && (
        <table className="admin-table">
          <thead>
            <tr>
              <th scope="col">{t('canned.titleField')}</th>
              <th scope="col">{t('users.language')}</th>
              <th scope="col">{t('canned.team')}</th>
              <th scope="col">{t('canned.body')}</th>
              <th scope="col">
                <span className="visually-hidden">{t('users.edit')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {list.data.items.map((item) => {
              const team = ref.teams.find((x) => x.id === item.teamId);
              return (
                <tr key={item.id}>
                  <td>{item.title}</td>
                  <td>{item.language}</td>
                  <td>{team ? localName(team.name, language) : t('canned.allTeams')}</td>
                  <td className="small clamp">{item.body}</td>
                  <td className="actions">
                    <button type="button" onClick={() => setEditing(item)}>
                      {t('users.edit')}
                    </button>
                    <button type="button" className="danger" onClick={() => remove(item)}>
                      {t('canned.delete')}
                    </button>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      <section className="card">
        <h2>{editing ? editing.title : t('canned.create')}</h2>
        <form className="stack" onSubmit={save} key={editing?.id ?? 'new'}>
          <div className="grid-2">
            <label>
              {t('canned.titleField')}
              <input name="title" defaultValue={editing?.title} required maxLength={200} />
            </label>
            <label>
              {t('users.language')}
              <select name="language" defaultValue={editing?.language ?? 'id'}>
                <option value="id">{t('lang.id')}</option>
                <option value="en">{t('lang.en')}</option>
              </select>
            </label>
            <label>
              {t('canned.team')}
              <select name="teamId" defaultValue={editing?.teamId ?? ''}>
                <option value="">{t('canned.allTeams')}</option>
                {teams.map((x) => (
                  <option key={x.id} value={x.id}>
                    {localName(x.name, language)}
                  </option>
                ))}
              </select>
            </label>
          </div>
          <label>
            {t('canned.body')}
            <textarea name="body" defaultValue={editing?.body} required rows={5} maxLength={10000} />
          </label>
          <div className="row">
            <button type="submit" className="primary">
              {t('app.save')}
            </button>
            {editing && (
              <button type="button" onClick={() => setEditing(null)}>
                {t('app.cancel')}
              </button>
            )}
          </div>
        </form>
      </section>
    </div>
  );
}
