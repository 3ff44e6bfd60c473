import { html, type SafeHtml } from '../html.js';
import { layout, officeName, type View } from '../layout.js';
import type { PortalMessageKey } from '../messages/index.js';

const ACTIONS: { href: string; key: string }[] = [
  { href: '/submit/complaint', key: 'complaint' },
  { href: '/submit/request', key: 'request' },
  { href: '/submit/opinion', key: 'opinion' },
  { href: '/submit/compliment', key: 'compliment' },
  { href: '/integrity', key: 'integrity' },
  { href: '/status', key: 'status' },
  { href: '/passport', key: 'passport' },
];

export function homePage(view: View): SafeHtml {
  const { t } = view;
  const services = view.office?.services ?? [];
  return layout(view, {
    title: t('home.title'),
    body: html`<h1>${t('home.title')}</h1>
<p class="lead readable">${t('home.lead')}</p>
<form method="get" action="/search" role="search">
<div class="field">
<label for="f-q">${t('home.search_label')}</label>
<p class="hint" id="f-q-hint">${t('home.search_hint')}</p>
<div class="search"><input type="search" id="f-q" name="q" aria-describedby="f-q-hint" maxlength="200"><button type="submit" class="button">${t('home.search_button')}</button></div>
</div>
</form>
<ul class="quick-links">
<li><a href="/knowledge/${view.language}">${t('home.browse')}</a></li>
<li><a href="/assistant">${t('home.ask')}</a></li>
</ul>
<h2>${t('home.actions')}</h2>
<ul class="actions">
${ACTIONS.map(
  (a) =>
    html`<li><a href="${a.href}"><strong>${t(`home.action.${a.key}` as PortalMessageKey)}</strong><span>${t(
      `home.action.${a.key}_hint` as PortalMessageKey,
    )}</span></a></li>`,
)}
</ul>
${
  services.length
    ? html`<h2>${t('home.services')}</h2>
<ul class="services">${services.map((s) => html`<li>${s.name[view.language]}</li>`)}</ul>`
    : ''
}`,
  });
}

export interface ErrorPageContent {
  title: PortalMessageKey;
  body: string;
  reference?: string;
}

export function errorPage(view: View, content: ErrorPageContent): SafeHtml {
  const { t } = view;
  return layout(view, {
    title: t(content.title),
    body: html`<div class="readable">
<h1>${t(content.title)}</h1>
<p>${content.body}</p>
${content.reference ? html`<p class="hint">${t('page.reference', { id: content.reference })}</p>` : ''}
<p><a href="/">${t('page.go_home')}</a></p>
</div>`,
  });
}

export { officeName };
