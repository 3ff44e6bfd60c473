import { type FormEvent, useState } from 'react';
import { Link } from 'react-router';
import { OfficePicker, useOfficeChoice } from '../../components/OfficePicker';
import { buildQuery } from '../../lib/api';
import { useConsole, useResource } from '../../lib/context';
import { formatDateTime } from '../../lib/format';
import { hasRole } from '../../lib/types';
import { Unavailable } from '../admin/Users';
import { type Application, STAGES, stageKey } from './types';

const PAGE = 25;

/** Search passport applications by number, name, date of birth, appointment date, stage or lateness. */
export function Applications() {
  const { api, t, language, session } = useConsole();
  const [office, setOffice] = useOfficeChoice();
  const [form, setForm] = useState({ q: '', birthDate: '', appointmentDate: '', stage: '', late: false });
  const [filters, setFilters] = useState(form);
  const [offset, setOffset] = useState(0);
  const query = buildQuery({
    office,
    q: filters.q || undefined,
    birthDate: filters.birthDate || undefined,
    appointmentDate: filters.appointmentDate || undefined,
    stage: filters.stage || undefined,
    late: filters.late ? 'true' : undefined,
    limit: PAGE,
    offset: offset || undefined,
  });
  const result = useResource(
    () => api.get<{ items: Application[]; hasMore: boolean }>(`/staff/passport-applications${query}`),
    query,
  );

  function search(event: FormEvent) {
    event.preventDefault();
    setOffset(0);
    setFilters(form);
  }

  return (
    <div className="page">
      <div className="page-head">
        <h1>{t('passport.search.title')}</h1>
        <OfficePicker value={office} onChange={setOffice} />
        {session && hasRole(session.user, 'supervisor') && (
          <Link className="button" to="/passports/import">
            {t('passport.import.link')}
          </Link>
        )}
      </div>
      <form className="filters" onSubmit={search}>
        <label>
          {t('passport.search.q')}
          <input
            type="search"
            value={form.q}
            maxLength={200}
            onChange={(e) => setForm({ ...form, q: e.target.value })}
          />
        </label>
        <label>
          {t('passport.search.birthDate')}
          <input
            type="date"
            value={form.birthDate}
            onChange={(e) => setForm({ ...form, birthDate: e.target.value })}
          />
        </label>
        <label>
          {t('passport.search.appointmentDate')}
          <input
            type="date"
            value={form.appointmentDate}
            onChange={(e) => setForm({ ...form, appointmentDate: e.target.value })}
          />
        </label>
        <label>
          {t('passport.search.stage')}
          <select value={form.stage} onChange={(e) => setForm({ ...form, stage: e.target.value })}>
            <option value="">{t('passport.search.anyStage')}</option>
            {STAGES.map((s) => (
              <option key={s} value={s}>
                {t(stageKey(s))}
              </option>
            ))}
          </select>
        </label>
        <label className="check">
          <input
            type="checkbox"
            checked={form.late}
            onChange={(e) => setForm({ ...form, late: e.target.checked })}
          />
          {t('passport.search.late')}
        </label>
        <button type="submit">{t('passport.search.submit')}</button>
      </form>
      {result.error ? <Unavailable error={result.error} /> : null}
      {result.data && result.data.items.length === 0 && <p className="state">{t('passport.search.empty')}</p>}
      {result.data && result.data.items.length > 0 && (
        <table className="admin-table">
          <caption className="visually-hidden">{t('passport.search.title')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('passport.number')}</th>
              <th scope="col">{t('passport.applicant')}</th>
              <th scope="col">{t('passport.search.birthDate')}</th>
              <th scope="col">{t('passport.stage')}</th>
              <th scope="col">{t('passport.expected')}</th>
            </tr>
          </thead>
          <tbody>
            {result.data.items.map((a) => (
              <tr key={a.id}>
                <td>
                  <Link to={`/passports/${a.id}`}>{a.applicationNumber}</Link>
                </td>
                <td>{a.applicantName}</td>
                <td>{a.birthDate}</td>
                <td>
                  {t(stageKey(a.stage))}{' '}
                  <span className="muted small">{formatDateTime(a.stageAt, language)}</span>
                </td>
                <td>
                  {a.expectedAt ? formatDateTime(a.expectedAt, language) : t('app.none')}
                  {a.late && <strong className="badge badge-danger"> {t('passport.late')}</strong>}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <div className="pager">
        {offset > 0 && (
          <button type="button" onClick={() => setOffset(Math.max(0, offset - PAGE))}>
            {t('passport.search.previous')}
          </button>
        )}
        {result.data?.hasMore && (
          <button type="button" onClick={() => setOffset(offset + PAGE)}>
            {t('passport.search.more')}
          </button>
        )}
      </div>
    </div>
  );
}
