import { useEffect, useState } from 'react';
import { OfficePicker, useOfficeChoice } from '../../components/OfficePicker';
import { buildQuery } from '../../lib/api';
import { useConsole, useResource } from '../../lib/context';
import { Unavailable } from '../admin/Users';

interface ElementResult {
  element: string;
  nrr: number;
  converted: number;
  category: string;
}

interface SkmReport {
  office: { code: string; name: string };
  weight: string;
  overall: {
    respondents: number;
    elements: ElementResult[];
    ikm: number | null;
    category: string | null;
    label: string | null;
  };
  services: {
    serviceCode: string;
    serviceName: string;
    result: { respondents: number; ikm: number | null; category: string | null };
  }[];
  lowest: { element: string; name: string; nrr: number; category: string }[];
  followUp: { plan: string; updatedAt: string } | null;
  allowedActions: string[];
}

const isoDay = (d: Date) => d.toISOString().slice(0, 10);

/**
 * The SKM report (PermenPANRB 14/2017) for a period: respondents, NRR per element, IKM and category, per service,
 * the lowest elements, the follow-up plan (supervisors write it) and the PDF/XLSX downloads.
 */
export function SkmReportPage() {
  const { api, t } = useConsole();
  const [office, setOffice] = useOfficeChoice();
  const year = new Date().getFullYear();
  const [from, setFrom] = useState(`${year}-01-01`);
  const [to, setTo] = useState(isoDay(new Date()));
  const query = buildQuery({ office, from, to });
  const report = useResource(() => api.get<SkmReport>(`/staff/surveys/report${query}`), query);
  const data = report.data;
  const [plan, setPlan] = useState('');
  const [saved, setSaved] = useState<string | null>(null);
  useEffect(() => setPlan(data?.followUp?.plan ?? ''), [data]);
  const canPlan = data?.allowedActions.includes('plan') ?? false;

  async function savePlan(event: React.FormEvent) {
    event.preventDefault();
    setSaved(null);
    await api.put('/staff/surveys/follow-up', { ...(office ? { office } : {}), from, to, plan });
    setSaved(t('skm.planSaved'));
  }

  return (
    <div className="page">
      <div className="page-head">
        <h1>{t('skm.title')}</h1>
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
      {report.error ? <Unavailable error={report.error} /> : null}
      {data && (
        <>
          <p>
            {t('skm.respondents', { count: data.overall.respondents })} ·{' '}
            {t('skm.weight', { weight: data.weight })}
          </p>
          {data.overall.ikm !== null && (
            <p>
              <strong>
                {t('skm.ikm', {
                  ikm: data.overall.ikm,
                  category: data.overall.category ?? '',
                  label: data.overall.label ?? '',
                })}
              </strong>
            </p>
          )}
          <p>
            <a href={`/api/v1/staff/surveys/report${query}&format=pdf`}>{t('skm.downloadPdf')}</a> ·{' '}
            <a href={`/api/v1/staff/surveys/report${query}&format=xlsx`}>{t('skm.downloadXlsx')}</a>
          </p>
          <table className="admin-table">
            <caption>{t('skm.elements')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('skm.element')}</th>
                <th scope="col">NRR</th>
                <th scope="col">{t('skm.converted')}</th>
                <th scope="col">{t('skm.category')}</th>
              </tr>
            </thead>
            <tbody>
              {data.overall.elements.map((e) => (
                <tr key={e.element}>
                  <td>{e.element.toUpperCase()}</td>
                  <td>{e.nrr.toFixed(2)}</td>
                  <td>{e.converted.toFixed(2)}</td>
                  <td>{e.category}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <table className="admin-table">
            <caption>{t('skm.services')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('skm.service')}</th>
                <th scope="col">{t('skm.respondentsColumn')}</th>
                <th scope="col">IKM</th>
                <th scope="col">{t('skm.category')}</th>
              </tr>
            </thead>
            <tbody>
              {data.services.map((s) => (
                <tr key={s.serviceCode}>
                  <td>{s.serviceName}</td>
                  <td>{s.result.respondents}</td>
                  <td>{s.result.ikm ?? '–'}</td>
                  <td>{s.result.category ?? '–'}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <h2>{t('skm.lowest')}</h2>
          <ul>
            {data.lowest.map((l) => (
              <li key={l.element}>
                {l.element.toUpperCase()} {l.name}: {l.nrr.toFixed(2)} ({l.category})
              </li>
            ))}
          </ul>
          <h2>{t('skm.followUp')}</h2>
          {canPlan ? (
            <form onSubmit={savePlan}>
              <label htmlFor="skm-plan">{t('skm.followUp')}</label>
              <textarea id="skm-plan" rows={6} value={plan} onChange={(e) => setPlan(e.target.value)} />
              <button type="submit">{t('skm.savePlan')}</button>
              {saved && <p role="status">{saved}</p>}
            </form>
          ) : (
            <p>{data.followUp?.plan ?? t('skm.noPlan')}</p>
          )}
        </>
      )}
    </div>
  );
}
