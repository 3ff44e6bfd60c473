import { useState } from 'react';
import { OfficePicker, useOfficeChoice } from '../components/OfficePicker';
import { buildQuery } from '../lib/api';
import { useConsole, useResource } from '../lib/context';
import { localName } from '../lib/format';
import type { LocalizedName } from '../lib/types';
import { Unavailable } from './admin/Users';

interface Row {
  month: string;
  team: { id: string; name: LocalizedName } | null;
  category: { id: string; code: string; name: LocalizedName } | null;
  due: number;
  met: number;
  breached: number;
  pending: number;
  percent: number | null;
  firstResponseDue: number;
  firstResponseMet: number;
  firstResponsePercent: number | null;
}

function monthsAgo(n: number): string {
  const now = new Date();
  const d = new Date(now.getFullYear(), now.getMonth() - n, 1);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}`;
}

/** SLA compliance per team, category and month of the due time, with a CSV download of the same figures. */
export function SlaReport() {
  const { api, t, language } = useConsole();
  const [office, setOffice] = useOfficeChoice();
  const [from, setFrom] = useState(monthsAgo(5));
  const [to, setTo] = useState(monthsAgo(0));
  const query = buildQuery({ office, from, to });
  const report = useResource(
    () =>
      office
        ? api.get<{ rows: Row[] }>(`/staff/reports/sla${query}`)
        : Promise.resolve({ rows: [] as Row[] }),
    query,
  );
  const rows = report.data?.rows ?? [];
  const total = rows.reduce(
    (sum, r) => ({ due: sum.due + r.due, met: sum.met + r.met, breached: sum.breached + r.breached }),
    { due: 0, met: 0, breached: 0 },
  );
  const percent = (value: number | null) =>
    value === null ? t('app.none') : `${value.toLocaleString(language)} %`;

  return (
    <div className="page">
      <div className="page-head">
        <h1>{t('report.title')}</h1>
        <OfficePicker value={office} onChange={setOffice} />
        <label>
          {t('report.from')}
          <input type="month" value={from} onChange={(e) => e.target.value && setFrom(e.target.value)} />
        </label>
        <label>
          {t('report.to')}
          <input type="month" value={to} onChange={(e) => e.target.value && setTo(e.target.value)} />
        </label>
        <a className="button" href={`/api/v1/staff/reports/sla.csv${query}`} download>
          {t('report.csv')}
        </a>
      </div>
      <p className="muted">{t('report.help')}</p>
      {report.error ? <Unavailable error={report.error} /> : null}
      {report.data && rows.length === 0 && <p className="state">{t('report.empty')}</p>}
      {rows.length > 0 && (
        <>
          <p>
            {t('report.summary', {
              met: total.met,
              breached: total.breached,
              percent:
                total.met + total.breached
                  ? `${(Math.round((1000 * total.met) / (total.met + total.breached)) / 10).toLocaleString(language)} %`
                  : t('app.none'),
            })}
          </p>
          <table className="admin-table">
            <caption className="visually-hidden">{t('report.title')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('report.month')}</th>
                <th scope="col">{t('report.team')}</th>
                <th scope="col">{t('case.category')}</th>
                <th scope="col">{t('report.due')}</th>
                <th scope="col">{t('report.met')}</th>
                <th scope="col">{t('report.breached')}</th>
                <th scope="col">{t('report.pending')}</th>
                <th scope="col">{t('report.percent')}</th>
                <th scope="col">{t('report.firstResponse')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={`${r.month}-${r.team?.id ?? ''}-${r.category?.id ?? ''}`}>
                  <td>{r.month}</td>
                  <td>{r.team ? localName(r.team.name, language) : t('report.noTeam')}</td>
                  <td>{r.category ? localName(r.category.name, language) : t('report.noCategory')}</td>
                  <td>{r.due}</td>
                  <td>{r.met}</td>
                  <td>{r.breached}</td>
                  <td>{r.pending}</td>
                  <td>{percent(r.percent)}</td>
                  <td>
                    {r.firstResponseMet}/{r.firstResponseDue} · {percent(r.firstResponsePercent)}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </div>
  );
}
