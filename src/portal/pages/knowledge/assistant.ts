import { errorSummary, type FieldErrors } from '../../components.js';
import { html, type SafeHtml } from '../../html.js';
import { knowledgeHtml } from '../../knowledge-html.js';
import { contactList, layout, type View } from '../../layout.js';
import { ASSISTANT_PATH, assistantForm, breadcrumbs, knowledgeCrumb, requestHref } from './parts.js';
import type { AssistantAnswer } from './types.js';

/** The assistant's page: what it can and cannot do, and the question box. */
export function assistantPage(view: View, o: { question?: string; errors?: FieldErrors } = {}): SafeHtml {
  const { t } = view;
  const errors = o.errors ?? [];
  return layout(view, {
    title: t('assistant.title'),
    hasErrors: errors.length > 0,
    scripts: ['knowledge'],
    body: html`${breadcrumbs(view, [knowledgeCrumb(view), { label: t('assistant.title') }])}
<div class="readable">
${errorSummary(t, errors)}
<h1>${t('assistant.title')}</h1>
<p class="lead">${t('assistant.lead')}</p>
<p>${t('assistant.limits')}</p>
${assistantForm(view, { question: o.question, errors, heading: 'none', widget: errors.length === 0 })}
</div>`,
  });
}

/**
 * The answer to a question sent without JavaScript. The answer comes in the language the question was asked in
 * (marked with `lang`); when the assistant declines, the page leads on to a person: a request for information
 * with the question filled in, and the office's contacts.
 */
export function answerPage(view: View, question: string, answer: AssistantAnswer): SafeHtml {
  const { t } = view;
  const followUps = answer.answered
    ? answer.followUps
    : answer.followUps.filter((f) => !f.url.startsWith('/submit'));
  const title = answer.answered ? t('assistant.answer_title') : t('assistant.declined_title');
  return layout(view, {
    title,
    languageSwitch: { action: ASSISTANT_PATH, fields: { question, repeat: '1' } },
    body: html`${breadcrumbs(view, [
      knowledgeCrumb(view),
      { label: t('assistant.title'), href: ASSISTANT_PATH },
      { label: title },
    ])}
<div class="readable">
<h1>${title}</h1>
<p class="asked"><span class="caption">${t('assistant.your_question')}</span>${question}</p>
<div class="answer${answer.answered ? '' : ' answer--declined'}">
<div class="prose" lang="${answer.language}">${knowledgeHtml(answer.answerHtml)}</div>
${
  answer.sources.length
    ? html`<h2>${t('assistant.sources')}</h2><ul class="sources" lang="${answer.language}">${answer.sources.map(
        (s) => html`<li><a href="${s.url}">${s.title}</a></li>`,
      )}</ul>`
    : ''
}
${
  followUps.length
    ? html`<h2>${t('assistant.next_steps')}</h2><ul class="follow-ups" lang="${answer.language}">${followUps.map(
        (f) => html`<li><a href="${f.url}">${f.label}</a></li>`,
      )}</ul>`
    : ''
}
</div>
${
  answer.answered
    ? ''
    : html`<section class="next-steps" aria-labelledby="person-title">
<h2 id="person-title">${t('assistant.person_title')}</h2>
<p>${t('assistant.person_body')}</p>
<p><a class="button" href="${requestHref(question)}">${t('assistant.person_request')}</a></p>
${contactList(view)}
</section>`
}
${assistantForm(view, { widget: true })}
</div>`,
  });
}
