import type { OfficeWithServices } from '../server/modules/offices/storage.js';
import type { Language } from '../shared/enums.js';
import { type Island, portalAssets } from './assets.js';
import { csrfInput, hidden } from './components.js';
import { type HtmlValue, html, multiline, type SafeHtml } from './html.js';
import type { Translate } from './messages/index.js';
import type { Theme } from './theme.js';

/** Everything a page needs to know about the request it answers. */
export interface View {
  language: Language;
  t: Translate;
  office: OfficeWithServices | null;
  theme: Theme;
  /** The CSRF token for this visitor's forms. */
  csrf: string;
  /** Where the language switch leads: the same page by GET. */
  path: string;
}

/**
 * How the language switch keeps the visitor where they are: a link for pages reached by GET, a small form that
 * re-posts the page's own fields for pages that are answers to a POST (the summary, a case's status).
 */
export type LanguageSwitch =
  | { href: string }
  | { action: string; fields: Record<string, string | undefined> };

export interface PageContent {
  title: string;
  body: HtmlValue;
  hasErrors?: boolean;
  languageSwitch?: LanguageSwitch;
  /** Islands the page uses besides portal.js (each a small deferred script). */
  scripts?: Island[];
  /** Extra elements for the head: sharing metadata, feed links, the canonical address. */
  head?: HtmlValue;
  /** Reload another page after some seconds without JavaScript (the survey kiosk's reset). */
  refresh?: { seconds: number; url: string };
  /** A class on <body>, e.g. `kiosk` for the counter tablet's larger layout. */
  bodyClass?: string;
}

const other = (language: Language): Language => (language === 'id' ? 'en' : 'id');

export function languageHref(language: Language, next: string): string {
  return `/language/${language}?next=${encodeURIComponent(next)}`;
}

function languageSwitch(view: View, target: LanguageSwitch): SafeHtml {
  const to = other(view.language);
  const label = view.t('meta.switch_to');
  if ('href' in target) {
    return html`<a href="${target.href}" lang="${to}" hreflang="${to}" aria-label="${view.t('meta.switch_label')}">${label}</a>`;
  }
  return html`<form method="post" action="${target.action}">${csrfInput(view.csrf)}${hidden({
    ...target.fields,
    lang: to,
  })}<button type="submit" lang="${to}" aria-label="${view.t('meta.switch_label')}">${label}</button></form>`;
}

export function officeName(view: View): string {
  return view.office ? view.office.name[view.language] : 'Loket';
}

export function layout(view: View, content: PageContent): SafeHtml {
  const { t } = view;
  const assets = portalAssets();
  const { css, js } = assets;
  const name = officeName(view);
  const title = `${content.hasErrors ? t('layout.error_prefix') : ''}${content.title} – ${name}`;
  const target = content.languageSwitch ?? { href: languageHref(other(view.language), view.path) };
  return html`<html lang="${view.language}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title}</title>
${content.head ?? ''}
<link rel="icon" href="data:,">
${content.refresh ? html`<meta http-equiv="refresh" content="${String(content.refresh.seconds)};url=${content.refresh.url}">` : ''}
<link rel="stylesheet" href="${css.path}">
<style>${view.theme.css}</style>
<script src="${js.path}" defer></script>
${(content.scripts ?? []).map((island) => html`<script src="${assets[island].path}" defer></script>`)}
</head>
<body${content.bodyClass ? html` class="${content.bodyClass}"` : ''}>
<a class="skip" href="#main">${t('layout.skip')}</a>
<header class="header">
<div class="wrap">
<a class="brand" href="/"><span class="logo" aria-hidden="true">${view.office?.portal.logoText ?? view.office?.code ?? 'L'}</span><span class="office-name">${name}</span></a>
<div class="lang">${languageSwitch(view, target)}</div>
</div>
${navigation(view)}
</header>
<main id="main" tabindex="-1">
<div class="wrap">
${content.body}
</div>
</main>
${footer(view)}
${chatLauncher(view)}
</body>
</html>`;
}

/** The main sections, on every page; the current one is marked for screen readers and shown underlined. */
function navigation(view: View): SafeHtml {
  const { t } = view;
  const path = view.path.split('?')[0] ?? '/';
  const items: [string, string, (p: string) => boolean][] = [
    [`/knowledge/${view.language}`, t('nav.knowledge'), (p) => p.startsWith('/knowledge') || p === '/search'],
    ['/assistant', t('nav.assistant'), (p) => p === '/assistant'],
    [`/news/${view.language}`, t('nav.news'), (p) => p.startsWith('/news')],
    ['/submit', t('nav.submit'), (p) => p.startsWith('/submit') || p === '/integrity'],
    ['/status', t('nav.status'), (p) => p.startsWith('/status')],
    ['/transparansi', t('nav.transparency'), (p) => p.startsWith('/transparansi') || p.startsWith('/survey')],
  ];
  return html`<nav class="nav" aria-label="${t('nav.label')}"><div class="wrap"><ul>${items.map(
    ([href, label, current]) =>
      html`<li><a href="${href}"${current(path) ? html` aria-current="page"` : ''}>${label}</a></li>`,
  )}</ul></div></nav>`;
}

function safeUrl(url: string | null): string | undefined {
  return url && /^https?:\/\/[^\s"<>]+$/i.test(url) ? url : undefined;
}

function telHref(phone: string): string {
  return `tel:${phone.replace(/[^\d+]/g, '')}`;
}

export function contactList(view: View): SafeHtml | '' {
  const office = view.office;
  if (!office) return '';
  const { t } = view;
  const website = safeUrl(office.website);
  const rows: [string, HtmlValue][] = [];
  if (office.phone)
    rows.push([t('layout.phone'), html`<a href="${telHref(office.phone)}">${office.phone}</a>`]);
  if (office.whatsapp) {
    rows.push([
      t('layout.whatsapp'),
      html`<a href="https://wa.me/${office.whatsapp.replace(/\D/g, '')}">${office.whatsapp}</a>`,
    ]);
  }
  if (office.email)
    rows.push([t('layout.email'), html`<a href="mailto:${office.email}">${office.email}</a>`]);
  if (website)
    rows.push([t('layout.website'), html`<a href="${website}">${website.replace(/^https?:\/\//, '')}</a>`]);
  if (office.address) rows.push([t('layout.address'), office.address]);
  if (rows.length === 0) return '';
  return html`<dl class="contacts">${rows.map(([label, value]) => html`<dt>${label}</dt><dd>${value}</dd>`)}</dl>`;
}

function footer(view: View): SafeHtml {
  const office = view.office;
  const { t } = view;
  const hours = office?.portal.openingHours?.[view.language];
  const contacts = contactList(view);
  return html`<footer class="footer">
<div class="wrap">
<div class="footer-grid">
${contacts ? html`<div id="contact"><h2>${t('layout.footer_contact')}</h2>${contacts}</div>` : ''}
${hours ? html`<div><h2>${t('layout.footer_hours')}</h2><p>${multiline(hours)}</p></div>` : ''}
<div><h2>${t('layout.footer_info')}</h2><ul class="footer-links">
<li><a href="/knowledge/${view.language}/fees">${t('kb.fees_title')}</a></li>
<li><a href="/knowledge/${view.language}/standards">${t('kb.standards_title')}</a></li>
<li><a href="/knowledge/${view.language}/maklumat">${t('kb.maklumat_title')}</a></li>
<li><a href="/knowledge/${view.language}/faq">${t('kb.faq_title')}</a></li>
<li><a href="/transparansi">${t('footer.transparency')}</a></li>
<li><a href="/survey">${t('survey.title')}</a></li>
</ul></div>
</div>
${office?.contactIsExample ? html`<p class="hint">${t('layout.example_contact')}</p>` : ''}
<p class="hint">${t('layout.privacy')}</p>
<p class="hint"><a href="/audit">${t('layout.audit_link')}</a></p>
</div>
</footer>`;
}

/** Widget texts, from the catalogues, handed to chat.js through the launcher's data attribute. */
const CHAT_WIDGET_KEYS = [
  'chat.title',
  'chat.close',
  'chat.log_label',
  'chat.message_label',
  'chat.send',
  'chat.ask_person',
  'chat.end',
  'chat.you',
  'chat.assistant',
  'chat.agent',
  'chat.system',
  'chat.notice_waiting',
  'chat.position',
  'chat.notice_agent_joined',
  'chat.notice_out_of_hours',
  'chat.notice_nobody_free',
  'chat.due_unknown',
  'chat.notice_ended',
  'chat.notice_no_answer',
  'chat.receipt_title',
  'chat.receipt_code',
  'chat.receipt_key',
  'chat.receipt_note',
  'chat.sources',
  'chat.typing',
  'chat.connecting',
  'chat.reconnecting',
  'chat.connected',
  'chat.not_sent',
  'chat.file_label',
  'chat.file_error',
  'chat.file_sent',
  'chat.closed',
  'chat.new_chat',
] as const;

/**
 * The chat button on every page but the chat's own: a link to the full-page chat, which portal.js turns into a
 * button that loads the widget (chat.js) only when pressed.
 */
function chatLauncher(view: View): SafeHtml | '' {
  if (!view.office || view.path.split('?')[0]?.startsWith('/chat')) return '';
  const texts = Object.fromEntries(CHAT_WIDGET_KEYS.map((key) => [key.slice(5), view.t(key)]));
  return html`<a class="chat-launch" href="/chat" data-chat-src="${portalAssets().chat.path}" data-chat-lang="${view.language}" data-chat-zone="${view.office.timeZone}" data-chat-csrf="${view.csrf}" data-chat-texts="${JSON.stringify(texts)}">${view.t('chat.launch')}</a>`;
}
