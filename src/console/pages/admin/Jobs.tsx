import { useState } from 'react';
import type { MessageKey } from '../../i18n';
import { useConsole, useResource } from '../../lib/context';
import { formatDateTime } from '../../lib/format';
import { Unavailable } from './Users';

interface Job {
  id: string;
  kind: string;
  status: 'pending' | 'running' | 'done' | 'failed';
  attempts: number;
  maxAttempts: number;
  runAt: string;
  lastError: string | null;
  createdAt: string;
  updatedAt: string;
}

const FILTERS = ['failed', 'pending', 'running', 'done'] as const;

/** Background jobs for administrators: what waits, what failed and why; retry or discard. */
export function Jobs() {
  const { api, t, language, toast, toastError } = useConsole();
  const [status, setStatus] = useState<(typeof FILTERS)[number]>('failed');
  const jobs = useResource(
    () =>
      api.get<{ counts: Record<Job['status'], number>; items: Job[] }>(
        `/staff/jobs?status=${status}&limit=200`,
      ),
    status,
  );

  async function act(job: Job, action: 'retry' | 'discard') {
    try {
      if (action === 'retry') await api.post(`/staff/jobs/${job.id}/retry`);
      else await api.del(`/staff/jobs/${job.id}`);
      toast(t(action === 'retry' ? 'jobs.retried' : 'jobs.discarded'));
      jobs.reload(true);
    } catch (e) {
      toastError(e);
    }
  }

  return (
    <div className="page">
      <div className="page-head">
        <h1>{t('jobs.title')}</h1>
        <button type="button" onClick={() => jobs.reload()}>
          {t('app.reload')}
        </button>
      </div>
      <p className="muted">{t('jobs.help')}</p>
      <nav aria-label={t('jobs.filter')} className="row">
        {FILTERS.map((s) => (
          <button
            key={s}
            type="button"
            className={s === status ? undefined : 'ghost'}
            aria-pressed={s === status}
            onClick={() => setStatus(s)}
          >
            {t(`jobs.status.${s}` as MessageKey)}
            {jobs.data ? ` (${jobs.data.counts[s]})` : ''}
          </button>
        ))}
      </nav>
      {jobs.error ? <Unavailable error={jobs.error} /> : null}
      {jobs.data && jobs.data.items.length === 0 && <p className="state">{t('jobs.empty')}</p>}
      {jobs.data && jobs.data.items.length > 0 && (
        <table className="admin-table">
          <thead>
            <tr>
              <th scope="col">{t('jobs.kind')}</th>
              <th scope="col">{t('jobs.attempts')}</th>
              <th scope="col">{status === 'running' ? t('jobs.leaseEnds') : t('jobs.nextRun')}</th>
              <th scope="col">{t('jobs.error')}</th>
              <th scope="col">
                <span className="visually-hidden">{t('users.edit')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {jobs.data.items.map((job) => (
              <tr key={job.id}>
                <td>
                  <code>{job.kind}</code>
                  <div className="small muted">{formatDateTime(job.createdAt, language)}</div>
                </td>
                <td>
                  {job.attempts} / {job.maxAttempts}
                </td>
                <td>{job.status === 'done' ? t('app.none') : formatDateTime(job.runAt, language)}</td>
                <td>{job.lastError ? <code className="clamp">{job.lastError}</code> : t('app.none')}</td>
                <td className="actions">
                  {job.status === 'failed' && (
                    <button type="button" onClick={() => void act(job, 'retry')}>
                      {t('jobs.retry')}
                    </button>
                  )}
                  {(job.status === 'failed' || job.status === 'pending') && (
                    <button type="button" className="ghost" onClick={() => void act(job, 'discard')}>
                      {t('jobs.discard')}
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
