import type { PublicApplicationStatus } from '../../server/modules/passports/status-check.js';
import { button, csrfInput, errorFor, errorSummary, type FieldErrors, textInput } from '../components.js';
import { html, type SafeHtml } from '../html.js';
import { layout, type View } from '../layout.js';
import type { PortalMessageKey } from '../messages/index.js';
import { formatTime } from './status.js';

export interface PassportLookup {
  number?: string;
  day?: string;
  month?: string;
  year?: string;
}

/** The status check form: application number and date of birth (day, month, year as people write them). */
export function passportLookupPage(
  view: View,
  values: PassportLookup,
  errors: FieldErrors,
  notFound = false,
): SafeHtml {
  const { t } = view;
  const dateError = errorFor(errors, 'day');
  const shown = notFound ? [{ field: 'number', message: t('passport.not_found') }] : errors;
  return layout(view, {
    title: t('passport.title'),
    hasErrors: shown.length > 0,
    body: html`<div class="readable">
${errorSummary(t, shown)}
<h1>${t('passport.title')}</h1>
<p>${t('passport.lead')}</p>
<form method="post" action="/passport" novalidate>
${csrfInput(view.csrf)}
${textInput(t, {
  name: 'number',
  label: t('passport.number'),
  hint: t('passport.number_hint'),
  value: values.number,
  error: errorFor(errors, 'number'),
  short: true,
  spellcheck: false,
  autocomplete: 'off',
})}
<fieldset class="field${dateError ? ' field--error' : ''}" role="group" aria-describedby="f-day-hint${dateError ? ' f-day-error' : ''}">
<legend>${t('passport.birth_date')}</legend>
<p class="hint" id="f-day-hint">${t('passport.birth_date_hint')}</p>
${dateError ? html`<p class="error-message" id="f-day-error"><span class="visually-hidden">${t('layout.error_prefix')}</span>${dateError}</p>` : ''}
<div class="date-input">
${dateField(t('passport.day'), 'day', values.day, 2, Boolean(dateError), 'bday-day')}
${dateField(t('passport.month'), 'month', values.month, 2, Boolean(dateError), 'bday-month')}
${dateField(t('passport.year'), 'year', values.year, 4, Boolean(dateError), 'bday-year')}
</div>
</fieldset>
${button(t('passport.submit'))}
</form>
</div>`,
  });
}

function dateField(
  label: string,
  name: string,
  value: string | undefined,
  size: number,
  invalid: boolean,
  autocomplete: string,
) {
  return html`<div class="date-input__item"><label for="f-${name}">${label}</label><input class="input--date-${size}" id="f-${name}" name="${name}" type="text" inputmode="numeric" maxlength="${size}" autocomplete="${autocomplete}" value="${value ?? ''}"${invalid ? html` aria-invalid="true"` : ''}></div>`;
}

/** The answer: stage in plain words, what to do next, the expected date and the history. */
export function passportStatusPage(
  view: View,
  status: PublicApplicationStatus,
  asked: PassportLookup,
): SafeHtml {
  const { t } = view;
  const timeZone = view.office?.timeZone ?? 'Asia/Jakarta';
  const stage = (s: string) => t(`passport.stage.${s}` as PortalMessageKey);
  const date = (iso: string) =>
    new Intl.DateTimeFormat(view.language === 'id' ? 'id-ID' : 'en-GB', {
      weekday: 'long',
      day: 'numeric',
      month: 'long',
      year: 'numeric',
      timeZone: 'UTC',
    }).format(new Date(`${iso}T00:00:00Z`));
  return layout(view, {
    title: t('passport.result_title', { number: status.applicationNumber }),
    // Switching language re-posts the question, so the number and date never enter a URL.
    languageSwitch: { action: '/passport', fields: { ...asked } },
    body: html`<div class="readable">
<h1>${t('passport.result_title', { number: status.applicationNumber })}</h1>
${status.late ? html`<div class="notice"><p>${t('passport.late')}</p></div>` : ''}
<dl class="summary">
<div><dt>${t('passport.applicant')}</dt><dd>${status.applicantInitials}</dd></div>
<div><dt>${t('passport.current')}</dt><dd><strong>${stage(status.stage)}</strong><br>${t('passport.since', {
      time: formatTime(view, status.stageAt, timeZone),
    })}</dd></div>
${
  status.expectedDate
    ? html`<div><dt>${t('passport.expected')}</dt><dd>${date(status.expectedDate)}<br><span class="hint">${t(
        'passport.expected_note',
      )}</span></dd></div>`
    : ''
}
${status.appointmentDate ? html`<div><dt>${t('passport.appointment')}</dt><dd>${date(status.appointmentDate)}</dd></div>` : ''}
<div><dt>${t('passport.service')}</dt><dd>${t(`passport.service.${status.speed}` as PortalMessageKey)}</dd></div>
</dl>
<h2>${t('passport.next')}</h2>
<p>${t(`passport.next.${status.nextStep}` as PortalMessageKey)}</p>
${status.note ? html`<div class="message"><p>${status.note}</p></div>` : ''}
<h2>${t('passport.history')}</h2>
<ol class="timeline">${status.stages.map(
      (s) =>
        html`<li><time datetime="${s.at}">${formatTime(view, s.at, timeZone)}</time><p class="who">${stage(s.stage)}</p></li>`,
    )}</ol>
<p><a href="/passport">${t('passport.check_another')}</a></p>
<p><a href="/submit/complaint">${t('passport.complain')}</a></p>
</div>`,
  });
}
