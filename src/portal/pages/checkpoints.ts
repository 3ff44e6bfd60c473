import type { SignedCheckpoint } from '../../server/modules/audit/checkpoints.js';
import { html, type SafeHtml } from '../html.js';
import { layout, type View } from '../layout.js';

/** The published audit checkpoints: anyone can keep one and later prove the history was not rewritten. */
export function checkpointsPage(
  view: View,
  checkpoints: SignedCheckpoint[],
  integrity: { year: number; count: number } | null = null,
): SafeHtml {
  const { t } = view;
  const latest = checkpoints[0];
  return layout(view, {
    title: t('audit.title'),
    body: html`<div class="readable">
<h1>${t('audit.title')}</h1>
<p class="lead">${t('audit.lead')}</p>
${
  latest
    ? html`<dl class="summary">
<div><dt>${t('audit.latest_day')}</dt><dd>${latest.day}</dd></div>
<div><dt>${t('audit.latest_entry')}</dt><dd>${latest.seq}</dd></div>
<div><dt>${t('audit.latest_hash')}</dt><dd class="mono">${latest.entryHash}</dd></div>
<div><dt>${t('audit.public_key')}</dt><dd class="mono">${latest.publicKey}</dd></div>
</dl>
<p><a class="button" href="/api/v1/audit/checkpoints/latest" download>${t('audit.download')}</a></p>
<p>${t('audit.how_to_check')}</p>
<h2>${t('audit.history')}</h2>
<table><thead><tr><th scope="col">${t('audit.latest_day')}</th><th scope="col">${t('audit.latest_entry')}</th><th scope="col">${t('audit.latest_hash')}</th></tr></thead>
<tbody>${checkpoints.map((c) => html`<tr><td>${c.day}</td><td>${c.seq}</td><td class="mono">${c.entryHash.slice(0, 16)}…</td></tr>`)}</tbody></table>`
    : html`<p>${t('audit.none_yet')}</p>`
}
<p><a href="/api/v1/audit/checkpoints">${t('audit.json')}</a></p>
${
  integrity
    ? html`<h2>${t('audit.integrity_title')}</h2>
<p id="integrity-total">${t('audit.integrity_total', { year: integrity.year, count: integrity.count })}</p>
<p class="hint">${t('audit.integrity_note')}</p>`
    : ''
}
</div>`,
  });
}
