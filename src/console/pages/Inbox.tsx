import { type FormEvent, useEffect, useMemo, useRef, useState } from 'react';
import { Link, useLocation, useNavigate, useParams, useSearchParams } from 'react-router';
import { useShortcuts } from '../components/Shortcuts';
import { SlaBadge } from '../components/SlaBadge';
import type { MessageKey } from '../i18n';
import { ApiError, buildQuery, errorText } from '../lib/api';
import { useConsole, useReference } from '../lib/context';
import { formatDateTime, formatRelative, localName } from '../lib/format';
import { type CaseList, type CaseSummary, type Counts, handlesCases } from '../lib/types';
import {
  CHANNELS,
  EMPTY_FILTERS,
  filtersFromSearch,
  filtersToSearch,
  hasFilters,
  type InboxFilters,
  inboxQuery,
  isView,
  STATUSES,
  TYPES,
  VIEWS,
  type View,
  viewCount,
} from '../lib/views';

const PAGE = 25;

export function StatusBadge({ status }: { status: string }) {
  const { t } = useConsole();
  return <span className={`badge status-${status}`}>{t(`status.${status}` as MessageKey)}</span>;
}

export function PriorityMark({ priority }: { priority: string }) {
  const { t } = useConsole();
  if (priority === 'normal') return null;
  return <span className={`priority priority-${priority}`}>{t(`priority.${priority}` as MessageKey)}</span>;
}

function ViewList({ view, counts, filters }: { view: View; counts: Counts | null; filters: string }) {
  const { t } = useConsole();
  return (
    <nav aria-label={t('inbox.views')} className="views">
      <h2 className="visually-hidden">{t('inbox.views')}</h2>
      <ul>
        {VIEWS.map((v) => (
          <li key={v}>
            <Link
              to={`/inbox/${v}${filters}`}
              aria-current={v === view ? 'page' : undefined}
              className={v === view ? 'current' : ''}
            >
              <span>{t(`view.${v}` as MessageKey)}</span>
              <span className="count" aria-hidden={counts ? undefined : true}>
                {counts ? viewCount(v, counts) : ''}
              </span>
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}

function Filters({ filters, onChange }: { filters: InboxFilters; onChange: (f: InboxFilters) => void }) {
  const { t, language, session } = useConsole();
  const { ref } = useReference();
  const [q, setQ] = useState(filters.q);
  const location = useLocation();
  const searchRef = useRef<HTMLInputElement>(null);
  useEffect(() => setQ(filters.q), [filters.q]);
  useEffect(() => {
    if ((location.state as { focusSearch?: boolean } | null)?.focusSearch) searchRef.current?.focus();
  }, [location.state]);
  const office = filters.office || session?.user.officeCode || ref.offices[0]?.code || '';
  const services = ref.offices.find((o) => o.code === office)?.services ?? [];
  const set = (patch: Partial<InboxFilters>) => onChange({ ...filters, ...patch });
  function submit(event: FormEvent) {
    event.preventDefault();
    set({ q });
  }
  return (
    <div className="filters">
      <search>
        <form onSubmit={submit} className="search">
          <label htmlFor="inbox-search" className="visually-hidden">
            {t('inbox.search')}
          </label>
          <input
            id="inbox-search"
            ref={searchRef}
            type="search"
            value={q}
            placeholder={`${t('inbox.search')}  ( / )`}
            onChange={(e) => setQ(e.target.value)}
            aria-keyshortcuts="/"
          />
          <button type="submit">{t('inbox.searchButton')}</button>
        </form>
      </search>
      <fieldset className="filter-row">
        <legend className="visually-hidden">{t('inbox.filters')}</legend>
        <label>
          {t('inbox.status')}
          <select value={filters.status} onChange={(e) => set({ status: e.target.value })}>
            <option value="">{t('inbox.any')}</option>
            {STATUSES.map((s) => (
              <option key={s} value={s}>
                {t(`status.${s}`)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('inbox.type')}
          <select value={filters.type} onChange={(e) => set({ type: e.target.value })}>
            <option value="">{t('inbox.any')}</option>
            {TYPES.map((s) => (
              <option key={s} value={s}>
                {t(`type.${s}`)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('inbox.channel')}
          <select value={filters.channel} onChange={(e) => set({ channel: e.target.value })}>
            <option value="">{t('inbox.any')}</option>
            {CHANNELS.map((c) => (
              <option key={c} value={c}>
                {t(`channel.${c}`)}
              </option>
            ))}
          </select>
        </label>
        {session?.user.officeCode === null && ref.offices.length > 1 && (
          <label>
            {t('inbox.office')}
            <select value={filters.office} onChange={(e) => set({ office: e.target.value, category: '' })}>
              <option value="">{t('inbox.any')}</option>
              {ref.offices.map((o) => (
                <option key={o.code} value={o.code}>
                  {o.code}
                </option>
              ))}
            </select>
          </label>
        )}
        <label>
          {t('inbox.category')}
          <select
            value={filters.category}
            onChange={(e) =>
              set({ category: e.target.value, office: e.target.value ? office : filters.office })
            }
          >
            <option value="">{t('inbox.any')}</option>
            {services.map((s) => (
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
        <label>
          {t('inbox.from')}
          <input type="date" value={filters.from} onChange={(e) => set({ from: e.target.value })} />
        </label>
        <label>
          {t('inbox.to')}
          <input type="date" value={filters.to} onChange={(e) => set({ to: e.target.value })} />
        </label>
        <label>
          {t('inbox.sort')}
          <select
            value={filters.order}
            onChange={(e) => set({ order: e.target.value as InboxFilters['order'] })}
          >
            <option value="">—</option>
            <option value="newest">{t('sort.newest')}</option>
            <option value="oldest">{t('sort.oldest')}</option>
            <option value="due">{t('sort.due')}</option>
          </select>
        </label>
        {hasFilters(filters) && (
          <button type="button" className="link-button" onClick={() => onChange(EMPTY_FILTERS)}>
            {t('inbox.clear')}
          </button>
        )}
      </fieldset>
    </div>
  );
}

function CaseRow({
  item,
  selected,
  onSelect,
}: {
  item: CaseSummary;
  selected: boolean;
  onSelect: () => void;
}) {
  const { t, language } = useConsole();
  const { ref } = useReference();
  const assignee = item.assigneeId
    ? (ref.directory.find((d) => d.id === item.assigneeId)?.displayName ?? '•')
    : null;
  return (
    <tr className={selected ? 'selected' : undefined} data-code={item.trackingCode}>
      <td className="col-code">
        <code>{item.trackingCode}</code>
      </td>
      <td className="col-subject">
        <Link to={`/cases/${item.trackingCode}`} onFocus={onSelect} className="case-link">
          {item.subject}
        </Link>
        <PriorityMark priority={item.priority} />
        {item.anonymous && <span className="tag">{t('case.anonymous')}</span>}
      </td>
      <td>
        <StatusBadge status={item.status} />
      </td>
      <td className="col-type">{t(`type.${item.type}` as MessageKey)}</td>
      <td className="col-category">{item.category ? localName(item.category.name, language) : '—'}</td>
      <td className="col-assignee">{assignee ?? <span className="muted">{t('inbox.unassigned')}</span>}</td>
      <td className="col-due">
        <SlaBadge sla={item.sla} compact />
      </td>
      <td className="col-received">
        <time dateTime={item.receivedAt} title={formatDateTime(item.receivedAt, language)}>
          {formatRelative(item.receivedAt, language)}
        </time>
      </td>
    </tr>
  );
}

export function Inbox() {
  const { api, t, language, session, liveTick, setCaseOrder, setInboxPath } = useConsole();
  const params = useParams();
  const navigate = useNavigate();
  const location = useLocation();
  const [search, setSearch] = useSearchParams();
  const view: View = isView(params.view) ? params.view : 'mine';
  const filters = useMemo(() => filtersFromSearch(search), [search]);
  const query = useMemo(() => inboxQuery(view, filters), [view, filters]);
  const [items, setItems] = useState<CaseSummary[]>([]);
  const [cursor, setCursor] = useState<string | null>(null);
  const [counts, setCounts] = useState<Counts | null>(null);
  const [state, setState] = useState<'loading' | 'ready' | 'error' | 'forbidden'>('loading');
  const [error, setError] = useState<unknown>(null);
  const [selected, setSelected] = useState(0);
  const [moreBusy, setMoreBusy] = useState(false);
  const tableRef = useRef<HTMLTableSectionElement>(null);
  const loadedRef = useRef(PAGE);
  const user = session!.user;
  const queryKey = JSON.stringify(query);

  useEffect(() => {
    setInboxPath(`${location.pathname}${location.search}`);
  }, [location.pathname, location.search, setInboxPath]);

  // First page on view/filter change; on live updates, the same number of rows again, quietly.
  // biome-ignore lint/correctness/useExhaustiveDependencies: queryKey stands for query
  useEffect(() => {
    if (!handlesCases(user)) {
      setState('forbidden');
      return;
    }
    let stale = false;
    const live = liveTick > 0 && state === 'ready';
    if (!live) {
      setState('loading');
      loadedRef.current = PAGE;
      setSelected(0);
    }
    const limit = Math.min(100, Math.max(PAGE, loadedRef.current));
    Promise.all([
      api.get<CaseList>(`/staff/cases${buildQuery({ ...query, limit })}`),
      api.get<Counts>('/staff/cases/counts'),
    ]).then(
      ([list, c]) => {
        if (stale) return;
        setItems(list.items);
        setCursor(list.nextCursor);
        setCounts(c);
        setCaseOrder(list.items.map((i) => i.trackingCode));
        setState('ready');
      },
      (e: unknown) => {
        if (stale) return;
        setError(e);
        setState(e instanceof ApiError && e.status === 403 ? 'forbidden' : 'error');
      },
    );
    return () => {
      stale = true;
    };
  }, [api, queryKey, liveTick, user]);

  async function loadMore() {
    if (!cursor) return;
    setMoreBusy(true);
    try {
      const list = await api.get<CaseList>(`/staff/cases${buildQuery({ ...query, limit: PAGE, cursor })}`);
      const next = [...items, ...list.items];
      loadedRef.current = next.length;
      setItems(next);
      setCursor(list.nextCursor);
      setCaseOrder(next.map((i) => i.trackingCode));
    } catch (e) {
      setError(e);
    } finally {
      setMoreBusy(false);
    }
  }

  function changeFilters(next: InboxFilters) {
    setSearch(filtersToSearch(next));
  }

  function focusRow(index: number) {
    const clamped = Math.max(0, Math.min(items.length - 1, index));
    setSelected(clamped);
    const link = tableRef.current?.querySelectorAll<HTMLAnchorElement>('a.case-link')[clamped];
    link?.focus();
    link?.closest('tr')?.scrollIntoView({ block: 'nearest' });
  }

  useShortcuts({
    j: () => focusRow(document.activeElement?.classList.contains('case-link') ? selected + 1 : selected),
    k: () => focusRow(selected - 1),
    o: () => {
      const item = items[selected];
      if (item) navigate(`/cases/${item.trackingCode}`);
    },
  });

  const filterSuffix = search.toString() ? `?${search.toString()}` : '';

  return (
    <div className="inbox">
      <aside className="sidebar">
        <ViewList view={view} counts={counts} filters={filterSuffix} />
      </aside>
      <section className="inbox-main" aria-labelledby="inbox-title">
        <div className="inbox-head">
          <h1 id="inbox-title">
            {t(`view.${view}` as MessageKey)}
            {counts && state === 'ready' && (
              <span className="muted heading-count"> · {viewCount(view, counts)}</span>
            )}
          </h1>
        </div>
        <Filters filters={filters} onChange={changeFilters} />
        {state === 'loading' && (
          <p className="state" role="status">
            {t('app.loading')}
          </p>
        )}
        {state === 'forbidden' && <p className="state">{t('inbox.noAccess')}</p>}
        {state === 'error' && (
          <div className="state state-error" role="alert">
            <p>{errorText(error, language)}</p>
            <button type="button" onClick={() => navigate(0)}>
              {t('app.retry')}
            </button>
          </div>
        )}
        {state === 'ready' && items.length === 0 && (
          <p className="state">{hasFilters(filters) ? t('inbox.emptyFiltered') : t('inbox.empty')}</p>
        )}
        {state === 'ready' && items.length > 0 && (
          <>
            <table className="case-table">
              <caption className="visually-hidden">{t('inbox.caseList')}</caption>
              <thead>
                <tr>
                  <th scope="col" className="col-code">
                    {t('inbox.col.code')}
                  </th>
                  <th scope="col">{t('inbox.col.subject')}</th>
                  <th scope="col">{t('inbox.col.status')}</th>
                  <th scope="col" className="col-type">
                    {t('inbox.col.type')}
                  </th>
                  <th scope="col" className="col-category">
                    {t('inbox.col.category')}
                  </th>
                  <th scope="col" className="col-assignee">
                    {t('inbox.col.assignee')}
                  </th>
                  <th scope="col" className="col-due">
                    {t('inbox.col.due')}
                  </th>
                  <th scope="col" className="col-received">
                    {t('inbox.col.received')}
                  </th>
                </tr>
              </thead>
              <tbody ref={tableRef}>
                {items.map((item, index) => (
                  <CaseRow
                    key={item.trackingCode}
                    item={item}
                    selected={index === selected}
                    onSelect={() => setSelected(index)}
                  />
                ))}
              </tbody>
            </table>
            <div className="list-foot">
              <span className="muted">{t('inbox.count', { count: items.length })}</span>
              {cursor && (
                <button type="button" onClick={loadMore} disabled={moreBusy}>
                  {moreBusy ? t('app.loading') : t('inbox.loadMore')}
                </button>
              )}
            </div>
          </>
        )}
      </section>
    </div>
  );
}
