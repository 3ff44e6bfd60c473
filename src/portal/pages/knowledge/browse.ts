import { html, type SafeHtml } from '../../html.js';
import { knowledgeHtml } from '../../knowledge-html.js';
import { languageHref, layout, type View } from '../../layout.js';
import {
  assistantForm,
  breadcrumbs,
  instantResults,
  knowledgeCrumb,
  knowledgePath,
  nextSteps,
  searchForm,
} from './parts.js';
import type { ArticleItem, CategoryItem, CategoryRef, FaqItem } from './types.js';

const otherLanguage = (view: View) => (view.language === 'id' ? 'en' : 'id');

/** The language switch of a page that exists in both languages at the same path after `/knowledge/{lang}`. */
export function switchTo(view: View, rest: string) {
  const to = otherLanguage(view);
  return { href: languageHref(to, knowledgePath(to, rest)) };
}

/** Links to the office's own commitments: fees, service standards, maklumat and the FAQ. */
export function officeInfoLinks(view: View): SafeHtml {
  const { t } = view;
  const links: [string, string, string][] = [
    ['/fees', t('kb.fees_title'), t('kb.fees_hint')],
    ['/standards', t('kb.standards_title'), t('kb.standards_hint')],
    ['/maklumat', t('kb.maklumat_title'), t('kb.maklumat_hint')],
    ['/faq', t('kb.faq_title'), t('kb.faq_hint')],
  ];
  return html`<ul class="actions">${links.map(
    ([rest, label, hint]) =>
      html`<li><a href="${knowledgePath(view.language, rest)}"><strong>${label}</strong><span>${hint}</span></a></li>`,
  )}</ul>`;
}

function articleLinks(articles: ArticleItem[]): SafeHtml {
  return html`<ul class="article-links">${articles.map((a) => html`<li><a href="${a.url}">${a.title}</a></li>`)}</ul>`;
}

export function knowledgeHomePage(
  view: View,
  content: { categories: CategoryItem[]; articles: ArticleItem[] },
): SafeHtml {
  const { t } = view;
  const byCategory = new Map<string, ArticleItem[]>();
  for (const article of content.articles) {
    const key = article.category?.key ?? '';
    byCategory.set(key, [...(byCategory.get(key) ?? []), article]);
  }
  const uncategorised = byCategory.get('') ?? [];
  return layout(view, {
    title: t('kb.home_title'),
    languageSwitch: switchTo(view, ''),
    scripts: ['knowledge'],
    body: html`${breadcrumbs(view, [{ label: t('kb.home_title') }])}
<h1>${t('kb.home_title')}</h1>
<p class="lead readable">${t('kb.home_lead')}</p>
<div class="readable">
${searchForm(view, { instant: true })}
${instantResults()}
${assistantForm(view, { widget: true })}
</div>
<h2>${t('kb.topics')}</h2>
<div class="topics">
${content.categories.map((category) => {
  const articles = byCategory.get(category.key) ?? [];
  return html`<section class="topic" aria-labelledby="topic-${category.key}">
<h3 id="topic-${category.key}"><a href="${category.url}">${category.name}</a></h3>
<p class="hint">${category.description}</p>
${articles.length ? articleLinks(articles) : html`<p>${t('kb.category_empty')}</p>`}
</section>`;
})}
${
  uncategorised.length
    ? html`<section class="topic" aria-labelledby="topic-other"><h3 id="topic-other">${t('kb.other_topics')}</h3>${articleLinks(uncategorised)}</section>`
    : ''
}
</div>
<h2>${t('kb.office_info')}</h2>
${officeInfoLinks(view)}`,
  });
}

export function categoryPage(
  view: View,
  content: { category: CategoryItem; articles: ArticleItem[]; faqs: FaqItem[] },
): SafeHtml {
  const { t } = view;
  const { category } = content;
  const empty = content.articles.length === 0 && content.faqs.length === 0;
  return layout(view, {
    title: category.name,
    languageSwitch: switchTo(view, `/category/${encodeURIComponent(category.key)}`),
    scripts: ['knowledge'],
    body: html`${breadcrumbs(view, [knowledgeCrumb(view), { label: category.name }])}
<div class="readable">
<h1>${category.name}</h1>
<p class="lead">${category.description}</p>
${empty ? html`<p>${t('kb.category_empty')}</p>` : ''}
${
  content.articles.length
    ? html`<ul class="article-list">${content.articles.map(
        (a) => html`<li><h2><a href="${a.url}">${a.title}</a></h2><p>${a.summary}</p></li>`,
      )}</ul>`
    : ''
}
${content.faqs.length ? html`<h2>${t('kb.faq_title')}</h2>${faqList(view, content.faqs)}` : ''}
${assistantForm(view, { widget: true })}
${nextSteps(view, { subject: category.name, ask: false })}
</div>`,
  });
}

/** FAQ entries as disclosure widgets: the question is the summary, so the list stays short and needs no script. */
function faqList(view: View, faqs: FaqItem[]): SafeHtml {
  return html`<div class="faq">${faqs.map(
    (
      f,
    ) => html`<details class="faq-item" id="faq-${f.key}"><summary><h3 class="faq-question">${f.question}</h3></summary>
<div class="prose">${knowledgeHtml(f.answerHtml)}</div>
${f.url.includes('#') ? '' : html`<p><a href="${f.url}">${view.t('kb.faq_more')}</a></p>`}</details>`,
  )}</div>`;
}

export function faqPage(view: View, faqs: FaqItem[], categories: CategoryRef[]): SafeHtml {
  const { t } = view;
  const groups = categories
    .map((c) => ({ category: c, faqs: faqs.filter((f) => f.category?.key === c.key) }))
    .filter((g) => g.faqs.length > 0);
  const rest = faqs.filter((f) => !f.category || !categories.some((c) => c.key === f.category!.key));
  return layout(view, {
    title: t('kb.faq_title'),
    languageSwitch: switchTo(view, '/faq'),
    scripts: ['knowledge'],
    body: html`${breadcrumbs(view, [knowledgeCrumb(view), { label: t('kb.faq_title') }])}
<div class="readable">
<h1>${t('kb.faq_title')}</h1>
<p class="lead">${t('kb.faq_lead')}</p>
${faqs.length === 0 ? html`<p>${t('kb.category_empty')}</p>` : ''}
${groups.map((g) => html`<h2>${g.category.name}</h2>${faqList(view, g.faqs)}`)}
${rest.length ? html`<h2>${t('kb.other_topics')}</h2>${faqList(view, rest)}` : ''}
${assistantForm(view, { widget: true })}
${nextSteps(view, { ask: false })}
</div>`,
  });
}
