import { SKM_ELEMENTS } from '../../server/modules/surveys/ikm.js';
import { ELEMENT_TEXT } from '../../server/modules/surveys/model.js';
import type { Cell, Dashboard, Durations, Rate } from '../../server/modules/transparency/dashboard.js';
import { html, type SafeHtml } from '../html.js';
import { layout, type View } from '../layout.js';

/**
 * The public dashboard `/transparansi`: every figure as a server-drawn SVG chart (no JavaScript) followed by the
 * table it was drawn from, which is what screen readers and people who prefer numbers read. Suppressed cells
 * (fewer than five cases) say so in words.
 */
export interface PeriodLinks {
  label: string;
  from: string;
  to: string;
}

const fmt = (view: View, n: number) =>
  new Intl.NumberFormat(view.language === 'id' ? 'id-ID' : 'en-GB').format(n);

function value(view: View, n: number | null): string {
  return n === null ? view.t('transparency.suppressed') : fmt(view, n);
}

let chartCounter = 0;

/** Horizontal bars, one per cell; the chart is an image described by its title, the table carries the numbers. */
function barChart(view: View, title: string, cells: Cell[]): SafeHtml | '' {
  const shown = cells.filter((c) => c.n !== null);
  if (shown.length === 0) return '';
  const max = Math.max(...shown.map((c) => c.n!));
  const rowHeight = 28;
  const labelWidth = 260;
  const barWidth = 320;
  const height = shown.length * rowHeight + 8;
  const id = `chart-${++chartCounter}`;
  return html`<figure class="chart"><svg role="img" aria-labelledby="${id}" viewBox="0 0 ${labelWidth + barWidth + 80} ${height}" width="100%" preserveAspectRatio="xMinYMin meet" focusable="false">
<title id="${id}">${view.t('transparency.chart_label', { title })}</title>
${shown.map((c, i) => {
  const y = i * rowHeight + 4;
  const width = Math.max(2, Math.round((c.n! / max) * barWidth));
  const label = c.label.length > 38 ? `${c.label.slice(0, 37)}…` : c.label;
  return html`<text x="0" y="${y + 18}" font-size="14" fill="#0b0c0c">${label}</text><rect x="${labelWidth}" y="${y + 4}" width="${width}" height="18" fill="#0b4f8a"></rect><text x="${labelWidth + width + 6}" y="${y + 18}" font-size="14" fill="#0b0c0c">${fmt(view, c.n!)}</text>`;
})}
</svg></figure>`;
}

function cellTable(view: View, caption: string, head: string, cells: Cell[]): SafeHtml {
  const { t } = view;
  if (cells.length === 0) return html`<p>${t('transparency.no_data')}</p>`;
  return html`<table class="data"><caption>${caption}</caption><thead><tr><th scope="col">${head}</th><th scope="col" class="num">${t('transparency.count')}</th></tr></thead>
<tbody>${cells.map((c) => html`<tr><th scope="row">${c.label}</th><td class="num">${value(view, c.n)}</td></tr>`)}</tbody></table>`;
}

function breakdown(view: View, title: string, head: string, cells: Cell[]): SafeHtml {
  return html`<h3>${title}</h3>${barChart(view, title, cells)}${cellTable(view, title, head, cells)}`;
}

function days(view: View, n: number | null): string {
  return n === null ? '–' : view.t('transparency.days', { days: n });
}

function durationRows(view: View, rows: [string, Durations][]): SafeHtml {
  const { t } = view;
  return html`<table class="data"><caption>${t('transparency.speed')}</caption><thead><tr><th scope="col">${t('transparency.measure')}</th><th scope="col" class="num">${t('transparency.cases')}</th><th scope="col" class="num">${t('transparency.median')}</th><th scope="col" class="num">${t('transparency.p90')}</th></tr></thead>
<tbody>${rows.map(([label, d]) => html`<tr><th scope="row">${label}</th><td class="num">${value(view, d.cases)}</td><td class="num">${days(view, d.medianDays)}</td><td class="num">${days(view, d.p90Days)}</td></tr>`)}</tbody></table>`;
}

function rateText(view: View, r: Rate): string {
  if (r.percent === null)
    return r.total === null && r.met === null
      ? view.t('transparency.suppressed')
      : view.t('transparency.no_data');
  return view.t('transparency.percent_of', { percent: fmt(view, r.percent), total: fmt(view, r.total ?? 0) });
}

/** A percentage as a meter-like bar with its text beside it. */
function rateBar(view: View, label: string, r: Rate): SafeHtml {
  const width = r.percent === null ? 0 : Math.round(r.percent * 3);
  return html`<div class="rate"><p><strong>${label}:</strong> ${rateText(view, r)}</p>${
    r.percent === null
      ? ''
      : html`<svg aria-hidden="true" focusable="false" viewBox="0 0 300 14" width="300" height="14"><rect x="0" y="0" width="300" height="14" fill="#dddddd"></rect><rect x="0" y="0" width="${width}" height="14" fill="#00703c"></rect></svg>`
  }</div>`;
}

function ikmSection(view: View, d: Dashboard): SafeHtml {
  const { t, language } = view;
  const ikm = d.ikm;
  const trend = ikm.trend;
  const id = `chart-${++chartCounter}`;
  const shown = trend.filter((q) => q.ikm !== null);
  const x = (i: number) => 40 + i * 110;
  const y = (v: number) => 170 - Math.round(((v - 25) / 75) * 150);
  return html`<h2 id="ikm">${t('transparency.ikm')}</h2>
<p class="lead">${ikm.ikm === null ? html`${t('transparency.respondents', { count: value(view, ikm.respondents) })} · ${t('transparency.no_data')}` : html`<strong>${t('transparency.ikm_value', { ikm: fmt(view, ikm.ikm), category: ikm.category ?? '', label: ikm.label ?? '' })}</strong> · ${t('transparency.respondents', { count: fmt(view, ikm.respondents ?? 0) })}`}</p>
${
  ikm.nrr
    ? html`<table class="data"><caption>${t('transparency.nrr')}</caption><thead><tr><th scope="col">${t('transparency.element')}</th><th scope="col" class="num">${t('transparency.nrr')}</th></tr></thead><tbody>${SKM_ELEMENTS.map(
        (e) =>
          html`<tr><th scope="row">${e.toUpperCase()} ${ELEMENT_TEXT[language][e].name}</th><td class="num">${fmt(view, ikm.nrr![e])}</td></tr>`,
      )}</tbody></table>`
    : ''
}
<h3>${t('transparency.trend')}</h3>
${
  shown.length
    ? html`<figure class="chart"><svg role="img" aria-labelledby="${id}" viewBox="0 0 480 200" width="100%" preserveAspectRatio="xMinYMin meet" focusable="false"><title id="${id}">${t('transparency.chart_label', { title: t('transparency.trend') })}</title>
<line x1="30" y1="${y(100)}" x2="470" y2="${y(100)}" stroke="#b1b4b6"></line><line x1="30" y1="${y(25)}" x2="470" y2="${y(25)}" stroke="#b1b4b6"></line>
${trend.map((q, i) =>
  q.ikm === null
    ? html`<text x="${x(i)}" y="195" font-size="13" fill="#0b0c0c">${q.quarter}</text>`
    : html`<rect x="${x(i)}" y="${y(q.ikm)}" width="70" height="${y(25) - y(q.ikm)}" fill="#0b4f8a"></rect><text x="${x(i)}" y="${y(q.ikm) - 4}" font-size="13" fill="#0b0c0c">${fmt(view, q.ikm)} (${q.category})</text><text x="${x(i)}" y="195" font-size="13" fill="#0b0c0c">${q.quarter}</text>`,
)}</svg></figure>`
    : ''
}
<table class="data"><caption>${t('transparency.trend')}</caption><thead><tr><th scope="col">${t('transparency.quarter_col')}</th><th scope="col" class="num">${t('transparency.respondents', { count: '' }).replace(/[:\s]+$/, '')}</th><th scope="col" class="num">${t('transparency.ikm_col')}</th><th scope="col">${t('transparency.category_col')}</th></tr></thead>
<tbody>${trend.map((q) => html`<tr><th scope="row">${q.quarter}</th><td class="num">${value(view, q.respondents)}</td><td class="num">${q.ikm === null ? '–' : fmt(view, q.ikm)}</td><td>${q.category ? `${q.category} (${q.label})` : '–'}</td></tr>`)}</tbody></table>
<p><a href="/survey">${t('transparency.take_survey')}</a></p>`;
}

export function transparencyPage(
  view: View,
  d: Dashboard,
  o: { presets: PeriodLinks[]; errors?: boolean },
): SafeHtml {
  const { t } = view;
  chartCounter = 0;
  const query = `officeCode=${encodeURIComponent(d.office.code)}&from=${d.period.from}&to=${d.period.to}`;
  const periodText = t('transparency.period_label', { from: d.period.from, to: d.period.to });
  return layout(view, {
    title: t('transparency.title'),
    body: html`<h1>${t('transparency.title')}</h1>
<p class="lead readable">${t('transparency.intro', { office: d.office.name })}</p>
${o.errors ? html`<div class="error-summary" role="alert" tabindex="-1"><p>${t('transparency.invalid_period')}</p></div>` : ''}
<form method="get" action="/transparansi" class="period-form">
<fieldset><legend>${t('transparency.period')}: ${periodText}</legend>
<div class="field inline"><label for="f-from">${t('transparency.from')}</label><input type="date" id="f-from" name="from" value="${d.period.from}"></div>
<div class="field inline"><label for="f-to">${t('transparency.to')}</label><input type="date" id="f-to" name="to" value="${d.period.to}"></div>
<button type="submit" class="button button--secondary">${t('transparency.show')}</button>
</fieldset>
</form>
<ul class="quick-links">${o.presets.map((p) => html`<li><a href="/transparansi?from=${p.from}&amp;to=${p.to}">${p.label}</a></li>`)}</ul>
<p class="hint">${t('transparency.privacy_note')}</p>

<h2>${t('transparency.received')}</h2>
<p class="lead">${t('transparency.received_total', { count: value(view, d.received.total) })}</p>
${breakdown(view, t('transparency.by_type'), t('transparency.kind'), d.received.byType)}
${breakdown(view, t('transparency.by_channel'), t('transparency.kind'), d.received.byChannel)}
${breakdown(view, t('transparency.by_category'), t('transparency.kind'), d.received.byCategory)}
<p class="hint">${t('transparency.category_note')}</p>

<h2>${t('transparency.speed')}</h2>
<p class="hint">${t('transparency.speed_note')}</p>
${durationRows(view, [
  [t('transparency.first_response'), d.firstResponse],
  [t('transparency.resolution'), d.resolution],
])}

<h2>${t('transparency.sla')}</h2>
${rateBar(view, t('transparency.sla_first'), d.sla.firstResponse)}
${rateBar(view, t('transparency.sla_resolution'), d.sla.resolution)}
${rateBar(view, t('transparency.resolved_share'), d.resolved)}

${ikmSection(view, d)}

<h2>${t('transparency.passports')}</h2>
<p class="hint">${t('transparency.passport_stage_note')}</p>
${breakdown(view, t('transparency.passports'), t('transparency.stage'), d.passports.byStage)}
${rateBar(view, t('transparency.passport_on_time'), d.passports.onTime)}

<h2>${t('transparency.topics')}</h2>
${breakdown(view, t('transparency.topics'), t('transparency.topic'), d.topics)}

<h2 id="open-data">${t('transparency.open_data')}</h2>
<p>${t('transparency.open_data_body', { licence: d.licence.name })} <a href="${d.licence.url}" rel="license">${d.licence.name}</a></p>
<ul class="quick-links">
<li><a href="/api/v1/transparency/dashboard.csv?${query}" download>${t('transparency.download_csv')}</a></li>
<li><a href="/api/v1/transparency/dashboard?${query}">${t('transparency.download_json')}</a></li>
</ul>`,
  });
}
