import { type FormEvent, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { useShortcuts } from '../components/Shortcuts';
import { SlaBadge } from '../components/SlaBadge';
import type { Language, MessageKey } from '../i18n';
import { ApiError, errorText } from '../lib/api';
import { useConsole, useReference } from '../lib/context';
import { formatDateTime, localName } from '../lib/format';
import { fillPlaceholders } from '../lib/placeholders';
import type { CannedResponse, CaseDetail, TimelineEntry } from '../lib/types';
import { PRIORITIES } from '../lib/views';
import { CaseBeside, DeliveryBadge } from './contacts/CaseBeside';
import { PriorityMark, StatusBadge } from './Inbox';
import { PassportBeside } from './passports/Beside';
import { FeedbackBeside } from './surveys/FeedbackBeside';

type Mode = 'public_reply' | 'internal_note';

function useNames() {
  const { ref } = useReference();
  const { language } = useConsole();
  return {
    person: (id: unknown) =>
      typeof id === 'string' ? (ref.directory.find((d) => d.id === id)?.displayName ?? id.slice(0, 8)) : '—',
    team: (id: unknown) => {
      const team = typeof id === 'string' ? ref.teams.find((x) => x.id === id) : undefined;
      return team ? localName(team.name, language) : typeof id === 'string' ? id.slice(0, 8) : '—';
    },
  };
}

function eventText(
  entry: TimelineEntry,
  t: ReturnType<typeof useConsole>['t'],
  names: ReturnType<typeof useNames>,
) {
  const p = entry.payload ?? {};
  const status = (s: unknown) => t(`status.${String(s)}` as MessageKey);
  switch (entry.type) {
    case 'case.created':
      return t('event.created', { channel: t(`channel.${String(p.channel ?? 'web')}` as MessageKey) });
    case 'case.status_changed':
      return t('event.status', { from: status(p.from), to: status(p.to) });
    case 'case.assigned': {
      const parts: string[] = [];
      if (p.assigneeId) parts.push(t('event.assigned', { assignee: names.person(p.assigneeId) }));
      if (p.teamId) parts.push(t('event.assignedTeam', { team: names.team(p.teamId) }));
      return parts.length ? parts.join(' · ') : t('event.unassigned');
    }
    case 'case.linked':
      return t('event.linked', { code: String(p.relatedTrackingCode ?? '') });
    case 'case.merged':
      return t('event.merged', { code: String(p.intoTrackingCode ?? '') });
    case 'case.updated': {
      const changes = (p.changes ?? {}) as Record<string, { from: unknown; to: unknown }>;
      return t('event.updated', {
        fields: Object.entries(changes)
          .map(([field, change]) =>
            field === 'priority'
              ? `${t('case.priority')}: ${t(`priority.${String(change.to)}` as MessageKey)}`
              : `${field === 'category' || field === 'categoryId' ? t('case.category') : field}`,
          )
          .join(', '),
      });
    }
    case 'case.sla_warning':
    case 'case.sla_breached':
      return t(`event.sla.${String(p.milestone)}` as MessageKey);
    case 'case.escalated':
      return t('event.escalated', { rule: String(p.ruleName ?? '') });
    case 'passport.case_linked':
      return t('event.passportLinked', { number: String(p.applicationNumber ?? '') });
    default:
      return t('event.other', { type: entry.type ?? '?' });
  }
}

function Timeline({ entries }: { entries: TimelineEntry[] }) {
  const { t, language } = useConsole();
  const names = useNames();
  return (
    <ol className="timeline">
      {entries
        .filter((e) => e.kind === 'message' || e.type !== 'case.message_added')
        .map((entry, index) => {
          const when = (
            <time dateTime={entry.at} className="muted">
              {formatDateTime(entry.at, language)}
            </time>
          );
          const author = entry.actor.name ?? t(`timeline.${entry.actor.type}` as MessageKey);
          if (entry.kind === 'message') {
            const kind = entry.messageKind ?? 'public_reply';
            const label =
              kind === 'internal_note'
                ? t('timeline.internal')
                : kind === 'citizen_message'
                  ? t('timeline.citizenMessage')
                  : t('timeline.public');
            return (
              <li key={entry.messageId ?? index} className={`entry message message-${kind}`}>
                <div className="entry-head">
                  <strong>{author}</strong>
                  <span className={`kind kind-${kind}`}>{label}</span>
                  {when}
                  <DeliveryBadge messageId={entry.messageId} />
                </div>
                <div className="entry-body">{entry.body}</div>
              </li>
            );
          }
          const reason = entry.type === 'case.status_changed' ? entry.payload?.reason : undefined;
          return (
            // biome-ignore lint/suspicious/noArrayIndexKey: events have no id of their own
            <li key={index} className="entry event">
              <span>{eventText(entry, t, names)}</span>
              {typeof reason === 'string' && reason && (
                <span className="reason"> — {t('event.statusReason', { reason })}</span>
              )}
              <span className="muted"> · {author} · </span>
              {when}
            </li>
          );
        })}
    </ol>
  );
}

function Composer({
  detail,
  onSent,
  composerRef,
  mode,
  setMode,
}: {
  detail: CaseDetail;
  onSent: () => void;
  composerRef: React.RefObject<HTMLTextAreaElement | null>;
  mode: Mode;
  setMode: (mode: Mode) => void;
}) {
  const { api, t, toast } = useConsole();
  const { ref } = useReference();
  const [bodies, setBodies] = useState<Record<Mode, string>>({ public_reply: '', internal_note: '' });
  const [canned, setCanned] = useState<CannedResponse[]>([]);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const { language: uiLanguage } = useConsole();
  const canReply = detail.allowedActions.includes('reply');
  const canNote = detail.allowedActions.includes('note');

  useEffect(() => {
    api
      .get<{ items: CannedResponse[] }>('/staff/canned-responses')
      .then((r) => setCanned(r.items))
      .catch(() => setCanned([]));
  }, [api]);

  useEffect(() => {
    if (mode === 'public_reply' && !canReply && canNote) setMode('internal_note');
  }, [mode, canReply, canNote, setMode]);

  const usable = useMemo(
    () =>
      canned
        .filter((c) => c.officeCode === detail.officeCode)
        .sort((a, b) => Number(b.language === detail.language) - Number(a.language === detail.language)),
    [canned, detail.officeCode, detail.language],
  );

  if (!canReply && !canNote) return <p className="muted">{t('case.readOnly')}</p>;

  function insertCanned(id: string) {
    const item = usable.find((c) => c.id === id);
    if (!item) return;
    const office = ref.offices.find((o) => o.code === detail.officeCode);
    const text = fillPlaceholders(
      item.body,
      {
        citizenName: detail.contact?.name,
        trackingCode: detail.trackingCode,
        officeName: office ? localName(office.name, item.language) : detail.officeCode,
      },
      item.language,
    );
    setBodies((b) => ({ ...b, [mode]: b[mode] ? `${b[mode]}\n\n${text}` : text }));
    composerRef.current?.focus();
  }

  async function send(event?: FormEvent) {
    event?.preventDefault();
    const body = bodies[mode].trim();
    if (!body || busy) return;
    setBusy(true);
    setError(null);
    try {
      await api.post(`/staff/cases/${detail.trackingCode}/messages`, { kind: mode, body });
      setBodies((b) => ({ ...b, [mode]: '' }));
      toast(mode === 'public_reply' ? t('case.replySent') : t('case.noteAdded'));
      onSent();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  }

  return (
    <form className={`composer composer-${mode}`} onSubmit={send} aria-label={t('case.composer')}>
      <div className="composer-tabs" role="radiogroup" aria-label={t('case.composer')}>
        {canReply && (
          <label className={mode === 'public_reply' ? 'tab current' : 'tab'}>
            <input
              type="radio"
              name="mode"
              value="public_reply"
              checked={mode === 'public_reply'}
              onChange={() => setMode('public_reply')}
            />
            {t('case.reply')} <kbd>r</kbd>
          </label>
        )}
        {canNote && (
          <label className={mode === 'internal_note' ? 'tab current' : 'tab'}>
            <input
              type="radio"
              name="mode"
              value="internal_note"
              checked={mode === 'internal_note'}
              onChange={() => setMode('internal_note')}
            />
            {t('case.note')} <kbd>n</kbd>
          </label>
        )}
        {usable.length > 0 && mode === 'public_reply' && (
          <label className="canned">
            {t('case.canned')}
            <select value="" onChange={(e) => insertCanned(e.target.value)}>
              <option value="">{t('case.cannedNone')}</option>
              {usable.map((c) => (
                <option key={c.id} value={c.id}>
                  {c.title} ({c.language})
                </option>
              ))}
            </select>
          </label>
        )}
      </div>
      <label htmlFor="composer-body" className="visually-hidden">
        {mode === 'public_reply' ? t('case.reply') : t('case.note')}
      </label>
      <textarea
        id="composer-body"
        ref={composerRef}
        rows={4}
        value={bodies[mode]}
        placeholder={mode === 'public_reply' ? t('case.replyPlaceholder') : t('case.notePlaceholder')}
        onChange={(e) => setBodies((b) => ({ ...b, [mode]: e.target.value }))}
        onKeyDown={(e) => {
          if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
            e.preventDefault();
            void send();
          }
        }}
        aria-keyshortcuts="Control+Enter"
        lang={mode === 'public_reply' ? detail.language : uiLanguage}
      />
      {error ? (
        <p className="form-error" role="alert">
          {errorText(error, uiLanguage)}
        </p>
      ) : null}
      <div className="row composer-actions">
        <button type="submit" className="primary" disabled={busy || !bodies[mode].trim()}>
          {mode === 'public_reply' ? t('case.send') : t('case.addNote')}
        </button>
        <span className="muted">{t('case.sendHint')}</span>
      </div>
    </form>
  );
}

function StatusChange({ detail, apply }: { detail: CaseDetail; apply: Apply }) {
  const { t } = useConsole();
  const [to, setTo] = useState('');
  const [reason, setReason] = useState('');
  // biome-ignore lint/correctness/useExhaustiveDependencies: a new status offers new transitions
  useEffect(() => setTo(''), [detail.status]);
  if (detail.allowedTransitions.length === 0) return <p className="muted small">{t('case.noTransitions')}</p>;
  const rejecting = to === 'rejected';
  function submit(event: FormEvent) {
    event.preventDefault();
    if (!to) return;
    void apply(
      () => `/staff/cases/${detail.trackingCode}/transitions`,
      { to, version: detail.version, ...(reason.trim() ? { reason: reason.trim() } : {}) },
      t('case.statusChanged', { status: t(`status.${to}` as MessageKey) }),
      'post',
    ).then((ok) => ok && setReason(''));
  }
  return (
    <form onSubmit={submit} className="stack tight">
      <label>
        {t('case.changeStatus')}
        <select value={to} onChange={(e) => setTo(e.target.value)} name="to">
          <option value="">{t('case.newStatus')}…</option>
          {detail.allowedTransitions.map((s) => (
            <option key={s} value={s}>
              {t(`status.${s}` as MessageKey)}
            </option>
          ))}
        </select>
      </label>
      {(rejecting || to === 'resolved') && (
        <label>
          {t('case.reason')}
          <textarea
            value={reason}
            onChange={(e) => setReason(e.target.value)}
            required={rejecting}
            rows={2}
            maxLength={1000}
            aria-describedby={rejecting ? 'reason-help' : undefined}
          />
          {rejecting && (
            <span id="reason-help" className="muted small">
              {t('case.reasonRequired')}
            </span>
          )}
        </label>
      )}
      <button type="submit" disabled={!to || (rejecting && !reason.trim())}>
        {t('case.apply')}
      </button>
    </form>
  );
}

type Apply = (
  path: () => string,
  body: Record<string, unknown>,
  success: string,
  method?: 'post' | 'patch',
) => Promise<boolean>;

function Properties({ detail, apply }: { detail: CaseDetail; apply: Apply }) {
  const { t, language, session } = useConsole();
  const { ref } = useReference();
  const me = session!.user;
  const can = (a: CaseDetail['allowedActions'][number]) => detail.allowedActions.includes(a);
  const office = ref.offices.find((o) => o.code === detail.officeCode);
  const colleagues = ref.directory.filter(
    (d) =>
      (d.officeCode === detail.officeCode || d.officeCode === null) &&
      d.roles.some((r) => r === 'agent' || r === 'supervisor'),
  );
  const teams = ref.teams.filter((x) => x.officeCode === detail.officeCode);
  const patch = (body: Record<string, unknown>) =>
    apply(
      () => `/staff/cases/${detail.trackingCode}`,
      { version: detail.version, ...body },
      t('case.saved'),
      'patch',
    );

  return (
    <div className="properties">
      <h2 className="panel-title">{t('case.details')}</h2>
      <dl className="facts">
        <dt>{t('case.status')}</dt>
        <dd>
          <StatusBadge status={detail.status} />
        </dd>
        <dt>{t('case.channel')}</dt>
        <dd>{t(`channel.${detail.channel}` as MessageKey)}</dd>
        <dt>{t('case.language')}</dt>
        <dd>{t(`lang.${detail.language}` as MessageKey)}</dd>
        <dt>{t('case.received')}</dt>
        <dd>{formatDateTime(detail.receivedAt, language)}</dd>
        <dt>{t('sla.title')}</dt>
        <dd>
          <SlaBadge sla={detail.sla} />
        </dd>
      </dl>
      {(can('transition') || can('reopen')) && <StatusChange detail={detail} apply={apply} />}

      <label>
        {t('case.priority')}
        <select
          value={detail.priority}
          disabled={!can('update')}
          onChange={(e) => void patch({ priority: e.target.value })}
        >
          {PRIORITIES.map((p) => (
            <option key={p} value={p}>
              {t(`priority.${p}`)}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('case.category')}
        <select
          value={detail.category?.code ?? ''}
          disabled={!can('update')}
          onChange={(e) => void patch({ categoryCode: e.target.value || null })}
        >
          <option value="">{t('case.noCategory')}</option>
          {(office?.services ?? []).map((s) => (
            <optgroup key={s.code} label={localName(s.name, language)}>
              {s.categories.map((c) => (
                <option key={c.code} value={c.code}>
                  {localName(c.name, language)}
                </option>
              ))}
            </optgroup>
          ))}
        </select>
      </label>
      {can('assign') && colleagues.length > 0 ? (
        <label>
          {t('case.assignee')}
          <select
            value={detail.assigneeId ?? ''}
            onChange={(e) => void patch({ assigneeId: e.target.value || null })}
          >
            <option value="">{t('case.nobody')}</option>
            {colleagues.map((c) => (
              <option key={c.id} value={c.id}>
                {c.displayName}
              </option>
            ))}
          </select>
        </label>
      ) : (
        <div className="field-like">
          <span className="field-label">{t('case.assignee')}</span>
          <span>
            {detail.assigneeId
              ? (ref.directory.find((d) => d.id === detail.assigneeId)?.displayName ??
                (detail.assigneeId === me.id ? me.displayName : '•'))
              : t('case.nobody')}
          </span>
        </div>
      )}
      {detail.assigneeId !== me.id && (can('take') || can('assign')) && (
        <button
          type="button"
          onClick={() =>
            void apply(
              () => `/staff/cases/${detail.trackingCode}`,
              { version: detail.version, assigneeId: me.id },
              t('case.taken'),
              'patch',
            )
          }
        >
          {t('case.take')}
        </button>
      )}
      {can('assign') && teams.length > 0 && (
        <label>
          {t('case.team')}
          <select
            value={detail.teamId ?? ''}
            onChange={(e) => void patch({ teamId: e.target.value || null })}
          >
            <option value="">{t('case.noTeam')}</option>
            {teams.map((x) => (
              <option key={x.id} value={x.id}>
                {localName(x.name, language)}
              </option>
            ))}
          </select>
        </label>
      )}

      <h2 className="panel-title">{t('case.contact')}</h2>
      {detail.contact === null ? (
        <p className="muted small">{t('case.contactHidden')}</p>
      ) : !detail.contact.name && !detail.contact.email && !detail.contact.phone ? (
        <p className="muted small">{t('case.contactNone')}</p>
      ) : (
        <dl className="facts">
          {detail.contact.name && (
            <>
              <dt>{t('case.name')}</dt>
              <dd>{detail.contact.name}</dd>
            </>
          )}
          {detail.contact.email && (
            <>
              <dt>{t('case.email')}</dt>
              <dd>
                <a href={`mailto:${detail.contact.email}`}>{detail.contact.email}</a>
              </dd>
            </>
          )}
          {detail.contact.phone && (
            <>
              <dt>{t('case.phone')}</dt>
              <dd>
                <a href={`tel:${detail.contact.phone.replace(/[^+0-9]/g, '')}`}>{detail.contact.phone}</a>
              </dd>
            </>
          )}
        </dl>
      )}

      <h2 className="panel-title">{t('case.links')}</h2>
      {detail.linkedCases.length === 0 ? (
        <p className="muted small">{t('case.noLinks')}</p>
      ) : (
        <ul className="links">
          {detail.linkedCases.map((l) => (
            <li key={l.trackingCode}>
              <Link to={`/cases/${l.trackingCode}`}>{l.trackingCode}</Link> <StatusBadge status={l.status} />{' '}
              <span className="small">{l.subject}</span>
            </li>
          ))}
        </ul>
      )}
      {can('link') && <LinkForm detail={detail} apply={apply} />}
      {can('merge') && !detail.mergedInto && <MergeForm detail={detail} apply={apply} />}
    </div>
  );
}

function LinkForm({ detail, apply }: { detail: CaseDetail; apply: Apply }) {
  const { t } = useConsole();
  const [code, setCode] = useState('');
  return (
    <form
      className="inline-form"
      onSubmit={(e) => {
        e.preventDefault();
        void apply(
          () => `/staff/cases/${detail.trackingCode}/links`,
          { relatedTrackingCode: code.trim() },
          t('case.linked'),
        ).then((ok) => ok && setCode(''));
      }}
    >
      <label>
        {t('case.linkCode')}
        <input
          value={code}
          onChange={(e) => setCode(e.target.value)}
          required
          maxLength={40}
          placeholder="SBY-26-…"
        />
      </label>
      <button type="submit">{t('case.link')}</button>
    </form>
  );
}

function MergeForm({ detail, apply }: { detail: CaseDetail; apply: Apply }) {
  const { t } = useConsole();
  const [code, setCode] = useState('');
  const [confirming, setConfirming] = useState(false);
  return (
    <form
      className="inline-form"
      onSubmit={(e) => {
        e.preventDefault();
        if (!confirming) return setConfirming(true);
        void apply(
          () => `/staff/cases/${detail.trackingCode}/merge`,
          { intoTrackingCode: code.trim(), version: detail.version },
          t('case.merged', { code: code.trim() }),
        ).then(() => setConfirming(false));
      }}
    >
      <label>
        {t('case.merge')}
        <input
          value={code}
          onChange={(e) => {
            setCode(e.target.value);
            setConfirming(false);
          }}
          required
          maxLength={40}
          placeholder={t('case.mergeCode')}
        />
      </label>
      {confirming && (
        <p className="warning" role="alert">
          {t('case.mergeConfirm', { code: code.trim() })}
        </p>
      )}
      <div className="row">
        <button type="submit" className={confirming ? 'danger' : ''}>
          {t('case.mergeButton')}
        </button>
        {confirming && (
          <button type="button" onClick={() => setConfirming(false)}>
            {t('app.cancel')}
          </button>
        )}
      </div>
    </form>
  );
}

export function CaseView() {
  const { api, t, language, toast, liveTick, caseOrder, inboxPath } = useConsole();
  const { code = '' } = useParams();
  const navigate = useNavigate();
  const [detail, setDetail] = useState<CaseDetail | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [conflict, setConflict] = useState(false);
  const [mode, setMode] = useState<Mode>('public_reply');
  const composerRef = useRef<HTMLTextAreaElement>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);
  // Bumped by every load and every applied change: a load answers only if nothing newer happened meanwhile, so a
  // live refresh started before a change cannot put the older version back (and make the next action conflict).
  const generation = useRef(0);

  const load = useCallback(
    (quiet: boolean) => {
      if (!quiet) {
        setDetail(null);
        setError(null);
      }
      const started = ++generation.current;
      return api.get<CaseDetail>(`/staff/cases/${encodeURIComponent(code)}`).then(
        (d) => {
          if (started !== generation.current) return;
          setDetail(d);
          setConflict(false);
          if (d.trackingCode !== code) navigate(`/cases/${d.trackingCode}`, { replace: true });
        },
        (e: unknown) => !quiet && setError(e),
      );
    },
    [api, code, navigate],
  );

  useEffect(() => {
    void load(false).then(() => headingRef.current?.focus());
  }, [load]);

  // biome-ignore lint/correctness/useExhaustiveDependencies: refresh on live updates only
  useEffect(() => {
    if (liveTick > 0) void load(true);
  }, [liveTick]);

  const apply: Apply = async (path, body, success, method = 'post') => {
    try {
      const next =
        method === 'patch'
          ? await api.patch<CaseDetail>(path(), body)
          : await api.post<CaseDetail>(path(), body);
      generation.current++;
      setDetail(next);
      toast(success);
      return true;
    } catch (e) {
      if (e instanceof ApiError && (e.code === 'version_conflict' || e.code === 'invalid_transition'))
        setConflict(true);
      toast(errorText(e, language), 'error');
      return false;
    }
  };

  const index = caseOrder.indexOf(detail?.trackingCode ?? code);
  const go = (delta: number) => {
    const next = caseOrder[index + delta];
    if (index >= 0 && next) navigate(`/cases/${next}`);
  };
  const focusComposer = (m: Mode) => {
    if (!detail) return;
    setMode(m);
    window.setTimeout(() => composerRef.current?.focus(), 0);
  };
  useShortcuts({
    j: () => go(1),
    k: () => go(-1),
    r: () => focusComposer('public_reply'),
    n: () => focusComposer('internal_note'),
  });

  if (error) {
    return (
      <div className="state state-error" role="alert">
        <p>
          {error instanceof ApiError && error.status === 404
            ? t('case.notFound')
            : errorText(error, language)}
        </p>
        <Link to={inboxPath}>{t('app.backToInbox')}</Link>
      </div>
    );
  }
  if (!detail) {
    return (
      <p className="state" role="status">
        {t('app.loading')}
      </p>
    );
  }

  return (
    <div className="case-view">
      <div className="case-main">
        <nav className="case-nav" aria-label={t('case.nextPrev')}>
          <Link to={inboxPath}>← {t('case.back')}</Link>
          {index >= 0 && (
            <span className="muted small">
              {index + 1} / {caseOrder.length} · {t('case.nextPrev')}
            </span>
          )}
        </nav>
        <header className="case-head">
          <h1 ref={headingRef} tabIndex={-1}>
            {detail.subject}
          </h1>
          <div className="case-meta">
            <code>{detail.trackingCode}</code>
            <StatusBadge status={detail.status} />
            <span>{t(`type.${detail.type}` as MessageKey)}</span>
            {detail.category && <span>{localName(detail.category.name, language as Language)}</span>}
            <PriorityMark priority={detail.priority} />
            {detail.anonymous && <span className="tag">{t('case.anonymous')}</span>}
            {detail.confidential && <span className="tag">{t('case.confidential')}</span>}
          </div>
        </header>
        {detail.mergedInto && (
          <p className="notice">
            {t('case.mergedInto', { code: detail.mergedInto })}{' '}
            <Link to={`/cases/${detail.mergedInto}`}>{t('case.openMerged')}</Link>
          </p>
        )}
        {conflict && (
          <div className="notice notice-warn" role="alert">
            <span>{t('case.conflict')}</span>
            <button type="button" onClick={() => void load(true)}>
              {t('app.reload')}
            </button>
          </div>
        )}
        <section aria-labelledby="description-title" className="description">
          <h2 id="description-title" className="visually-hidden">
            {t('case.description')}
          </h2>
          <div className="entry-head">
            <strong>{detail.contact?.name || t('timeline.citizen')}</strong>
            <time dateTime={detail.receivedAt} className="muted">
              {formatDateTime(detail.receivedAt, language)}
            </time>
          </div>
          <div className="entry-body">{detail.description}</div>
        </section>
        <section aria-labelledby="timeline-title">
          <h2 id="timeline-title" className="section-title">
            {t('case.timeline')}
          </h2>
          <Timeline entries={detail.timeline} />
        </section>
        <Composer
          detail={detail}
          onSent={() => void load(true)}
          composerRef={composerRef}
          mode={mode}
          setMode={setMode}
        />
      </div>
      <aside className="case-side" aria-label={t('case.details')}>
        <Properties detail={detail} apply={apply} />
        <PassportBeside trackingCode={detail.trackingCode} />
        <CaseBeside trackingCode={detail.trackingCode} />
        {(detail.status === 'resolved' || detail.status === 'closed') && (
          <FeedbackBeside trackingCode={detail.trackingCode} status={detail.status} />
        )}
      </aside>
    </div>
  );
}
