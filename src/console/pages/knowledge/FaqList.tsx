import { type FormEvent, useEffect, useRef, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import type { MessageKey } from '../../i18n';
import { buildQuery } from '../../lib/api';
import { useConsole, useResource } from '../../lib/context';
import { formatDateTime, formatRelative } from '../../lib/format';
import { hasUnpublishedChanges, writesKnowledge } from '../../lib/knowledge';
import { ITEM_STATUSES, type StaffFaqListItem } from '../../lib/knowledge-types';
import {
  BASE,
  categoryName,
  ItemStatusBadge,
  LanguageTag,
  LoadError,
  Loading,
  useCategories,
  useRowKeys,
} from './shared';

const FILTERS = ['lang', 'status', 'category', 'q'] as const;

export function FaqList() {
  const { api, t, language, session } = useConsole();
  const [search, setSearch] = useSearchParams();
  const filters = Object.fromEntries(FILTERS.map((k) => [k, search.get(k) ?? ''])) as Record<
    (typeof FILTERS)[number],
    string
  >;
  const query = buildQuery(filters);
  const list = useResource(
    () => api.get<{ items: StaffFaqListItem[] }>(`${BASE}/faqs${query}`).then((r) => r.items),
    query,
  );
  const categories = useCategories();
  const [q, setQ] = useState(filters.q);
  const tbody = useRef<HTMLTableSectionElement>(null);
  useRowKeys(tbody);
  useEffect(() => setQ(filters.q), [filters.q]);
  const set = (patch: Partial<typeof filters>) => {
    const next = { ...filters, ...patch };
    setSearch(new URLSearchParams(Object.entries(next).filter(([, v]) => v) as [string, string][]));
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    set({ q });
  };
  const filtered = FILTERS.some((k) => filters[k]);

  return (
    <div className="page">
      <div className="page-head">
        <h1>
          {t('knowledge.faqs.title')}
          {list.data && <span className="muted heading-count"> · {list.data.length}</span>}
        </h1>
        {writesKnowledge(session!.user) && (
          <Link className="button primary" to="/knowledge/faqs/new">
            {t('knowledge.faqs.new')}
          </Link>
        )}
      </div>
      <div className="filters">
        <search>
          <form onSubmit={submit} className="search">
            <label htmlFor="faq-search" className="visually-hidden">
              {t('knowledge.faqs.search')}
            </label>
            <input
              id="faq-search"
              data-page-search
              type="search"
              value={q}
              placeholder={`${t('knowledge.faqs.search')}  ( / )`}
              onChange={(e) => setQ(e.target.value)}
              aria-keyshortcuts="/"
            />
            <button type="submit">{t('inbox.searchButton')}</button>
          </form>
        </search>
        <fieldset className="filter-row">
          <legend className="visually-hidden">{t('inbox.filters')}</legend>
          <label>
            {t('knowledge.field.status')}
            <select value={filters.status} onChange={(e) => set({ status: e.target.value })}>
              <option value="">{t('inbox.any')}</option>
              {ITEM_STATUSES.map((s) => (
                <option key={s} value={s}>
                  {t(`knowledge.status.${s}` as MessageKey)}
                </option>
              ))}
            </select>
          </label>
          <label>
            {t('knowledge.field.language')}
            <select value={filters.lang} onChange={(e) => set({ lang: e.target.value })}>
              <option value="">{t('inbox.any')}</option>
              <option value="id">{t('lang.id')}</option>
              <option value="en">{t('lang.en')}</option>
            </select>
          </label>
          <label>
            {t('knowledge.field.category')}
            <select value={filters.category} onChange={(e) => set({ category: e.target.value })}>
              <option value="">{t('inbox.any')}</option>
              {categories.data?.map((c) => (
                <option key={c.key} value={c.key}>
                  {c.names[language] || c.names.id}
                </option>
              ))}
            </select>
          </label>
          {filtered && (
            <button type="button" className="link-button" onClick={() => setSearch(new URLSearchParams())}>
              {t('inbox.clear')}
            </button>
          )}
        </fieldset>
      </div>
      {list.loading && !list.data && <Loading />}
      {list.error ? <LoadError error={list.error} onRetry={() => list.reload()} /> : null}
      {list.data && list.data.length === 0 && (
        <p className="state">
          {filtered ? t('knowledge.articles.emptyFiltered') : t('knowledge.faqs.empty')}
        </p>
      )}
      {list.data && list.data.length > 0 && (
        <table className="case-table knowledge-table">
          <caption className="visually-hidden">{t('knowledge.faqs.title')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('knowledge.faqs.question')}</th>
              <th scope="col">{t('knowledge.field.language')}</th>
              <th scope="col">{t('knowledge.field.status')}</th>
              <th scope="col">{t('knowledge.field.category')}</th>
              <th scope="col">{t('knowledge.field.article')}</th>
              <th scope="col">{t('knowledge.articles.updated')}</th>
            </tr>
          </thead>
          <tbody ref={tbody}>
            {list.data.map((item) => (
              <tr key={item.id}>
                <td className="col-subject">
                  <Link className="case-link row-link" to={`/knowledge/faqs/${item.id}`}>
                    {item.question || item.key}
                  </Link>
                  <code className="muted small">{item.key}</code>
                </td>
                <td>
                  <LanguageTag language={item.language} />
                </td>
                <td>
                  <ItemStatusBadge status={item.status} />
                  {hasUnpublishedChanges(item) && (
                    <span className="tag">{t('knowledge.articles.unpublishedChanges')}</span>
                  )}
                </td>
                <td>{categoryName(categories.data, item.categoryKey, language) || '—'}</td>
                <td>{item.articleKey ? <code className="small">{item.articleKey}</code> : '—'}</td>
                <td className="col-received">
                  <time dateTime={item.updatedAt} title={formatDateTime(item.updatedAt, language)}>
                    {formatRelative(item.updatedAt, language)}
                  </time>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
