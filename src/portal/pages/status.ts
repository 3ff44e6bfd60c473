import type { Attachment } from '../../server/modules/cases/attachments.js';
import { ATTACHMENT_LIMITS } from '../../server/modules/cases/attachments.js';
import type { Case, CaseEvent, CaseMessage } from '../../server/modules/cases/model.js';
import type { CaseContext } from '../../server/modules/cases/presenters.js';
import { isFinal } from '../../server/modules/cases/status-machine.js';
import type { CaseStatus } from '../../shared/enums.js';
import {
  button,
  csrfInput,
  errorFor,
  errorSummary,
  type FieldErrors,
  fileInput,
  hidden,
  textArea,
  textInput,
} from '../components.js';
import { html, multiline, type SafeHtml } from '../html.js';
import { layout, type View } from '../layout.js';
import type { PortalMessageKey } from '../messages/index.js';
import { formatSize } from './submit.js';

export interface Credentials {
  code: string;
  key: string;
}

export function lookupPage(
  view: View,
  values: Partial<Credentials>,
  errors: FieldErrors,
  notFound = false,
): SafeHtml {
  const { t } = view;
  return layout(view, {
    title: t('status.title'),
    hasErrors: errors.length > 0 || notFound,
    body: html`<div class="readable">
${errorSummary(t, notFound ? [{ field: 'code', message: t('status.not_found') }] : errors)}
<h1>${t('status.title')}</h1>
<p>${t('status.lead')}</p>
<form method="post" action="/status" novalidate>
${csrfInput(view.csrf)}
${textInput(t, {
  name: 'code',
  label: t('status.code'),
  hint: t('status.code_hint'),
  value: values.code,
  error: errorFor(errors, 'code'),
  short: true,
  spellcheck: false,
  autocomplete: 'off',
})}
${textInput(t, {
  name: 'key',
  label: t('status.key'),
  hint: t('status.key_hint'),
  value: values.key,
  error: errorFor(errors, 'key'),
  short: true,
  spellcheck: false,
  autocomplete: 'off',
})}
${button(t('status.submit'))}
</form>
<p class="hint">${t('status.lost_key')}</p>
</div>`,
  });
}

export interface CaseView {
  current: Case;
  context: CaseContext;
  statusEvents: CaseEvent[];
  messages: CaseMessage[];
  attachments: Attachment[];
  /** The satisfaction survey link and the per-case rating, once the case is resolved (survey-routes.ts). */
  satisfaction?: (errors: FieldErrors) => SafeHtml;
}

export interface CasePageState {
  notice?: PortalMessageKey;
  errors?: FieldErrors;
  reply?: string;
  status?: number;
}

type Entry =
  | { kind: 'received'; at: string }
  | { kind: 'status'; at: string; to: CaseStatus; reason?: string }
  | { kind: 'message'; at: string; message: CaseMessage };

const timeFormats = new Map<string, Intl.DateTimeFormat>();

/** Date and time in the office's zone; formatters are costly to build, so each is built once. */
export function formatTime(view: View, at: string, timeZone: string): string {
  const id = `${view.language} ${timeZone}`;
  let format = timeFormats.get(id);
  if (!format) {
    format = new Intl.DateTimeFormat(view.language === 'id' ? 'id-ID' : 'en-GB', {
      day: 'numeric',
      month: 'long',
      year: 'numeric',
      hour: '2-digit',
      minute: '2-digit',
      timeZoneName: 'short',
      timeZone,
    });
    timeFormats.set(id, format);
  }
  return format.format(new Date(at));
}

function attachmentList(view: View, credentials: Credentials, attachments: Attachment[]): SafeHtml | '' {
  if (attachments.length === 0) return '';
  const { t } = view;
  return html`<ul class="files" aria-label="${t('status.attachments')}">${attachments.map(
    (a) =>
      html`<li><form method="post" action="/status/attachments/${a.id}" class="inline-form">${csrfInput(
        view.csrf,
      )}${hidden({ code: credentials.code, key: credentials.key })}${button(
        t('status.download', { name: a.fileName, size: formatSize(a.size, view.language) }),
        { kind: 'link' },
      )}</form></li>`,
  )}</ul>`;
}

export function casePage(
  view: View,
  data: CaseView,
  credentials: Credentials,
  state: CasePageState = {},
): SafeHtml {
  const { t, language } = view;
  const { current, context } = data;
  const timeZone = view.office?.timeZone ?? 'Asia/Jakarta';
  const errors = state.errors ?? [];
  const category = current.categoryId ? context.classifications.get(current.categoryId) : undefined;
  const service = current.serviceId ? context.classifications.get(current.serviceId) : undefined;
  const mergedInto = current.mergedIntoId ? context.mergedInto?.get(current.mergedIntoId) : undefined;
  const byMessage = new Map<string | null, Attachment[]>();
  for (const a of data.attachments) byMessage.set(a.messageId, [...(byMessage.get(a.messageId) ?? []), a]);

  const entries: Entry[] = [{ kind: 'received', at: current.receivedAt }];
  for (const event of data.statusEvents) {
    const payload = event.payload as { to: CaseStatus; reason?: string };
    entries.push({ kind: 'status', at: event.createdAt, to: payload.to, reason: payload.reason });
  }
  for (const message of data.messages) {
    if (message.kind !== 'internal_note') entries.push({ kind: 'message', at: message.createdAt, message });
  }
  entries.sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0));

  const entry = (e: Entry) => {
    const time = html`<time datetime="${e.at}">${formatTime(view, e.at, timeZone)}</time>`;
    if (e.kind === 'received') return html`<li>${time}<p class="who">${t('status.event.received')}</p></li>`;
    if (e.kind === 'status') {
      return html`<li>${time}<p class="who">${t('status.event.status', {
        status: t(`case_status.${e.to}` as PortalMessageKey),
      })}</p>${e.reason ? html`<p>${t('status.event.reason', { reason: e.reason })}</p>` : ''}</li>`;
    }
    const staff = e.message.authorType !== 'citizen';
    const who = staff
      ? t('status.event.staff', { name: e.message.authorName ?? t('status.staff_default') })
      : t('status.event.you');
    return html`<li>${time}<p class="who">${who}</p><div class="message${staff ? ' message--staff' : ''}">${multiline(
      e.message.body,
    )}${attachmentList(view, credentials, byMessage.get(e.message.id) ?? [])}</div></li>`;
  };

  const creds = hidden({ code: credentials.code, key: credentials.key });
  const resolved = current.status === 'resolved';
  const canReply = !isFinal(current.status);
  const title = t('status.case_title', { code: current.trackingCode });
  return layout(view, {
    title,
    hasErrors: errors.length > 0,
    languageSwitch: { action: '/status', fields: { code: credentials.code, key: credentials.key } },
    body: html`<div class="readable">
${errorSummary(t, errors)}
${state.notice ? html`<div class="notice notice--success" role="status"><p>${t(state.notice)}</p></div>` : ''}
${mergedInto ? html`<div class="notice"><p>${t('status.merged', { code: mergedInto })}</p></div>` : ''}
<span class="caption">${t(`type.${current.type}` as PortalMessageKey)}</span>
<h1>${current.subject}</h1>
<dl class="summary">
<div><dt>${t('status.current')}</dt><dd><strong class="tag tag--${current.status}">${t(
      `case_status.${current.status}` as PortalMessageKey,
    )}</strong><br>${t(`case_status_hint.${current.status}` as PortalMessageKey)}</dd></div>
<div><dt>${t('submit.done_code')}</dt><dd class="mono">${current.trackingCode}</dd></div>
${
  service || category
    ? html`<div><dt>${t('status.category')}</dt><dd>${[service?.name[language], category?.name[language]]
        .filter(Boolean)
        .join(' – ')}</dd></div>`
    : ''
}
<div><dt>${t('status.received')}</dt><dd>${formatTime(view, current.receivedAt, timeZone)}</dd></div>
</dl>
<h2>${t('status.your_report')}</h2>
<div class="message">${multiline(current.description)}${attachmentList(view, credentials, byMessage.get(null) ?? [])}</div>
<h2>${t('status.timeline')}</h2>
<ol class="timeline">${entries.map(entry)}</ol>
${
  resolved
    ? html`<hr class="section-break"><h2>${t('status.resolved_question')}</h2>
<p>${t('status.resolved_hint')}</p>
<form method="post" action="/status/confirm">${csrfInput(view.csrf)}${creds}${hidden({
        version: String(current.version),
      })}${button(t('status.confirm'))}</form>
<form method="post" action="/status/reopen">${csrfInput(view.csrf)}${creds}${hidden({
        version: String(current.version),
      })}
${textArea(t, { name: 'reason', label: t('status.reopen_reason'), rows: 4, error: errorFor(errors, 'reason') })}
${button(t('status.reopen'), { kind: 'warning' })}</form>`
    : ''
}
${
  canReply && !resolved
    ? html`<hr class="section-break"><h2>${t('status.reply_title')}</h2>
<form method="post" action="/status/reply" enctype="multipart/form-data" novalidate>${csrfInput(view.csrf)}${creds}
${textArea(t, {
  name: 'body',
  label: t('status.reply_body'),
  hint: t('status.reply_hint'),
  value: state.reply,
  error: errorFor(errors, 'body'),
  rows: 6,
})}
${fileInput(t, {
  name: 'files',
  label: t('submit.files'),
  hint: t('submit.files_hint', {
    count: ATTACHMENT_LIMITS.maxFiles,
    size: ATTACHMENT_LIMITS.maxBytes / 1024 / 1024,
  }),
  error: errorFor(errors, 'files'),
})}
${button(t('status.reply_send'))}
</form>`
    : ''
}
${data.satisfaction ? data.satisfaction(errors) : ''}
${isFinal(current.status) ? html`<div class="notice"><p>${t('status.closed_note')}</p></div>` : ''}
<p><a href="/status">${t('status.other')}</a></p>
</div>`,
  });
}
