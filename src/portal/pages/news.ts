import { PUBLICATION_CATEGORIES } from '../../server/modules/publications/model.js';
import type {
  NewsFilter,
  PublishedArticle,
  PublishedItem,
} from '../../server/modules/publications/public-content.js';
import type { Language } from '../../shared/enums.js';
import { errorSummary, type FieldErrors, fieldId } from '../components.js';
import { html, SafeHtml } from '../html.js';
import { isKnowledgeHtml, knowledgeHtml } from '../knowledge-html.js';
import { languageHref, layout, officeName, type View } from '../layout.js';
import type { PortalMessageKey } from '../messages/index.js';
import { breadcrumbs, dateElement } from './knowledge/parts.js';

/**
 * News and announcements (issue #9): the list with filters and pages, one publication with its sharing metadata,
 * and the enforcement statistics. Cited persons appear only as initials and nationality.
 */
export const newsPath = (language: Language, rest = '') => `/news/${language}${rest}`;

export const categoryName = (view: View, category: string) =>
  view.t(`news.category.${category}` as PortalMessageKey);
export const actionName = (view: View, action: string) => view.t(`news.action.${action}` as PortalMessageKey);

/** The one figure shape the publication renderer makes (modules/publications/images.ts). */
const FIGURE = /<figure><img src="\/news\/images\/[0-9a-f-]{36}" alt="[^"<>]*" loading="lazy"><\/figure>/g;

/**
 * A publication body's HTML: the knowledge base's Markdown subset plus image figures. Each piece is checked before
 * it is inserted unescaped; anything else falls back to text (knowledgeHtml).
 */
export function publicationHtml(markup: string): SafeHtml {
  const rest = markup.split(FIGURE);
  if (rest.every((part) => part === '' || isKnowledgeHtml(part))) return new SafeHtml(markup);
  return knowledgeHtml(markup.replace(FIGURE, ''));
}

const newsCrumb = (view: View) => ({ label: view.t('news.title'), href: newsPath(view.language) });

/** Links to the feeds of a language (and category), for the head and the page. */
export function feedLinks(view: View, origin: string, category?: string): SafeHtml {
  const query = category ? `?category=${encodeURIComponent(category)}` : '';
  return html`<link rel="alternate" type="application/rss+xml" title="${view.t('news.feed_rss')}" href="${origin}${newsPath(view.language, `/feed.rss${query}`)}">
<link rel="alternate" type="application/atom+xml" title="${view.t('news.feed_atom')}" href="${origin}${newsPath(view.language, `/feed.atom${query}`)}">`;
}

export interface NewsListData {
  filter: NewsFilter;
  items: PublishedItem[];
  total: number;
  page: number;
  pages: number;
  errors: FieldErrors;
  origin: string;
}

function filterQuery(filter: NewsFilter, page?: number): string {
  const params = new URLSearchParams();
  if (filter.category) params.set('category', filter.category);
  if (filter.from) params.set('from', filter.from);
  if (filter.to) params.set('to', filter.to);
  if (page && page > 1) params.set('page', String(page));
  const query = params.toString();
  return query ? `?${query}` : '';
}

function filterForm(view: View, data: NewsListData): SafeHtml {
  const { t } = view;
  const { filter, errors } = data;
  const option = (value: string, label: string, selected: boolean, lang?: string) =>
    html`<option value="${value}"${selected ? html` selected` : ''}${lang ? html` lang="${lang}"` : ''}>${label}</option>`;
  const dateField = (name: 'from' | 'to', value: string | undefined) => {
    const error = errors.find((e) => e.field === name)?.message;
    return html`<div class="field${error ? ' field--error' : ''}">
<label for="${fieldId(name)}">${t(`news.filter_${name}`)}</label>
${error ? html`<p class="error-message" id="${fieldId(name)}-error"><span class="visually-hidden">${t('layout.error_prefix')}</span>${error}</p>` : ''}
<input type="date" id="${fieldId(name)}" name="${name}" value="${value ?? ''}"${error ? html` aria-invalid="true" aria-describedby="${fieldId(name)}-error"` : ''}>
</div>`;
  };
  return html`<form method="get" action="/news" class="news-filter" aria-labelledby="news-filter-title">
<h2 id="news-filter-title">${t('news.filter_title')}</h2>
<div class="field"><label for="${fieldId('lang')}">${t('news.filter_language')}</label>
<select id="${fieldId('lang')}" name="lang">${option('id', 'Bahasa Indonesia', view.language === 'id', 'id')}${option('en', 'English', view.language === 'en', 'en')}</select></div>
<div class="field"><label for="${fieldId('category')}">${t('news.filter_category')}</label>
<select id="${fieldId('category')}" name="category">${option('', t('news.filter_all'), !filter.category)}${PUBLICATION_CATEGORIES.map((c) => option(c, categoryName(view, c), filter.category === c))}</select></div>
${dateField('from', filter.from)}
${dateField('to', filter.to)}
<button type="submit" class="button">${t('news.filter_apply')}</button>
</form>`;
}

function pagination(view: View, data: NewsListData): SafeHtml | '' {
  if (data.pages <= 1) return '';
  const { t } = view;
  const href = (page: number) => `${newsPath(view.language)}${filterQuery(data.filter, page)}`;
  const numbers = Array.from({ length: data.pages }, (_, i) => i + 1).filter(
    (n) => n === 1 || n === data.pages || Math.abs(n - data.page) <= 2,
  );
  return html`<nav class="pagination" aria-label="${t('news.pages')}"><ul>
${data.page > 1 ? html`<li><a href="${href(data.page - 1)}" rel="prev">${t('news.previous')}</a></li>` : ''}
${numbers.map((n) =>
  n === data.page
    ? html`<li><a href="${href(n)}" aria-current="page" aria-label="${t('news.page_n', { page: n })}">${n}</a></li>`
    : html`<li><a href="${href(n)}" aria-label="${t('news.page_n', { page: n })}">${n}</a></li>`,
)}
${data.page < data.pages ? html`<li><a href="${href(data.page + 1)}" rel="next">${t('news.next')}</a></li>` : ''}
</ul></nav>`;
}

export function newsListPage(view: View, data: NewsListData): SafeHtml {
  const { t } = view;
  const to: Language = view.language === 'id' ? 'en' : 'id';
  return layout(view, {
    title: t('news.title'),
    hasErrors: data.errors.length > 0,
    languageSwitch: { href: languageHref(to, `${newsPath(to)}${filterQuery(data.filter)}`) },
    head: feedLinks(view, data.origin, data.filter.category),
    body: html`${breadcrumbs(view, [{ label: t('news.title') }])}
${errorSummary(t, data.errors)}
<h1>${t('news.title')}</h1>
<p class="lead">${t('news.lead')}</p>
<div class="news-layout">
${filterForm(view, data)}
<section aria-labelledby="news-results-title" class="news-results">
<h2 id="news-results-title" class="visually-hidden">${t('news.results_title')}</h2>
<p role="status">${t('news.count', { count: data.total })}</p>
${
  data.items.length
    ? html`<ul class="news-list">${data.items.map(
        (item) => html`<li><article>
<h3><a href="${newsPath(item.language, `/${item.slug}`)}">${item.title}</a></h3>
<p class="meta"><span class="tag">${categoryName(view, item.category)}</span> ${dateElement(view.language, item.publishedAt)}</p>
<p>${item.summary}</p>
</article></li>`,
      )}</ul>`
    : html`<p>${t('news.none')}</p>`
}
${pagination(view, data)}
</section>
</div>
<p class="feeds">${t('news.feeds')}: <a href="${newsPath(view.language, `/feed.rss${data.filter.category ? `?category=${data.filter.category}` : ''}`)}">RSS</a> · <a href="${newsPath(view.language, `/feed.atom${data.filter.category ? `?category=${data.filter.category}` : ''}`)}">Atom</a> · <a href="${newsPath(view.language, '/statistics')}">${t('news.stats_link')}</a></p>`,
  });
}

function sharingMeta(view: View, article: PublishedArticle, url: string): SafeHtml {
  return html`<link rel="canonical" href="${url}">
<meta name="description" content="${article.summary}">
<meta property="og:type" content="article">
<meta property="og:site_name" content="${officeName(view)}">
<meta property="og:title" content="${article.title}">
<meta property="og:description" content="${article.summary}">
<meta property="og:url" content="${url}">
<meta property="og:locale" content="${view.language === 'id' ? 'id_ID' : 'en_US'}">
<meta property="article:published_time" content="${article.publishedAt}">
<meta property="article:section" content="${categoryName(view, article.category)}">
<meta name="twitter:card" content="summary">
<meta name="twitter:title" content="${article.title}">
<meta name="twitter:description" content="${article.summary}">`;
}

export function newsArticlePage(view: View, article: PublishedArticle, origin: string): SafeHtml {
  const { t } = view;
  const to: Language = view.language === 'id' ? 'en' : 'id';
  const url = `${origin}${newsPath(article.language, `/${article.slug}`)}`;
  const translated = article.translations.includes(to);
  const alternates = article.translations.map(
    (lang) =>
      html`<link rel="alternate" hreflang="${lang}" href="${origin}${newsPath(lang, `/${article.slug}`)}">`,
  );
  return layout(view, {
    title: article.title,
    languageSwitch: { href: languageHref(to, translated ? newsPath(to, `/${article.slug}`) : newsPath(to)) },
    head: html`${sharingMeta(view, article, url)}${alternates}${feedLinks(view, origin)}`,
    body: html`${breadcrumbs(view, [newsCrumb(view), { label: article.title }])}
<article class="readable" aria-labelledby="article-title">
<p class="meta"><span class="tag">${categoryName(view, article.category)}</span> ${t('news.published')} ${dateElement(view.language, article.publishedAt)}</p>
<h1 id="article-title">${article.title}</h1>
<p class="lead">${article.summary}</p>
<div class="prose">${publicationHtml(article.bodyHtml)}</div>
${article.citations.length ? citationTable(view, article) : ''}
</article>
<p><a href="${newsPath(view.language)}">${t('news.back')}</a></p>`,
  });
}

/** The persons concerned: initials and nationality, never a name or document number. */
function citationTable(view: View, article: PublishedArticle): SafeHtml {
  const { t } = view;
  return html`<section aria-labelledby="citations-title">
<h2 id="citations-title">${t('news.citations_title')}</h2>
<p class="hint">${t('news.citations_note')}</p>
<div class="table-wrap"><table>
<thead><tr><th scope="col">${t('news.citation_person')}</th><th scope="col">${t('news.citation_action')}</th><th scope="col">${t('news.citation_basis')}</th><th scope="col">${t('news.citation_date')}</th></tr></thead>
<tbody>${article.citations.map(
    (c) =>
      html`<tr><th scope="row">${c.label}</th><td>${actionName(view, c.action)}</td><td>${c.legalBasis}</td><td>${dateElement(view.language, c.carriedOutOn ?? c.decidedOn)}</td></tr>`,
  )}</tbody>
</table></div>
</section>`;
}

export interface StatisticsData {
  year: number;
  years: number[];
  total: number | null;
  byAction: { key: string; count: number | null }[];
  byMonth: { key: string; count: number | null }[];
  byNationality: { key: string; label: string; count: number | null }[];
}

export function statisticsPage(view: View, data: StatisticsData): SafeHtml {
  const { t } = view;
  const to: Language = view.language === 'id' ? 'en' : 'id';
  const cell = (count: number | null) => (count === null ? html`<td>&lt; 5</td>` : html`<td>${count}</td>`);
  const monthName = new Intl.DateTimeFormat(view.language === 'id' ? 'id-ID' : 'en-GB', {
    month: 'long',
    timeZone: 'UTC',
  });
  const table = (
    id: string,
    caption: string,
    head: string,
    rows: { label: string; count: number | null }[],
  ) =>
    html`<div class="table-wrap"><table aria-describedby="stats-note">
<caption id="${id}">${caption}</caption>
<thead><tr><th scope="col">${head}</th><th scope="col">${t('news.stats_persons')}</th></tr></thead>
<tbody>${rows.map((r) => html`<tr><th scope="row">${r.label}</th>${cell(r.count)}</tr>`)}</tbody>
</table></div>`;
  return layout(view, {
    title: t('news.stats_title', { year: data.year }),
    languageSwitch: { href: languageHref(to, `${newsPath(to, '/statistics')}?year=${data.year}`) },
    body: html`${breadcrumbs(view, [newsCrumb(view), { label: t('news.stats_link') }])}
<h1>${t('news.stats_title', { year: data.year })}</h1>
<p class="lead">${t('news.stats_lead')}</p>
<p id="stats-note">${t('news.stats_note')}</p>
<form method="get" action="${newsPath(view.language, '/statistics')}" class="inline-form">
<div class="field"><label for="${fieldId('year')}">${t('news.stats_year')}</label>
<select id="${fieldId('year')}" name="year">${data.years.map((y) => html`<option value="${y}"${y === data.year ? html` selected` : ''}>${y}</option>`)}</select></div>
<button type="submit" class="button">${t('news.filter_apply')}</button>
</form>
<p>${t('news.stats_total')}: <strong>${data.total === null ? '< 5' : data.total}</strong></p>
${table(
  'stats-action',
  t('news.stats_by_action'),
  t('news.citation_action'),
  data.byAction.map((r) => ({ label: actionName(view, r.key), count: r.count })),
)}
${table(
  'stats-nationality',
  t('news.stats_by_nationality'),
  t('news.stats_nationality'),
  data.byNationality.map((r) => ({
    label: r.key === 'other' ? t('news.stats_other') : r.label,
    count: r.count,
  })),
)}
${table(
  'stats-month',
  t('news.stats_by_month'),
  t('news.stats_month'),
  data.byMonth.map((r) => ({ label: monthName.format(new Date(`${r.key}-01T00:00:00Z`)), count: r.count })),
)}`,
  });
}
