import type { ChatMessage } from '../../server/modules/chat/model.js';
import {
  button,
  csrfInput,
  errorSummary,
  type FieldErrors,
  fileInput,
  hidden,
  textArea,
  textInput,
} from '../components.js';
import { html, type SafeHtml } from '../html.js';
import { layout, type View } from '../layout.js';

export const CHAT_PATH = '/chat';

export interface ChatReceipt {
  trackingCode: string;
  accessKey: string;
}

export interface ChatPageState {
  state: 'assistant' | 'waiting' | 'active' | 'message' | 'ended';
  messages: ChatMessage[];
  position: number;
  /** A fresh id for the next message: sending the form twice stores it once. */
  nextId: string;
  receipt?: ChatReceipt;
  errors?: FieldErrors;
  body?: string;
}

/** The due time in the office's zone, worded for the visitor. */
export function formatDue(view: View, dueAt: string | null | undefined): string {
  if (!dueAt) return view.t('chat.due_unknown');
  return new Intl.DateTimeFormat(view.language === 'id' ? 'id-ID' : 'en-GB', {
    dateStyle: 'full',
    timeStyle: 'short',
    timeZone: view.office?.timeZone ?? 'Asia/Jakarta',
  }).format(new Date(dueAt));
}

/** A system notice in the visitor's words (the stored notice says what happened, not how to say it). */
export function noticeText(view: View, message: ChatMessage): string {
  const { t } = view;
  const data = message.data ?? {};
  switch (data.notice) {
    case 'waiting':
      return t('chat.notice_waiting');
    case 'agent_joined':
      return t('chat.notice_agent_joined', { name: message.authorName ?? t('chat.agent') });
    case 'message_taken':
      return t(data.reason === 'out_of_hours' ? 'chat.notice_out_of_hours' : 'chat.notice_nobody_free', {
        code: data.trackingCode ?? '',
        due: formatDue(view, data.dueAt),
      });
    case 'ended':
      return t('chat.notice_ended');
    default:
      return '';
  }
}

function authorLabel(view: View, message: ChatMessage): string {
  const { t } = view;
  if (message.author === 'visitor') return t('chat.you');
  if (message.author === 'assistant') return t('chat.assistant');
  if (message.author === 'agent') return message.authorName ?? t('chat.agent');
  return t('chat.system');
}

function messageItem(view: View, message: ChatMessage): SafeHtml {
  const { t } = view;
  const data = message.data ?? {};
  const text = message.author === 'system' ? noticeText(view, message) : message.body;
  return html`<li class="chat-msg chat-msg--${message.author}" id="m${message.seq}">
<p class="chat-author">${authorLabel(view, message)}</p>
<p class="chat-body">${data.attachment ? t('chat.file_sent', { name: data.attachment.fileName }) : text}</p>
${
  data.sources?.length
    ? html`<p class="chat-sources">${t('chat.sources')}: ${data.sources.map(
        (s, i) => html`${i ? ', ' : ''}<a href="${s.url}">${s.title}</a>`,
      )}</p>`
    : ''
}${data.notice === 'no_answer' ? html`<p class="chat-hint">${t('chat.notice_no_answer')}</p>` : ''}
</li>`;
}

/** The start of a chat without JavaScript: the first question, and continuing an earlier chat. */
export function chatStartPage(
  view: View,
  o: { errors?: FieldErrors; body?: string; code?: string; continueErrors?: FieldErrors } = {},
): SafeHtml {
  const { t } = view;
  const errors = [...(o.errors ?? []), ...(o.continueErrors ?? [])];
  return layout(view, {
    title: t('chat.title'),
    hasErrors: errors.length > 0,
    body: html`<div class="readable">
${errorSummary(t, errors)}
<h1>${t('chat.title')}</h1>
<p class="lead">${t('chat.lead')}</p>
<form method="post" action="${CHAT_PATH}" novalidate>
${csrfInput(view.csrf)}${hidden({ action: 'start' })}
${textArea(t, { name: 'body', label: t('chat.first_label'), value: o.body, rows: 4, error: o.errors?.find((e) => e.field === 'body')?.message })}
${button(t('chat.start'))}
</form>
<section aria-labelledby="continue-title">
<h2 id="continue-title">${t('chat.continue_title')}</h2>
<form method="post" action="${CHAT_PATH}" novalidate>
${csrfInput(view.csrf)}${hidden({ action: 'open' })}
${textInput(t, { name: 'code', label: t('chat.receipt_code'), value: o.code, short: true, spellcheck: false, autocomplete: 'off', error: o.continueErrors?.find((e) => e.field === 'code')?.message })}
${textInput(t, { name: 'key', label: t('chat.receipt_key'), short: true, spellcheck: false, autocomplete: 'off' })}
${button(t('chat.continue'), { kind: 'secondary' })}
</form>
</section>
</div>`,
  });
}

/**
 * The conversation without JavaScript: the transcript, the message form, and a link to refresh for replies.
 * Every form carries the CSRF token; the conversation itself is named by an HttpOnly cookie, never the URL.
 */
export function chatConversationPage(view: View, page: ChatPageState): SafeHtml {
  const { t } = view;
  const errors = page.errors ?? [];
  const open = page.state !== 'ended' || page.receipt !== undefined;
  const hasCase = page.state !== 'assistant';
  return layout(view, {
    title: t('chat.title'),
    hasErrors: errors.length > 0,
    body: html`<div class="readable">
${errorSummary(t, errors)}
<h1>${t('chat.title')}</h1>
${
  page.receipt
    ? html`<section class="panel chat-receipt" aria-labelledby="receipt-title">
<h2 id="receipt-title">${t('chat.receipt_title')}</h2>
<dl><dt>${t('chat.receipt_code')}</dt><dd class="code">${page.receipt.trackingCode}</dd>
<dt>${t('chat.receipt_key')}</dt><dd class="code">${page.receipt.accessKey}</dd></dl>
<p>${t('chat.receipt_note')}</p>
</section>`
    : ''
}
<h2 id="log-title">${t('chat.log_label')}</h2>
${
  page.messages.length
    ? html`<ol class="chat-log" aria-labelledby="log-title">${page.messages.map((m) => messageItem(view, m))}</ol>`
    : html`<p>${t('chat.empty')}</p>`
}
${page.state === 'waiting' && page.position > 0 ? html`<p class="chat-position">${t('chat.position', { position: page.position })}</p>` : ''}
<p><a href="${CHAT_PATH}#log-title">${t('chat.refresh')}</a></p>
${
  open
    ? html`<form method="post" action="${CHAT_PATH}" enctype="multipart/form-data" novalidate>
${csrfInput(view.csrf)}${hidden({ action: 'send', id: page.nextId })}
${textArea(t, { name: 'body', label: t('chat.message_label'), value: page.body, rows: 3, error: errors.find((e) => e.field === 'body')?.message })}
${hasCase ? fileInput(t, { name: 'file', label: t('chat.file_label'), hint: t('chat.file_hint'), error: errors.find((e) => e.field === 'file')?.message }) : ''}
${button(t('chat.send'))}
</form>
<div class="chat-actions">
${
  page.state === 'assistant'
    ? html`<form method="post" action="${CHAT_PATH}">${csrfInput(view.csrf)}${hidden({ action: 'agent' })}${button(t('chat.ask_person'), { kind: 'secondary' })}</form>`
    : ''
}
<form method="post" action="${CHAT_PATH}">${csrfInput(view.csrf)}${hidden({ action: 'end' })}${button(t('chat.end'), { kind: 'secondary' })}</form>
</div>`
    : html`<form method="post" action="${CHAT_PATH}">${csrfInput(view.csrf)}${hidden({ action: 'new' })}${button(t('chat.new_chat'))}</form>`
}
</div>`,
  });
}
