import type { Language } from '../../../shared/enums.js';
import { csrfInput, errorFor, type FieldErrors, fieldId, hidden } from '../../components.js';
import { type HtmlValue, html, type SafeHtml } from '../../html.js';
import { contactList, type View } from '../../layout.js';

/** Where the knowledge pages live; the server's `knowledgeUrl()` builds the same paths for search and answers. */
export const knowledgePath = (language: Language, rest = '') => `/knowledge/${language}${rest}`;
export const ASSISTANT_PATH = '/assistant';
export const SEARCH_PATH = '/search';
/** Questions to the assistant: the same limit as the JSON API. */
export const QUESTION_MAX = 500;
export const QUERY_MAX = 200;

/** A request for information about the subject, the human next step when information is missing. */
export const requestHref = (subject: string) =>
  `/submit/request${subject ? `?subject=${encodeURIComponent(subject.slice(0, 200))}` : ''}`;

export interface Crumb {
  label: string;
  href?: string;
}

/** GOV.UK-style breadcrumbs: home, the information centre, then the page's parents. */
export function breadcrumbs(view: View, trail: Crumb[]): SafeHtml {
  const { t } = view;
  const all: Crumb[] = [{ label: t('layout.home'), href: '/' }, ...trail];
  return html`<nav class="breadcrumbs" aria-label="${t('kb.breadcrumbs')}"><ol>${all.map((c) =>
    c.href
      ? html`<li><a href="${c.href}">${c.label}</a></li>`
      : html`<li aria-current="page">${c.label}</li>`,
  )}</ol></nav>`;
}

/** The crumb of the information centre's home in the page's language. */
export const knowledgeCrumb = (view: View): Crumb => ({
  label: view.t('kb.home_title'),
  href: knowledgePath(view.language),
});

const dateFormats = new Map<Language, Intl.DateTimeFormat>();

/** A calendar date (`YYYY-MM-DD`) or an instant, as a date in Jakarta: "12 November 2026". */
export function formatDate(language: Language, value: string): string {
  let format = dateFormats.get(language);
  if (!format) {
    format = new Intl.DateTimeFormat(language === 'id' ? 'id-ID' : 'en-GB', {
      day: 'numeric',
      month: 'long',
      year: 'numeric',
      timeZone: 'Asia/Jakarta',
    });
    dateFormats.set(language, format);
  }
  const instant = /^\d{4}-\d{2}-\d{2}$/.test(value) ? `${value}T12:00:00+07:00` : value;
  return format.format(new Date(instant));
}

export function dateElement(language: Language, value: string): SafeHtml {
  return html`<time datetime="${value.slice(0, 10)}">${formatDate(language, value)}</time>`;
}

/**
 * The search box; it searches in the page's language (a visitor may read English pages with an Indonesian
 * cookie, having followed a link). With `instant`, the island (knowledge.js) shows results as the visitor types; the texts it
 * needs come from the catalogue through data attributes, and without JavaScript the form simply submits.
 */
export function searchForm(
  view: View,
  o: { query?: string; instant?: boolean; label?: string; hint?: string; resultsId?: string } = {},
): SafeHtml {
  const { t } = view;
  const instant = o.instant
    ? html` data-instant="${o.resultsId ?? 'instant-results'}" data-lang="${view.language}" data-count-none="${t(
        'search.count_none',
      )}" data-count-one="${t('search.count_one')}" data-count-many="${t('search.count_many')}" data-corrected="${t(
        'search.corrected',
      )}" data-failed="${t('search.failed')}" data-all="${t('search.all_results')}"`
    : '';
  return html`<form method="get" action="${SEARCH_PATH}" role="search" class="search-form"${instant}>
<div class="field">
<label for="f-q">${o.label ?? t('home.search_label')}</label>
<p class="hint" id="f-q-hint">${o.hint ?? t('home.search_hint')}</p>
<div class="search"><input type="search" id="f-q" name="q" value="${o.query ?? ''}" aria-describedby="f-q-hint" maxlength="${QUERY_MAX}" autocomplete="off"><button type="submit" class="button">${t(
    'home.search_button',
  )}</button></div>
</div>
${hidden({ lang: view.language })}
</form>`;
}

/** Where the island puts instant results: a live status line and the list, both empty until the visitor types. */
export function instantResults(id = 'instant-results'): SafeHtml {
  return html`<div class="instant" id="${id}"><p class="instant-status" role="status" aria-live="polite"></p><ol class="results results--instant" hidden></ol></div>`;
}

/**
 * The assistant's question box: a plain form (POST with the CSRF token) that answers on /assistant without
 * JavaScript; the island answers in place, calling the JSON API.
 */
export function assistantForm(
  view: View,
  o: {
    question?: string;
    errors?: FieldErrors;
    heading?: 'h2' | 'none';
    title?: string;
    widget?: boolean;
  } = {},
): SafeHtml {
  const { t } = view;
  const error = errorFor(o.errors ?? [], 'question');
  const id = fieldId('question');
  const describedBy = `${id}-hint${error ? ` ${id}-error` : ''}`;
  const widget = o.widget
    ? html` data-assistant="assistant-answer" data-thinking="${t('assistant.thinking')}" data-failed="${t(
        'assistant.failed',
      )}" data-answer-title="${t('assistant.answer_title')}" data-declined-title="${t(
        'assistant.declined_title',
      )}" data-sources="${t('assistant.sources')}" data-next="${t('assistant.next_steps')}" data-empty="${t(
        'assistant.error_empty',
      )}"`
    : '';
  return html`<section class="ask" aria-labelledby="ask-title">
${o.heading === 'none' ? '' : html`<h2 id="ask-title">${o.title ?? t('assistant.box_title')}</h2>`}
<form method="post" action="${ASSISTANT_PATH}" novalidate${widget}>
${csrfInput(view.csrf)}${hidden({ lang: view.language })}
<div class="field${error ? ' field--error' : ''}">
<label for="${id}"${o.heading === 'none' ? html` id="ask-title"` : ''}>${t('assistant.label')}</label>
<p class="hint" id="${id}-hint">${t('assistant.hint')}</p>
${error ? html`<p class="error-message" id="${id}-error"><span class="visually-hidden">${t('layout.error_prefix')}</span>${error}</p>` : ''}
<div class="search"><input type="text" id="${id}" name="question" value="${o.question ?? ''}" maxlength="${QUESTION_MAX}" autocomplete="off" aria-describedby="${describedBy}"${
    error ? html` aria-invalid="true"` : ''
  }><button type="submit" class="button">${t('assistant.ask')}</button></div>
</div>
</form>
${o.widget ? html`<div id="assistant-answer" class="assistant-answer"><p class="instant-status" role="status" aria-live="polite"></p><div class="assistant-result" hidden></div></div>` : ''}
</section>`;
}

/**
 * The next steps when information is missing or unclear: ask the assistant (left out where its box is on the
 * page), request information from an officer, contact us.
 */
export function nextSteps(
  view: View,
  o: { subject?: string; title?: HtmlValue; contacts?: boolean; ask?: boolean; id?: string } = {},
) {
  const { t } = view;
  const id = o.id ?? 'next-steps';
  // The footer lists the office's contacts (id="contact") only when it has some.
  const contacts = contactList(view);
  return html`<section class="next-steps" aria-labelledby="${id}-title">
<h2 id="${id}-title">${o.title ?? t('kb.next_title')}</h2>
<ul>
${o.ask === false ? '' : html`<li><a href="${ASSISTANT_PATH}">${t('kb.next_ask')}</a></li>`}
<li><a href="${requestHref(o.subject ?? '')}">${t('kb.next_request')}</a></li>
${contacts ? html`<li><a href="#contact">${t('kb.next_contact')}</a></li>` : ''}
</ul>
${o.contacts ? contacts : ''}
</section>`;
}
