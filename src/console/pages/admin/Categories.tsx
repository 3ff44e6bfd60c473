import { type FormEvent, useState } from 'react';
import { CodeAndNameFields } from '../../components/CodeAndNameFields';
import { useConsole, useReference, useResource } from '../../lib/context';
import { localName } from '../../lib/format';
import type { AdminService } from '../../lib/types';
import { Unavailable } from './Users';

export function Categories() {
  const { api, t, language, session, toast, toastError } = useConsole();
  const { ref, reload: reloadRef } = useReference();
  const [office, setOffice] = useState(session?.user.officeCode ?? ref.offices[0]?.code ?? '');
  const current = office || ref.offices[0]?.code || '';
  const services = useResource(
    () =>
      current
        ? api
            .get<{ items: AdminService[] } | AdminService[]>(`/staff/offices/${current}/services`)
            .then((r) => (Array.isArray(r) ? r : r.items))
        : Promise.resolve([] as AdminService[]),
    current,
  );

  async function change(id: string, body: Record<string, unknown>) {
    try {
      await api.patch(`/staff/categories/${id}`, body);
      toast(t('categories.updated'));
      services.reload(true);
      reloadRef();
    } catch (e) {
      toastError(e);
    }
  }

  async function create(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const data = new FormData(form);
    try {
      await api.post(`/staff/offices/${current}/categories`, {
        serviceCode: String(data.get('serviceCode')),
        code: String(data.get('code')),
        nameId: String(data.get('nameId')),
        nameEn: String(data.get('nameEn')),
      });
      form.reset();
      toast(t('categories.created'));
      services.reload(true);
      reloadRef();
    } catch (e) {
      toastError(e);
    }
  }

  return (
    <div className="page">
      <div className="page-head">
        <h1>{t('categories.title')}</h1>
        {ref.offices.length > 1 && session?.user.officeCode === null && (
          <label className="inline">
            {t('users.office')}
            <select value={current} onChange={(e) => setOffice(e.target.value)}>
              {ref.offices.map((o) => (
                <option key={o.code} value={o.code}>
                  {o.code}
                </option>
              ))}
            </select>
          </label>
        )}
      </div>
      {services.error ? <Unavailable error={services.error} /> : null}
      {services.data?.map((service) => (
        <section key={service.code} className="card">
          <h2>{localName(service.name, language)}</h2>
          <table className="admin-table">
            <thead>
              <tr>
                <th scope="col">{t('categories.code')}</th>
                <th scope="col">{t('teams.nameId')}</th>
                <th scope="col">{t('teams.nameEn')}</th>
                <th scope="col">{t('users.status')}</th>
                <th scope="col">
                  <span className="visually-hidden">{t('users.edit')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {service.categories.map((c) => (
                <tr key={c.id} className={c.active ? undefined : 'disabled'}>
                  <td>
                    <code>{c.code}</code>
                  </td>
                  <td>{c.name.id}</td>
                  <td>{c.name.en}</td>
                  <td>{c.active ? t('categories.active') : t('categories.inactive')}</td>
                  <td className="actions">
                    <button type="button" onClick={() => change(c.id, { active: !c.active })}>
                      {c.active ? t('categories.deactivate') : t('categories.activate')}
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      ))}
      {services.data && services.data.length > 0 && (
        <section className="card">
          <h2>{t('categories.create')}</h2>
          <form className="row wrap" onSubmit={create}>
            <label>
              {t('categories.service')}
              <select name="serviceCode" required>
                {services.data.map((s) => (
                  <option key={s.code} value={s.code}>
                    {localName(s.name, language)}
                  </option>
                ))}
              </select>
            </label>
            <CodeAndNameFields codeLabel={t('categories.code')} />
            <button type="submit" className="primary">
              {t('categories.create')}
            </button>
          </form>
        </section>
      )}
    </div>
  );
}
