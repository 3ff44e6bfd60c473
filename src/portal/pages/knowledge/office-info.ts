import { html, type SafeHtml } from '../../html.js';
import { knowledgeHtml } from '../../knowledge-html.js';
import { layout, type View } from '../../layout.js';
import { switchTo } from './browse.js';
import { breadcrumbs, dateElement, knowledgeCrumb, knowledgePath } from './parts.js';
import type { FeeLine, Maklumat, ServiceStandard } from './types.js';

function serviceName(view: View, code: string): string {
  return view.office?.services.find((s) => s.code === code)?.name[view.language] ?? code;
}

/**
 * The fees valid today, by service. Two columns so it fits a phone: the item (with its legal basis and the date
 * it took effect) and the amount.
 */
export function feesPage(view: View, fees: FeeLine[], today: string): SafeHtml {
  const { t } = view;
  const services = [...new Set(fees.map((f) => f.serviceCode))];
  return layout(view, {
    title: t('kb.fees_title'),
    languageSwitch: switchTo(view, '/fees'),
    body: html`${breadcrumbs(view, [knowledgeCrumb(view), { label: t('kb.fees_title') }])}
<div class="readable">
<h1>${t('kb.fees_title')}</h1>
<p class="lead">${t('kb.fees_lead')} ${dateElement(view.language, today)}.</p>
${fees.length === 0 ? html`<p>${t('kb.fees_none')}</p>` : ''}
${services.map((code) => {
  const name = serviceName(view, code);
  return html`<table class="fees">
<caption>${name}</caption>
<thead><tr><th scope="col">${t('kb.fees_item')}</th><th scope="col" class="amount">${t('kb.fees_amount')}</th></tr></thead>
<tbody>${fees
    .filter((f) => f.serviceCode === code)
    .map(
      (f) =>
        html`<tr id="fee-${f.code}"><td>${f.name}<span class="fee-basis">${t('kb.fees_basis', {
          basis: f.legalBasis,
        })} · ${t('kb.fees_since')} ${dateElement(view.language, f.validFrom)}</span></td><td class="amount">${f.amountText}</td></tr>`,
    )}</tbody>
</table>`;
})}
<div class="notice">
<p>${t('kb.fees_only_official')}</p>
<p><a href="/integrity">${t('kb.fees_report')}</a></p>
</div>
<p><a href="${knowledgePath(view.language, '/standards')}">${t('kb.standards_title')}</a></p>
</div>`,
  });
}

/** The service standards: for each service the six components shown to the public, its legal basis and date. */
export function standardsPage(view: View, standards: ServiceStandard[]): SafeHtml {
  const { t } = view;
  return layout(view, {
    title: t('kb.standards_title'),
    languageSwitch: switchTo(view, '/standards'),
    body: html`${breadcrumbs(view, [knowledgeCrumb(view), { label: t('kb.standards_title') }])}
<div class="readable">
<h1>${t('kb.standards_title')}</h1>
<p class="lead">${t('kb.standards_lead')}</p>
<p><a href="${knowledgePath(view.language, '/maklumat')}">${t('kb.maklumat_title')}</a></p>
${standards.length === 0 ? html`<p>${t('kb.standards_none')}</p>` : ''}
${
  standards.length > 1
    ? html`<nav class="contents" aria-labelledby="contents-title"><h2 id="contents-title">${t(
        'kb.contents',
      )}</h2><ul>${standards.map((s) => html`<li><a href="#${s.serviceCode}">${s.serviceName}</a></li>`)}</ul></nav>`
    : ''
}
${standards.map(
  (s) => html`<section class="standard" id="${s.serviceCode}" aria-labelledby="standard-${s.serviceCode}">
<h2 id="standard-${s.serviceCode}">${s.serviceName}</h2>
<dl class="summary">
<div><dt>${t('kb.standards_basis')}</dt><dd>${s.legalBasis}</dd></div>
<div><dt>${t('kb.standards_since')}</dt><dd>${dateElement(view.language, s.effectiveFrom)}</dd></div>
</dl>
${s.components
  .filter((c) => c.public)
  .map((c) => html`<h3>${c.label}</h3><div class="prose">${knowledgeHtml(c.html)}</div>`)}
</section>`,
)}
</div>`,
  });
}

/** The office's maklumat pelayanan: its public pledge to deliver the standards. */
export function maklumatPage(view: View, maklumat: Maklumat): SafeHtml {
  const { t } = view;
  return layout(view, {
    title: t('kb.maklumat_title'),
    languageSwitch: switchTo(view, '/maklumat'),
    body: html`${breadcrumbs(view, [knowledgeCrumb(view), { label: t('kb.maklumat_title') }])}
<div class="readable">
<h1>${t('kb.maklumat_title')}</h1>
<p class="lead">${t('kb.maklumat_lead')}</p>
<div class="pledge">
<p class="pledge-office">${maklumat.officeName}</p>
<div class="prose">${knowledgeHtml(maklumat.html)}</div>
<p class="meta">${t('kb.maklumat_since')} ${dateElement(view.language, maklumat.effectiveFrom)}</p>
</div>
<p>${t('kb.maklumat_hold')} <a href="/submit/complaint">${t('kb.maklumat_complain')}</a></p>
<p><a href="${knowledgePath(view.language, '/standards')}">${t('kb.standards_title')}</a></p>
</div>`,
  });
}
