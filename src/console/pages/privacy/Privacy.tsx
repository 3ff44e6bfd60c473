import { type FormEvent, useState } from 'react';
import type { MessageKey } from '../../i18n';
import { useConsole, useResource } from '../../lib/context';
import { formatDateTime } from '../../lib/format';
import { hasRole } from '../../lib/types';
import { Unavailable } from '../admin/Users';

interface DsRequest {
  id: string;
  kind: 'access' | 'correction' | 'erasure';
  status: 'open' | 'completed' | 'rejected';
  trackingCode: string | null;
  email: string | null;
  details: string | null;
  receivedAt: string;
  dueAt: string;
  completedAt: string | null;
  outcome: string | null;
  hoursLeft: number | null;
}

interface Retention {
  caseType: string;
  anonymiseAfterMonths: number | null;
}

const KINDS = ['access', 'correction', 'erasure'] as const;

/** UU 27/2022 housekeeping: data-subject requests on their 3 × 24-hour clock, retention per case type. */
export function Privacy() {
  const { session, t } = useConsole();
  const user = session!.user;
  return (
    <div className="page">
      <div className="page-head">
        <h1>{t('privacy.title')}</h1>
      </div>
      <p className="muted">{t('privacy.help')}</p>
      <Requests />
      {hasRole(user, 'admin') && user.officeCode && <RetentionSettings office={user.officeCode} />}
    </div>
  );
}

function Clock({ request }: { request: DsRequest }) {
  const { t } = useConsole();
  if (request.hoursLeft === null) return <>{t(`privacy.status.${request.status}` as MessageKey)}</>;
  const overdue = request.hoursLeft < 0;
  return (
    <span className={overdue ? 'sla sla-breached' : request.hoursLeft < 24 ? 'sla sla-due-soon' : 'sla'}>
      {overdue
        ? t('privacy.overdue', { hours: Math.abs(Math.round(request.hoursLeft)) })
        : t('privacy.hoursLeft', { hours: Math.round(request.hoursLeft) })}
    </span>
  );
}

function Requests() {
  const { api, t, language, toast, toastError } = useConsole();
  const requests = useResource(() => api.get<{ items: DsRequest[] }>('/staff/privacy/requests'), 0);
  const [kind, setKind] = useState<(typeof KINDS)[number]>('access');
  const [code, setCode] = useState('');
  const [email, setEmail] = useState('');
  const [details, setDetails] = useState('');

  async function record(event: FormEvent) {
    event.preventDefault();
    try {
      await api.post('/staff/privacy/requests', {
        kind,
        trackingCode: code || undefined,
        email: email || undefined,
        details: details || undefined,
      });
      toast(t('privacy.recorded'));
      setCode('');
      setEmail('');
      setDetails('');
      requests.reload(true);
    } catch (e) {
      toastError(e);
    }
  }

  async function complete(request: DsRequest, status: 'completed' | 'rejected') {
    const outcome = window.prompt(
      t(status === 'completed' ? 'privacy.outcomePrompt' : 'privacy.rejectPrompt'),
    );
    if (!outcome) return;
    let correction: Record<string, string> | undefined;
    if (request.kind === 'correction' && status === 'completed') {
      const name = window.prompt(t('privacy.correctName')) ?? '';
      const mail = window.prompt(t('privacy.correctEmail')) ?? '';
      const phone = window.prompt(t('privacy.correctPhone')) ?? '';
      correction = Object.fromEntries(
        Object.entries({ name, email: mail, phone }).filter(([, v]) => v !== ''),
      );
    }
    try {
      await api.post(`/staff/privacy/requests/${request.id}/complete`, { status, outcome, correction });
      toast(t('privacy.closed'));
      requests.reload(true);
    } catch (e) {
      toastError(e);
    }
  }

  return (
    <section>
      <h2>{t('privacy.requests')}</h2>
      <form className="row filters" onSubmit={(e) => void record(e)}>
        <label>
          {t('privacy.kind')}
          <select value={kind} onChange={(e) => setKind(e.target.value as (typeof KINDS)[number])}>
            {KINDS.map((k) => (
              <option key={k} value={k}>
                {t(`privacy.kind.${k}` as MessageKey)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('privacy.trackingCode')}
          <input value={code} onChange={(e) => setCode(e.target.value)} />
        </label>
        <label>
          {t('privacy.email')}
          <input type="email" value={email} onChange={(e) => setEmail(e.target.value)} />
        </label>
        <label>
          {t('privacy.details')}
          <input value={details} onChange={(e) => setDetails(e.target.value)} />
        </label>
        <button type="submit">{t('privacy.record')}</button>
      </form>
      {requests.error ? <Unavailable error={requests.error} /> : null}
      {requests.data && requests.data.items.length === 0 && <p className="state">{t('privacy.empty')}</p>}
      {requests.data && requests.data.items.length > 0 && (
        <table className="admin-table">
          <thead>
            <tr>
              <th scope="col">{t('privacy.kind')}</th>
              <th scope="col">{t('privacy.subject')}</th>
              <th scope="col">{t('privacy.received')}</th>
              <th scope="col">{t('privacy.clock')}</th>
              <th scope="col">
                <span className="visually-hidden">{t('privacy.actions')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {requests.data.items.map((r) => (
              <tr key={r.id}>
                <td>{t(`privacy.kind.${r.kind}` as MessageKey)}</td>
                <td>
                  {[r.trackingCode, r.email].filter(Boolean).join(' · ')}
                  {r.details && <div className="small muted">{r.details}</div>}
                  {r.outcome && <div className="small">{r.outcome}</div>}
                </td>
                <td>{formatDateTime(r.receivedAt, language)}</td>
                <td>
                  <Clock request={r} />
                  <div className="small muted">
                    {t('privacy.due', { at: formatDateTime(r.dueAt, language) })}
                  </div>
                </td>
                <td className="actions">
                  {r.kind === 'access' && (
                    <a
                      className="button ghost"
                      href={`/api/v1/staff/privacy/requests/${r.id}/export`}
                      download
                    >
                      {t('privacy.export')}
                    </a>
                  )}
                  {r.status === 'open' && (
                    <>
                      <button type="button" onClick={() => void complete(r, 'completed')}>
                        {t(`privacy.complete.${r.kind}` as MessageKey)}
                      </button>
                      <button type="button" className="ghost" onClick={() => void complete(r, 'rejected')}>
                        {t('privacy.reject')}
                      </button>
                    </>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

function RetentionSettings({ office }: { office: string }) {
  const { api, t, toast, toastError } = useConsole();
  const rules = useResource(
    () => api.get<{ items: Retention[] }>(`/staff/offices/${office}/retention`),
    office,
  );

  async function save(caseType: string, value: string) {
    try {
      await api.put(`/staff/offices/${office}/retention/${caseType}`, {
        anonymiseAfterMonths: value === '' ? null : Number(value),
      });
      toast(t('privacy.retentionSaved'));
      rules.reload(true);
    } catch (e) {
      toastError(e);
    }
  }

  return (
    <section>
      <h2>{t('privacy.retention')}</h2>
      <p className="muted">{t('privacy.retentionHelp')}</p>
      {rules.error ? <Unavailable error={rules.error} /> : null}
      {rules.data && (
        <table className="admin-table">
          <tbody>
            {rules.data.items.map((rule) => (
              <tr key={rule.caseType}>
                <th scope="row">{t(`type.${rule.caseType}` as MessageKey)}</th>
                <td>
                  <label>
                    <span className="visually-hidden">{t('privacy.months')}</span>
                    <select
                      value={rule.anonymiseAfterMonths ?? ''}
                      onChange={(e) => void save(rule.caseType, e.target.value)}
                    >
                      <option value="">{t('privacy.keep')}</option>
                      {[3, 6, 12, 24, 36, 60].map((m) => (
                        <option key={m} value={m}>
                          {t('privacy.afterMonths', { months: m })}
                        </option>
                      ))}
                    </select>
                  </label>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
