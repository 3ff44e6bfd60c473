import { SKM_ELEMENTS, type SkmElement } from '../../server/modules/surveys/ikm.js';
import {
  ANSWER_WORDING,
  ELEMENT_TEXT,
  PROFILE_CHOICES,
  PROFILE_FIELDS,
} from '../../server/modules/surveys/model.js';
import {
  button,
  csrfInput,
  errorFor,
  errorSummary,
  type FieldErrors,
  fieldId,
  hidden,
  honeypot,
} from '../components.js';
import { html, type SafeHtml } from '../html.js';
import { layout, type View } from '../layout.js';
import type { PortalMessageKey } from '../messages/index.js';

/** What the visitor chose so far: re-shown after a validation error. */
export type SurveyValues = Partial<Record<SkmElement | 'service' | (typeof PROFILE_FIELDS)[number], string>>;

export interface SurveyForm {
  action: string;
  /** Services to choose from; undefined when the link fixes the service. */
  services?: { code: string; name: string }[];
  fixedService?: string;
  values: SurveyValues;
  errors: FieldErrors;
  hiddenFields?: Record<string, string | undefined>;
  kiosk?: boolean;
}

/** The kiosk starts over after two minutes without a page load, so a half-filled form never waits for the next person. */
export const KIOSK_IDLE_SECONDS = 120;
export const KIOSK_THANKS_SECONDS = 8;

function radioGroup(
  view: View,
  name: string,
  legend: SafeHtml | string,
  options: { value: string; label: string }[],
  o: { value?: string; error?: string; className?: string },
): SafeHtml {
  const { t } = view;
  const errorId = `${fieldId(name)}-error`;
  return html`<fieldset class="field radios ${o.className ?? ''}${o.error ? ' field--error' : ''}"${
    o.error ? html` aria-describedby="${errorId}"` : ''
  }>
<legend>${legend}</legend>
${o.error ? html`<p class="error-message" id="${errorId}"><span class="visually-hidden">${t('layout.error_prefix')}</span>${o.error}</p>` : ''}
<div class="radio-options">${options.map((option, i) => {
    const id = i === 0 ? fieldId(name) : `${fieldId(name)}-${option.value}`;
    return html`<div class="radio"><input type="radio" id="${id}" name="${name}" value="${option.value}"${
      o.value === option.value ? html` checked` : ''
    }><label for="${id}">${option.label}</label></div>`;
  })}</div>
</fieldset>`;
}

function questions(view: View, form: SurveyForm): SafeHtml {
  const { t, language } = view;
  return html`${SKM_ELEMENTS.map((element, i) =>
    radioGroup(
      view,
      element,
      html`<span class="caption">${t('survey.question_number', { number: i + 1 })} · ${ELEMENT_TEXT[language][element].name}</span>${ELEMENT_TEXT[language][element].question}`,
      ANSWER_WORDING[language][element].map((label, k) => ({ value: String(k + 1), label })),
      { value: form.values[element], error: errorFor(form.errors, element), className: 'skm-question' },
    ),
  )}`;
}

function profile(view: View, form: SurveyForm): SafeHtml {
  const { t } = view;
  return html`<h2>${t('survey.profile_title')}</h2><p class="hint">${t('survey.profile_hint')}</p>
${PROFILE_FIELDS.map((field) =>
  radioGroup(
    view,
    field,
    t(`survey.profile.${field}` as PortalMessageKey),
    [
      ...PROFILE_CHOICES[field].map((value) => ({
        value,
        label: t(`survey.${field}.${value}` as PortalMessageKey),
      })),
      { value: '', label: t('survey.profile.none') },
    ],
    { value: form.values[field] ?? '', className: 'profile' },
  ),
)}`;
}

function serviceChoice(view: View, form: SurveyForm): SafeHtml | '' {
  const { t } = view;
  if (form.fixedService)
    return html`<p class="lead">${t('survey.service_of_link', { name: form.fixedService })}</p>`;
  if (!form.services) return '';
  return radioGroup(
    view,
    'service',
    t('survey.service'),
    form.services.map((s) => ({ value: s.code, label: s.name })),
    { value: form.values.service, error: errorFor(form.errors, 'service'), className: 'service-choice' },
  );
}

export function surveyPage(view: View, form: SurveyForm): SafeHtml {
  const { t } = view;
  const title = form.kiosk ? t('kiosk.title') : t('survey.title');
  return layout(view, {
    title,
    hasErrors: form.errors.length > 0,
    bodyClass: form.kiosk ? 'kiosk' : undefined,
    refresh: form.kiosk ? { seconds: KIOSK_IDLE_SECONDS, url: '/kiosk' } : undefined,
    languageSwitch: form.kiosk
      ? { href: `/language/${view.language === 'id' ? 'en' : 'id'}?next=/kiosk` }
      : undefined,
    body: html`<div class="readable">
${errorSummary(t, form.errors)}
<h1>${title}</h1>
<p class="lead">${form.kiosk ? t('kiosk.intro') : t('survey.intro')}</p>
<form method="post" action="${form.action}" novalidate>${csrfInput(view.csrf)}${hidden(form.hiddenFields ?? {})}
${honeypot(t)}
${serviceChoice(view, form)}
${questions(view, form)}
${form.kiosk ? '' : profile(view, form)}
${button(t('survey.submit'))}
</form>
${form.kiosk ? html`<p class="hint">${t('kiosk.reset_note')}</p>` : ''}
</div>`,
  });
}

export function surveyMessagePage(
  view: View,
  o: {
    title: PortalMessageKey;
    body: PortalMessageKey;
    kiosk?: boolean;
    generalLink?: boolean;
    status?: 'success';
  },
): SafeHtml {
  const { t } = view;
  return layout(view, {
    title: t(o.title),
    bodyClass: o.kiosk ? 'kiosk' : undefined,
    refresh: o.kiosk ? { seconds: KIOSK_THANKS_SECONDS, url: '/kiosk' } : undefined,
    body: html`<div class="readable">
<div class="${o.status === 'success' ? 'panel' : 'notice'}" role="status"><h1>${t(o.title)}</h1><p>${t(o.body)}</p></div>
${o.kiosk ? html`<p>${t('kiosk.thanks_next')}</p><p><a class="button" href="/kiosk">${t('kiosk.start_over')}</a></p>` : ''}
${o.generalLink ? html`<p><a href="/survey">${t('survey.open_general')}</a></p>` : ''}
${o.kiosk ? '' : html`<p><a href="/transparansi">${t('survey.see_results')}</a></p>`}
</div>`,
  });
}

/** The satisfaction block on a resolved case's status page: the SKM link and the per-case rating. */
export function caseSatisfactionBlock(
  view: View,
  o: {
    surveyUrl: string | null;
    feedback: { rating: number } | null;
    credentials: { code: string; key: string };
    errors: FieldErrors;
  },
): SafeHtml {
  const { t } = view;
  const ratingError = errorFor(o.errors, 'rating');
  return html`<hr class="section-break">
<h2>${t('survey.case_link_title')}</h2>
${o.surveyUrl ? html`<p>${t('survey.case_link_body')}</p><p><a class="button button--secondary" href="${o.surveyUrl}">${t('survey.case_link')}</a></p>` : html`<p>${t('survey.case_link_used')}</p>`}
<h3>${t('feedback.title')}</h3>
${
  o.feedback
    ? html`<p>${t('feedback.given', { rating: o.feedback.rating })}</p>`
    : html`<form method="post" action="/status/feedback" novalidate>${csrfInput(view.csrf)}${hidden(o.credentials)}
${radioGroup(
  view,
  'rating',
  html`${t('feedback.rating')}<span class="hint">${t('feedback.hint')}</span>`,
  [1, 2, 3, 4, 5].map((n) => ({ value: String(n), label: t(`feedback.rating.${n}` as PortalMessageKey) })),
  { error: ratingError, className: 'rating' },
)}
<div class="field"><label for="${fieldId('comment')}">${t('feedback.comment')}</label><textarea id="${fieldId('comment')}" name="comment" rows="3" maxlength="2000"></textarea></div>
${button(t('feedback.submit'), { kind: 'secondary' })}
</form>`
}`;
}
