import { type FormEvent, useEffect, useState } from 'react';
import type { MessageKey } from '../../i18n';
import { buildQuery } from '../../lib/api';
import { useConsole, useReference } from '../../lib/context';
import { formatDateTime } from '../../lib/format';
import { Unavailable } from '../admin/Users';

interface TrailItem {
  id: string;
  seq: number | null;
  at: string;
  type: string;
  trackingCode: string | null;
  actor: { type: string; id: string | null; name: string | null };
  payload: unknown;
}

interface Verification {
  intact: boolean;
  entries: number;
  last: { seq: number; entryHash: string; chainedAt: string } | null;
  pendingEvents: number;
  checkpointsChecked: number;
  problem: { kind: string; seq: number | null; at: string | null; eventId: string | null } | null;
  checkedAt: string;
}

interface Filters {
  actor: string;
  case: string;
  type: string;
  from: string;
  to: string;
}

const EMPTY: Filters = { actor: '', case: '', type: '', from: '', to: '' };

function toQuery(f: Filters) {
  return {
    actor: f.actor || undefined,
    case: f.case || undefined,
    type: f.type || undefined,
    from: f.from ? `${f.from}T00:00:00.000Z` : undefined,
    // The "to" day is included: the filter ends at the start of the next day.
    to: f.to ? new Date(Date.parse(`${f.to}T00:00:00.000Z`) + 86_400_000).toISOString() : undefined,
  };
}

/** The audit trail for auditors and administrators: browse with filters, export CSV, verify the chain. */
export function AuditTrail() {
  const { api, t, language, toastError } = useConsole();
  const { ref } = useReference();
  const [draft, setDraft] = useState<Filters>(EMPTY);
  const [filters, setFilters] = useState<Filters>(EMPTY);
  const [items, setItems] = useState<TrailItem[] | null>(null);
  const [cursor, setCursor] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [verification, setVerification] = useState<Verification | null>(null);
  const [verifying, setVerifying] = useState(false);

  async function load(next: Filters, after: string | null) {
    try {
      const page = await api.get<{ items: TrailItem[]; nextCursor: string | null }>(
        `/staff/audit/events${buildQuery({ ...toQuery(next), limit: 50, cursor: after ?? undefined })}`,
      );
      setItems((current) => (after && current ? [...current, ...page.items] : page.items));
      setCursor(page.nextCursor);
      setError(null);
    } catch (e) {
      setError(e);
    }
  }

  // biome-ignore lint/correctness/useExhaustiveDependencies: the first page once; later pages by the form
  useEffect(() => {
    void load(EMPTY, null);
  }, []);

  function apply(event: FormEvent) {
    event.preventDefault();
    setFilters(draft);
    void load(draft, null);
  }

  async function verify() {
    setVerifying(true);
    try {
      setVerification(await api.post<Verification>('/staff/audit/verify'));
    } catch (e) {
      toastError(e);
    } finally {
      setVerifying(false);
    }
  }

  const csv = `/api/v1/staff/audit/events.csv${buildQuery(toQuery(filters))}`;
  return (
    <div className="page">
      <div className="page-head">
        <h1>{t('audit.title')}</h1>
        <button type="button" onClick={() => void verify()} disabled={verifying} aria-busy={verifying}>
          {t('audit.verify')}
        </button>
      </div>
      <p className="muted">{t('audit.help')}</p>
      <div role="status" aria-live="polite">
        {verification && (
          <p className={verification.intact ? 'state' : 'state state-error'}>
            {verification.intact
              ? t('audit.intact', {
                  entries: verification.entries,
                  at: formatDateTime(verification.checkedAt, language),
                })
              : t('audit.broken', {
                  seq: verification.problem?.seq ?? '—',
                  at: formatDateTime(verification.problem?.at, language),
                  what: t(`audit.problem.${verification.problem?.kind}` as MessageKey),
                })}
            {verification.pendingEvents > 0 && ` ${t('audit.pending', { n: verification.pendingEvents })}`}
            {verification.last && (
              <>
                {' '}
                <code className="small">{verification.last.entryHash.slice(0, 16)}…</code>
              </>
            )}
          </p>
        )}
      </div>
      <form className="row filters" onSubmit={apply}>
        <label>
          {t('audit.actor')}
          <select value={draft.actor} onChange={(e) => setDraft({ ...draft, actor: e.target.value })}>
            <option value="">{t('audit.anyone')}</option>
            {ref.directory.map((d) => (
              <option key={d.id} value={d.id}>
                {d.displayName}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('audit.case')}
          <input
            value={draft.case}
            onChange={(e) => setDraft({ ...draft, case: e.target.value })}
            placeholder="SBY-26-…"
          />
        </label>
        <label>
          {t('audit.action')}
          <input
            value={draft.type}
            onChange={(e) => setDraft({ ...draft, type: e.target.value })}
            placeholder="case."
          />
        </label>
        <label>
          {t('audit.from')}
          <input
            type="date"
            value={draft.from}
            onChange={(e) => setDraft({ ...draft, from: e.target.value })}
          />
        </label>
        <label>
          {t('audit.to')}
          <input type="date" value={draft.to} onChange={(e) => setDraft({ ...draft, to: e.target.value })} />
        </label>
        <button type="submit">{t('audit.apply')}</button>
        <a className="button ghost" href={csv} download>
          {t('audit.csv')}
        </a>
      </form>
      {error ? <Unavailable error={error} /> : null}
      {items && items.length === 0 && <p className="state">{t('audit.empty')}</p>}
      {items && items.length > 0 && (
        <table className="admin-table">
          <thead>
            <tr>
              <th scope="col">{t('audit.seq')}</th>
              <th scope="col">{t('audit.time')}</th>
              <th scope="col">{t('audit.action')}</th>
              <th scope="col">{t('audit.case')}</th>
              <th scope="col">{t('audit.actor')}</th>
              <th scope="col">{t('audit.details')}</th>
            </tr>
          </thead>
          <tbody>
            {items.map((item) => (
              <tr key={item.id}>
                <td>{item.seq ?? t('audit.notChained')}</td>
                <td>{formatDateTime(item.at, language)}</td>
                <td>
                  <code>{item.type}</code>
                </td>
                <td>{item.trackingCode ?? t('app.none')}</td>
                <td>{item.actor.name ?? t(`audit.actorType.${item.actor.type}` as MessageKey)}</td>
                <td>
                  <code className="clamp small">{JSON.stringify(item.payload)}</code>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {cursor && (
        <button type="button" className="ghost" onClick={() => void load(filters, cursor)}>
          {t('audit.more')}
        </button>
      )}
    </div>
  );
}
