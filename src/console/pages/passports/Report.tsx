import { useState } from 'react';
import { Link } from 'react-router';
import { OfficePicker, useOfficeChoice } from '../../components/OfficePicker';
import { buildQuery } from '../../lib/api';
import { useConsole, useResource } from '../../lib/context';
import { formatDateTime } from '../../lib/format';
import { Unavailable } from '../admin/Users';
import { type Stage, stageKey } from './types';

interface PassportReport {
  perStage: { stage: Stage; count: number }[];
  timeInStage: { stage: Stage; averageHours: number; samples: number }[];
  late: {
    count: number;
    oldest: { id: string; applicationNumber: string; stage: Stage; expectedAt: string }[];
  };
  total: number;
}

const isoDay = (d: Date) => d.toISOString().slice(0, 10);

/** Applications per stage, average time per stage and late applications, per office and period. */
export function PassportReportPage() {
  const { api, t, language } = useConsole();
  const [office, setOffice] = useOfficeChoice();
  const [from, setFrom] = useState(isoDay(new Date(Date.now() - 30 * 86_400_000)));
  const [to, setTo] = useState(isoDay(new Date()));
  const query = buildQuery({ office, from, to });
  const report = useResource(() => api.get<PassportReport>(`/staff/passport-reports${query}`), query);
  const data = report.data;
  return (
    <div className="page">
      <div className="page-head">
        <h1>{t('passport.report.title')}</h1>
        <OfficePicker value={office} onChange={setOffice} />
        <label>
          {t('passport.report.from')}
          <input type="date" value={from} onChange={(e) => e.target.value && setFrom(e.target.value)} />
        </label>
        <label>
          {t('passport.report.to')}
          <input type="date" value={to} onChange={(e) => e.target.value && setTo(e.target.value)} />
        </label>
      </div>
      <p className="muted">{t('passport.report.help')}</p>
      {report.error ? <Unavailable error={report.error} /> : null}
      {data && (
        <>
          <p>
            {t('passport.report.total', { count: data.total })} ·{' '}
            {t('passport.report.late', { count: data.late.count })}
          </p>
          <h2>{t('passport.report.perStage')}</h2>
          <table className="admin-table">
            <thead>
              <tr>
                <th scope="col">{t('passport.stage')}</th>
                <th scope="col">{t('passport.report.count')}</th>
              </tr>
            </thead>
            <tbody>
              {data.perStage.map((s) => (
                <tr key={s.stage}>
                  <td>{t(stageKey(s.stage))}</td>
                  <td>{s.count}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <h2>{t('passport.report.timeInStage')}</h2>
          <table className="admin-table">
            <thead>
              <tr>
                <th scope="col">{t('passport.stage')}</th>
                <th scope="col">{t('passport.report.hours')}</th>
                <th scope="col">{t('passport.report.samples')}</th>
              </tr>
            </thead>
            <tbody>
              {data.timeInStage.map((s) => (
                <tr key={s.stage}>
                  <td>{t(stageKey(s.stage))}</td>
                  <td>{s.averageHours.toLocaleString(language)}</td>
                  <td>{s.samples}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {data.late.oldest.length > 0 && (
            <>
              <h2>{t('passport.report.late', { count: data.late.count })}</h2>
              <ul>
                {data.late.oldest.map((a) => (
                  <li key={a.id}>
                    <Link to={`/passports/${a.id}`}>{a.applicationNumber}</Link> — {t(stageKey(a.stage))} ·{' '}
                    {t('passport.expected')}: {formatDateTime(a.expectedAt, language)}
                  </li>
                ))}
              </ul>
            </>
          )}
        </>
      )}
    </div>
  );
}
