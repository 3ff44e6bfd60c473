import { ATTACHMENT_LIMITS } from '../../server/modules/cases/attachments.js';
import type { IntegrityAttachment } from '../../server/modules/integrity/attachments.js';
import type { ReportForReporter } from '../../server/modules/integrity/reports.js';
import { INTEGRITY_CATEGORIES } from '../../server/modules/integrity/reports.js';
import {
  button,
  checkbox,
  csrfInput,
  errorFor,
  errorSummary,
  type FieldErrors,
  fileInput,
  hidden,
  honeypot,
  textArea,
  textInput,
} from '../components.js';
import { html, multiline, type SafeHtml } from '../html.js';
import { layout, type View } from '../layout.js';
import type { PortalMessageKey } from '../messages/index.js';
import { formatSize } from './submit.js';

/** The file field of the report and reply forms (files are checked by content, then encrypted; see attachments.ts). */
function integrityFiles(view: View, errors: FieldErrors): SafeHtml {
  const { t } = view;
  return fileInput(t, {
    name: 'files',
    label: t('integrity.files'),
    hint: t('integrity.files_hint', {
      count: ATTACHMENT_LIMITS.maxFiles,
      size: ATTACHMENT_LIMITS.maxBytes / 1024 / 1024,
    }),
    error: errorFor(errors, 'files'),
  });
}

/** The files of one part of the thread, each a small form: the receipt travels in the body, never in a URL. */
function attachmentList(view: View, receipt: string, files: IntegrityAttachment[]): SafeHtml | '' {
  if (files.length === 0) return '';
  const { t } = view;
  return html`<ul class="files" aria-label="${t('integrity.attachments')}">${files.map(
    (a) =>
      html`<li><form method="post" action="/integrity/follow-up/attachments/${a.id}" class="inline-form">${csrfInput(
        view.csrf,
      )}${hidden({ receipt })}${button(
        t('status.download', { name: a.fileName, size: formatSize(a.size, view.language) }),
        { kind: 'link' },
      )}</form></li>`,
  )}</ul>`;
}

export interface IntegrityDraft {
  category: string;
  description: string;
  wantsContact: boolean;
  contact: string;
}

export const EMPTY_INTEGRITY_DRAFT: IntegrityDraft = {
  category: '',
  description: '',
  wantsContact: false,
  contact: '',
};

function promises(view: View): SafeHtml {
  const { t } = view;
  return html`<ul>
<li>${t('integrity.promise_anonymous')}</li>
<li>${t('integrity.promise_nothing_kept')}</li>
<li>${t('integrity.promise_encrypted')}</li>
<li>${t('integrity.promise_receipt')}</li>
</ul>`;
}

/** The channel is closed until an integrity officer has enrolled (no one could read a report). */
export function integrityUnavailablePage(view: View): SafeHtml {
  const { t } = view;
  return layout(view, {
    title: t('integrity.title'),
    body: html`<div class="readable">
<h1>${t('integrity.title')}</h1>
<div class="notice"><p>${t('integrity.unavailable')}</p></div>
<p>${t('integrity.meanwhile')}</p>
<p><a class="button" href="/submit/complaint?anonymous=1&amp;confidential=1">${t('integrity.start')}</a></p>
</div>`,
  });
}

export function integrityFormPage(
  view: View,
  draft: IntegrityDraft,
  errors: FieldErrors,
  challenge: string,
): SafeHtml {
  const { t } = view;
  const categoryError = errorFor(errors, 'category');
  return layout(view, {
    title: t('integrity.title'),
    hasErrors: errors.length > 0,
    body: html`<div class="readable">
${errorSummary(t, errors)}
<h1>${t('integrity.title')}</h1>
<p class="lead">${t('integrity.lead')}</p>
${promises(view)}
<p><a href="/integrity/follow-up">${t('integrity.follow_up_link')}</a></p>
<form method="post" action="/integrity" data-pow="${challenge}" enctype="multipart/form-data" novalidate>
${csrfInput(view.csrf)}
${honeypot(t)}
${hidden({ challenge, pow: '' })}
<div class="field${categoryError ? ' field--error' : ''}" id="f-category">
<fieldset${categoryError ? html` aria-describedby="f-category-error"` : ''}>
<legend>${t('integrity.category')}</legend>
${categoryError ? html`<p class="error" id="f-category-error">${categoryError}</p>` : ''}
${INTEGRITY_CATEGORIES.map(
  (c) =>
    html`<div class="check"><input type="radio" id="f-category-${c}" name="category" value="${c}"${
      draft.category === c ? html` checked` : ''
    }><div><label for="f-category-${c}">${t(`integrity.category.${c}` as PortalMessageKey)}</label></div></div>`,
)}
</fieldset>
</div>
${textArea(t, {
  name: 'description',
  label: t('integrity.description'),
  hint: t('integrity.description_hint'),
  value: draft.description,
  error: errorFor(errors, 'description'),
  rows: 10,
})}
${checkbox(t, {
  name: 'wants_contact',
  label: t('integrity.wants_contact'),
  hint: t('integrity.wants_contact_hint'),
  checked: draft.wantsContact,
})}
${textInput(t, {
  name: 'contact',
  label: t('integrity.contact'),
  hint: t('integrity.contact_hint'),
  value: draft.contact,
  error: errorFor(errors, 'contact'),
  autocomplete: 'off',
})}
${integrityFiles(view, errors)}
<p class="hint">${t('integrity.pow_note')}</p>
${button(t('integrity.send'))}
</form>
</div>`,
  });
}

export function integrityReceiptPage(view: View, receipt: string, sealed: string): SafeHtml {
  const { t } = view;
  return layout(view, {
    title: t('integrity.receipt_title'),
    languageSwitch: { action: '/integrity/receipt', fields: { receipt: sealed } },
    body: html`<div class="readable">
<div class="panel"><h1>${t('integrity.receipt_title')}</h1></div>
<div class="receipt" id="receipt">
<dl><dt>${t('integrity.receipt_label')}</dt><dd class="mono" id="integrity-receipt">${receipt}</dd></dl>
<button type="button" class="button button--secondary" data-copy="${receipt}" data-copied="${t('submit.done_copied')}" hidden>${t('submit.done_copy')}</button>
</div>
<p><strong>${t('integrity.receipt_save')}</strong></p>
<p>${t('integrity.receipt_only_key')}</p>
<p><a href="/integrity/follow-up">${t('integrity.follow_up_link')}</a></p>
</div>`,
  });
}

export function integrityLookupPage(view: View, errors: FieldErrors): SafeHtml {
  const { t } = view;
  return layout(view, {
    title: t('integrity.follow_up_title'),
    hasErrors: errors.length > 0,
    body: html`<div class="readable">
${errorSummary(t, errors)}
<h1>${t('integrity.follow_up_title')}</h1>
<form method="post" action="/integrity/follow-up" novalidate>
${csrfInput(view.csrf)}
${textInput(t, {
  name: 'receipt',
  label: t('integrity.receipt_label'),
  hint: t('integrity.receipt_hint'),
  error: errorFor(errors, 'receipt'),
  autocomplete: 'off',
  inputmode: 'numeric',
  spellcheck: false,
})}
${button(t('integrity.follow_up_button'))}
</form>
</div>`,
  });
}

export function integrityReportPage(
  view: View,
  receipt: string,
  report: ReportForReporter,
  errors: FieldErrors,
): SafeHtml {
  const { t } = view;
  const closed = report.status === 'closed';
  return layout(view, {
    title: t('integrity.report_title'),
    hasErrors: errors.length > 0,
    languageSwitch: { action: '/integrity/follow-up', fields: { receipt } },
    body: html`<div class="readable">
${errorSummary(t, errors)}
<h1>${t('integrity.report_title')}</h1>
<dl class="summary">
<div><dt>${t('integrity.received_day')}</dt><dd>${report.receivedDay}</dd></div>
<div><dt>${t('integrity.status')}</dt><dd>${t(`integrity.status.${report.status}` as PortalMessageKey)}</dd></div>
<div><dt>${t('integrity.category')}</dt><dd>${t(`integrity.category.${report.category}` as PortalMessageKey)}</dd></div>
<div><dt>${t('integrity.contact')}</dt><dd>${report.contactGiven ? t('integrity.contact_given') : t('integrity.contact_none')}</dd></div>
</dl>
<h2>${t('integrity.description')}</h2>
<p>${multiline(report.description)}</p>
${attachmentList(
  view,
  receipt,
  report.attachments.filter((a) => a.messagePosition === 0),
)}
<h2>${t('integrity.messages')}</h2>
${
  report.messages.length
    ? html`<ol class="timeline">${report.messages.map(
        (m) =>
          html`<li class="timeline__item"><p class="meta"><strong>${t(
            m.author === 'officer' ? 'integrity.from_officer' : 'integrity.from_you',
          )}</strong> · ${m.day}</p>${m.body ? html`<p>${multiline(m.body)}</p>` : ''}${attachmentList(
            view,
            receipt,
            report.attachments.filter((a) => a.messagePosition === m.position),
          )}</li>`,
      )}</ol>`
    : html`<p>${t('integrity.no_messages')}</p>`
}
${
  closed
    ? html`<p>${t('integrity.closed')}</p>`
    : html`<form method="post" action="/integrity/follow-up/reply" enctype="multipart/form-data" novalidate>
${csrfInput(view.csrf)}
${hidden({ receipt })}
${textArea(t, { name: 'body', label: t('integrity.reply'), error: errorFor(errors, 'body'), rows: 5 })}
${integrityFiles(view, errors)}
${button(t('integrity.reply_send'))}
</form>`
}
</div>`,
  });
}
