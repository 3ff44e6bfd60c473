import { type FormEvent, useEffect, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { buildQuery } from '../../lib/api';
import { useConsole, useResource } from '../../lib/context';
import { formatDateTime } from '../../lib/format';
import type { Diff, KnowledgeAction, RevisionSummary } from '../../lib/knowledge-types';
import { BASE, DiffView, ItemStatusBadge, LoadError, Loading } from './shared';

interface Versioned {
  id: string;
  version: number;
  status: 'draft' | 'review' | 'published' | 'archived';
  revisionNumber: number;
  allowedActions: KnowledgeAction[];
  title?: string;
  questions?: string[];
}

interface RevisionContent {
  number: number;
  authorName: string | null;
  message: string | null;
  createdAt: string;
  title?: string;
  summary?: string;
  body?: string;
  questions?: string[];
  answer?: string;
  slug?: string;
  tags?: string[];
}

/**
 * The revisions of an article or FAQ entry: pick two to compare (the server's word diff), view one, or restore it
 * as a new revision. The published revision is marked in words, not only by colour.
 */
export function History({ kind }: { kind: 'articles' | 'faqs' }) {
  const { id } = useParams();
  const { api, t, language, toast, toastError } = useConsole();
  const navigate = useNavigate();
  const item = useResource(() => api.get<Versioned>(`${BASE}/${kind}/${id}`), `${kind}/${id}`);
  const revisions = useResource(
    () => api.get<{ items: RevisionSummary[] }>(`${BASE}/${kind}/${id}/revisions`).then((r) => r.items),
    `${kind}/${id}`,
  );
  const [from, setFrom] = useState<number | null>(null);
  const [to, setTo] = useState<number | null>(null);
  const [diff, setDiff] = useState<Diff | null>(null);
  const [diffError, setDiffError] = useState<unknown>(null);
  const [viewing, setViewing] = useState<RevisionContent | null>(null);
  const [busy, setBusy] = useState(false);

  // Default comparison: the two newest revisions.
  useEffect(() => {
    const list = revisions.data;
    if (!list || list.length === 0) return;
    const sorted = [...list].sort((a, b) => b.number - a.number);
    setTo(sorted[0]!.number);
    setFrom(sorted[1]?.number ?? sorted[0]!.number);
  }, [revisions.data]);

  async function compare(event?: FormEvent) {
    event?.preventDefault();
    if (from === null || to === null) return;
    setDiffError(null);
    try {
      const [a, b] = from <= to ? [from, to] : [to, from];
      setDiff(await api.get<Diff>(`${BASE}/${kind}/${id}/diff${buildQuery({ from: a, to: b })}`));
    } catch (e) {
      setDiff(null);
      setDiffError(e);
    }
  }

  async function view(number: number) {
    try {
      setViewing(await api.get<RevisionContent>(`${BASE}/${kind}/${id}/revisions/${number}`));
    } catch (e) {
      toastError(e);
    }
  }

  async function restore(number: number) {
    const current = item.data;
    if (!current || !window.confirm(t('knowledge.history.restoreConfirm', { number }))) return;
    setBusy(true);
    try {
      const next = await api.post<Versioned>(`${BASE}/${kind}/${id}/revisions/${number}/restore`, {
        version: current.version,
        message: t('knowledge.history.restoreMessage', { number }),
      });
      toast(t('knowledge.history.restored', { number, revision: next.revisionNumber }));
      navigate(`/knowledge/${kind}/${id}`);
    } catch (e) {
      toastError(e);
      item.reload(true);
      revisions.reload(true);
    } finally {
      setBusy(false);
    }
  }

  if (item.error) return <LoadError error={item.error} onRetry={() => item.reload()} />;
  if (!item.data || !revisions.data)
    return revisions.error ? <LoadError error={revisions.error} /> : <Loading />;
  const name = item.data.title ?? item.data.questions?.[0] ?? '';
  const canRestore = item.data.allowedActions.includes('restore_revision');
  const list = [...revisions.data].sort((a, b) => b.number - a.number);

  return (
    <div className="page wide">
      <nav className="case-nav" aria-label={t('knowledge.breadcrumb')}>
        <Link to={`/knowledge/${kind}/${id}`}>← {name}</Link>
      </nav>
      <h1>
        {t('knowledge.history.title')} <ItemStatusBadge status={item.data.status} />
      </h1>
      <p className="muted">{name}</p>
      <form onSubmit={compare}>
        <table className="admin-table revisions">
          <caption className="visually-hidden">{t('knowledge.history.title')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('knowledge.history.from')}</th>
              <th scope="col">{t('knowledge.history.to')}</th>
              <th scope="col">{t('knowledge.history.number')}</th>
              <th scope="col">{t('knowledge.history.when')}</th>
              <th scope="col">{t('knowledge.history.author')}</th>
              <th scope="col">{t('knowledge.history.message')}</th>
              <th scope="col">
                <span className="visually-hidden">{t('knowledge.history.actions')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {list.map((r) => (
              <tr key={r.number} className={r.published ? 'published-revision' : undefined}>
                <td>
                  <input
                    type="radio"
                    name="from"
                    checked={from === r.number}
                    onChange={() => setFrom(r.number)}
                    aria-label={t('knowledge.history.compareFrom', { number: r.number })}
                  />
                </td>
                <td>
                  <input
                    type="radio"
                    name="to"
                    checked={to === r.number}
                    onChange={() => setTo(r.number)}
                    aria-label={t('knowledge.history.compareTo', { number: r.number })}
                  />
                </td>
                <td>
                  <strong>#{r.number}</strong>
                  {r.published && (
                    <span className="tag tag-published">{t('knowledge.history.published')}</span>
                  )}
                  {r.number === item.data!.revisionNumber && (
                    <span className="tag">{t('knowledge.history.latest')}</span>
                  )}
                </td>
                <td>
                  <time dateTime={r.createdAt}>{formatDateTime(r.createdAt, language)}</time>
                </td>
                <td>{r.authorName ?? '—'}</td>
                <td>{r.message || <span className="muted">—</span>}</td>
                <td className="actions">
                  <button type="button" onClick={() => void view(r.number)}>
                    {t('knowledge.history.view', { number: r.number })}
                  </button>
                  {canRestore && r.number !== item.data!.revisionNumber && (
                    <button type="button" disabled={busy} onClick={() => void restore(r.number)}>
                      {t('knowledge.history.restore', { number: r.number })}
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        <button type="submit" className="primary" disabled={from === null || to === null || from === to}>
          {t('knowledge.history.compare')}
        </button>
      </form>
      {diffError ? <LoadError error={diffError} /> : null}
      {diff && <DiffView diff={diff} />}
      {viewing && (
        <section className="card revision-view" aria-labelledby="revision-view-title">
          <h2 id="revision-view-title">
            {t('knowledge.history.viewing', { number: viewing.number })}{' '}
            <span className="muted small">
              {formatDateTime(viewing.createdAt, language)} · {viewing.authorName ?? '—'}
            </span>
          </h2>
          {viewing.title !== undefined && <h3>{viewing.title}</h3>}
          {viewing.slug && (
            <p>
              <code>{viewing.slug}</code>
            </p>
          )}
          {viewing.summary && (
            <p>
              <strong>{viewing.summary}</strong>
            </p>
          )}
          {viewing.questions && (
            <ul>
              {viewing.questions.map((q) => (
                <li key={q}>{q}</li>
              ))}
            </ul>
          )}
          <pre className="source-body">{viewing.body ?? viewing.answer ?? ''}</pre>
          {viewing.tags && viewing.tags.length > 0 && (
            <p className="muted small">{viewing.tags.join(', ')}</p>
          )}
          <button type="button" onClick={() => setViewing(null)}>
            {t('app.close')}
          </button>
        </section>
      )}
    </div>
  );
}
