import { ATTACHMENT_LIMITS, type StoredFile } from '../../server/modules/cases/attachments.js';
import type { CaseType } from '../../shared/enums.js';
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
  select,
  textArea,
  textInput,
} from '../components.js';
import { html, multiline, type SafeHtml } from '../html.js';
import { layout, type View } from '../layout.js';
import type { PortalMessageKey } from '../messages/index.js';
import type { Draft } from '../submission.js';

const TYPES: CaseType[] = ['complaint', 'request', 'opinion', 'compliment'];
const MB = ATTACHMENT_LIMITS.maxBytes / 1024 / 1024;

export function formatSize(bytes: number, language: string): string {
  const format = (n: number) =>
    n.toLocaleString(language === 'id' ? 'id-ID' : 'en-GB', { maximumFractionDigits: 1 });
  return bytes >= 1024 * 1024
    ? `${format(bytes / 1024 / 1024)} MB`
    : `${format(Math.max(1, bytes / 1024))} KB`;
}

export function choosePage(view: View): SafeHtml {
  const { t } = view;
  return layout(view, {
    title: t('submit.choose_title'),
    body: html`<h1>${t('submit.choose_title')}</h1>
<ul class="actions">
${TYPES.map(
  (type) =>
    html`<li><a href="/submit/${type}"><strong>${t(`home.action.${type}` as PortalMessageKey)}</strong><span>${t(
      `home.action.${type}_hint` as PortalMessageKey,
    )}</span></a></li>`,
)}
<li><a href="/integrity"><strong>${t('home.action.integrity')}</strong><span>${t('home.action.integrity_hint')}</span></a></li>
</ul>`,
  });
}

export function formPage(
  view: View,
  draft: Draft,
  errors: FieldErrors,
  keptFiles: { files: StoredFile[]; sealed: string } | undefined,
): SafeHtml {
  const { t, language } = view;
  const office = view.office!;
  const type = draft.type;
  const groups = office.services
    .filter((s) => s.categories.length)
    .map((s) => ({
      label: s.name[language],
      options: s.categories.map((c) => ({ value: c.code, label: c.name[language] })),
    }));
  const title = t(`submit.title.${type}` as PortalMessageKey);
  return layout(view, {
    title,
    hasErrors: errors.length > 0,
    body: html`<div class="readable">
${errorSummary(t, errors)}
<h1>${title}</h1>
<p class="lead">${t(`submit.intro.${type}` as PortalMessageKey)}</p>
<form method="post" action="/submit/${type}" enctype="multipart/form-data" novalidate>
${csrfInput(view.csrf)}
${honeypot(t)}
${select(t, {
  name: 'category',
  label: t('submit.category'),
  hint: t('submit.category_hint'),
  value: draft.category,
  error: errorFor(errors, 'category'),
  groups,
  none: t('submit.category_none'),
})}
${textInput(t, {
  name: 'subject',
  label: t('submit.subject'),
  hint: t('submit.subject_hint'),
  value: draft.subject,
  error: errorFor(errors, 'subject'),
})}
${textArea(t, {
  name: 'description',
  label: t('submit.description'),
  hint: t('submit.description_hint'),
  value: draft.description,
  error: errorFor(errors, 'description'),
})}
${textInput(t, {
  name: 'passport_number',
  label: t('passport.application_number'),
  hint: t('passport.application_number_hint'),
  value: draft.passportNumber,
  error: errorFor(errors, 'passport_number'),
  short: true,
  spellcheck: false,
  autocomplete: 'off',
})}
<fieldset aria-describedby="f-contact-hint">
<legend>${t('submit.contact')}</legend>
<p class="hint" id="f-contact-hint">${t('submit.contact_hint')}</p>
${textInput(t, { name: 'name', label: t('submit.name'), value: draft.name, error: errorFor(errors, 'name'), autocomplete: 'name' })}
${textInput(t, {
  name: 'email',
  label: t('submit.email'),
  value: draft.email,
  error: errorFor(errors, 'email'),
  type: 'email',
  autocomplete: 'email',
  spellcheck: false,
})}
${textInput(t, {
  name: 'phone',
  label: t('submit.phone'),
  hint: t('submit.phone_hint'),
  value: draft.phone,
  error: errorFor(errors, 'phone'),
  type: 'tel',
  autocomplete: 'tel',
  short: true,
})}
</fieldset>
<fieldset>
<legend>${t('submit.privacy')}</legend>
${checkbox(t, { name: 'anonymous', label: t('submit.anonymous'), hint: t('submit.anonymous_hint'), checked: draft.anonymous })}
${checkbox(t, {
  name: 'confidential',
  label: t('submit.confidential'),
  hint: t('submit.confidential_hint'),
  checked: draft.confidential,
})}
</fieldset>
${
  keptFiles?.files.length
    ? html`<fieldset><legend>${t('submit.files_kept')}</legend>${hidden({ kept: keptFiles.sealed })}${keptFiles.files.map(
        (f, i) =>
          html`${checkbox(t, {
            name: `keep-${i}`,
            value: f.sha256,
            label: t('submit.files_keep', { name: f.fileName }),
            checked: true,
          })}`,
      )}</fieldset>`
    : ''
}
${fileInput(t, {
  name: 'files',
  label: t('submit.files'),
  hint: t('submit.files_hint', { count: ATTACHMENT_LIMITS.maxFiles, size: MB }),
  error: errorFor(errors, 'files'),
})}
<fieldset>
<legend>${t('submit.consent')}</legend>
${checkbox(t, {
  name: 'consent',
  label: t('submit.consent_label'),
  hint: t('submit.consent_hint'),
  checked: draft.consent,
  error: errorFor(errors, 'consent'),
})}
</fieldset>
${button(t('submit.continue'))}
</form>
</div>`,
  });
}

function categoryLabel(view: View, code: string): string {
  for (const service of view.office?.services ?? []) {
    const category = service.categories.find((c) => c.code === code);
    if (category) return `${service.name[view.language]} – ${category.name[view.language]}`;
  }
  return view.t('submit.category_none');
}

export function summaryPage(view: View, draft: Draft, sealed: string): SafeHtml {
  const { t, language } = view;
  const contact = [draft.name, draft.email, draft.phone].filter(Boolean);
  const privacy = [
    draft.anonymous ? t('submit.anonymous') : '',
    draft.confidential ? t('submit.confidential') : '',
  ]
    .filter(Boolean)
    .join(', ');
  const row = (label: string, value: unknown) =>
    html`<div><dt>${label}</dt><dd>${value as string}</dd></div>`;
  return layout(view, {
    title: t('submit.summary_title'),
    languageSwitch: { action: `/submit/${draft.type}/send`, fields: { draft: sealed, action: 'review' } },
    body: html`<div class="readable">
<h1>${t('submit.summary_title')}</h1>
<p>${t('submit.summary_lead')}</p>
<dl class="summary">
${row(t('submit.summary_type'), t(`type.${draft.type}` as PortalMessageKey))}
${row(t('submit.summary_category'), draft.category ? categoryLabel(view, draft.category) : t('submit.category_none'))}
${row(t('submit.summary_subject'), draft.subject)}
<div><dt>${t('submit.summary_description')}</dt><dd>${multiline(draft.description)}</dd></div>
${draft.passportNumber ? row(t('passport.application_number'), draft.passportNumber) : ''}
<div><dt>${t('submit.summary_contact')}</dt><dd>${
      contact.length ? multiline(contact.join('\n')) : t('submit.summary_no_contact')
    }</dd></div>
${row(t('submit.summary_privacy'), privacy || t('submit.summary_none'))}
<div><dt>${t('submit.summary_files')}</dt><dd>${
      draft.files.length
        ? html`<ul class="files">${draft.files.map((f) => html`<li>${f.fileName} (${formatSize(f.size, language)})</li>`)}</ul>`
        : t('submit.summary_none')
    }</dd></div>
</dl>
<form method="post" action="/submit/${draft.type}/send">
${csrfInput(view.csrf)}
${hidden({ draft: sealed })}
<div class="button-group">
${button(t('submit.send'), { name: 'action', value: 'send' })}
${button(t('submit.change'), { name: 'action', value: 'change', kind: 'secondary' })}
</div>
</form>
</div>`,
  });
}

export interface Receipt {
  code: string;
  key: string;
  email: string;
}

export function confirmationPage(view: View, receipt: Receipt, sealed: string): SafeHtml {
  const { t } = view;
  return layout(view, {
    title: t('submit.done_title'),
    languageSwitch: { action: '/submit/receipt', fields: { receipt: sealed } },
    body: html`<div class="readable">
<div class="panel"><h1>${t('submit.done_title')}</h1></div>
<div class="receipt" id="receipt">
<dl>
<dt>${t('submit.done_code')}</dt><dd class="mono" id="tracking-code">${receipt.code}</dd>
<dt>${t('submit.done_key')}</dt><dd class="mono" id="access-key">${receipt.key}</dd>
</dl>
<button type="button" class="button button--secondary" data-copy="${`${t('submit.done_code')}: ${receipt.code}\n${t('submit.done_key')}: ${receipt.key}`}" data-copied="${t('submit.done_copied')}" hidden>${t(
      'submit.done_copy',
    )}</button>
</div>
<p><strong>${t('submit.done_save')}</strong></p>
${receipt.email ? html`<p>${t('submit.done_email', { email: receipt.email })}</p>` : ''}
<h2>${t('submit.done_next')}</h2>
<p>${t('submit.done_next_body')}</p>
<form method="post" action="/status">
${csrfInput(view.csrf)}
${hidden({ code: receipt.code, key: receipt.key })}
${button(t('submit.done_view'))}
</form>
</div>`,
  });
}
