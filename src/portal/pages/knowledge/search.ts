import { html, type SafeHtml } from '../../html.js';
import { snippetHtml } from '../../knowledge-html.js';
import { languageHref, layout, type View } from '../../layout.js';
import type { Translate } from '../../messages/index.js';
import { assistantForm, knowledgePath, nextSteps, SEARCH_PATH, searchForm } from './parts.js';
import type { SearchHit, SearchOutcome } from './types.js';

/** Results on the search page; the island asks the API for the same number as the visitor types. */
export const SEARCH_PAGE_LIMIT = 20;

export function resultCount(t: Translate, query: string, count: number): string {
  const key = count === 0 ? 'search.count_none' : count === 1 ? 'search.count_one' : 'search.count_many';
  return t(key, { count, query });
}

/** One result: the same markup the island builds from the JSON API (knowledge.js), so both look alike. */
function result(hit: SearchHit): SafeHtml {
  return html`<li><a class="result-title" href="${hit.url}">${hit.title}</a>${
    hit.category ? html`<span class="result-meta">${hit.category.name}</span>` : ''
  }<p class="snippet">${snippetHtml(hit.snippetHtml)}</p></li>`;
}

/**
 * The search page: a GET form that works without JavaScript, ranked results with highlighted snippets, and help
 * when nothing matches (the assistant, a request for information, our contacts). With JavaScript the island
 * refreshes the same list as the visitor types.
 */
export function searchPage(view: View, query: string, outcome: SearchOutcome | null): SafeHtml {
  const { t } = view;
  const results = outcome?.results ?? [];
  const count = outcome ? (outcome.total ?? results.length) : 0;
  const empty = outcome !== null && results.length === 0;
  // The address carries the language (forms send it), so the switch leads to the same search in the other one.
  const to = view.language === 'id' ? 'en' : 'id';
  const params = new URLSearchParams(query ? { q: query, lang: to } : { lang: to });
  return layout(view, {
    title: query ? t('search.title_query', { query }) : t('search.title'),
    languageSwitch: { href: languageHref(to, `${SEARCH_PATH}?${params}`) },
    scripts: ['knowledge'],
    body: html`<div class="readable">
<h1>${t('search.title')}</h1>
${searchForm(view, { query, instant: true, resultsId: 'search-results' })}
<div class="instant" id="search-results" data-limit="${SEARCH_PAGE_LIMIT}" data-empty-help="no-results">
<p class="instant-status" role="status" aria-live="polite">${outcome ? resultCount(t, query, count) : ''}</p>
<p class="hint corrected"${outcome?.correctedQuery ? '' : html` hidden`}>${
      outcome?.correctedQuery ? t('search.corrected', { query: outcome.correctedQuery }) : ''
    }</p>
<ol class="results"${results.length ? '' : html` hidden`}>${results.map(result)}</ol>
</div>
<section id="no-results" class="no-results" aria-labelledby="no-results-title"${empty ? '' : html` hidden`}>
<h2 id="no-results-title">${t('search.none_title')}</h2>
<ul>
<li>${t('search.none_spelling')}</li>
<li>${t('search.none_words')}</li>
<li>${html`<a href="${knowledgePath(view.language)}">${t('search.none_browse')}</a>`}</li>
</ul>
${assistantForm(view, { question: query, widget: true })}
${nextSteps(view, { subject: query, ask: false, contacts: true, id: 'no-results-steps' })}
</section>
${empty ? '' : nextSteps(view, { subject: query })}
</div>`,
  });
}
