import { html, type SafeHtml } from '../../html.js';
import { knowledgeHtml } from '../../knowledge-html.js';
import { languageHref, layout, type View } from '../../layout.js';
import {
  assistantForm,
  breadcrumbs,
  dateElement,
  knowledgeCrumb,
  knowledgePath,
  nextSteps,
} from './parts.js';
import type { ArticlePage } from './types.js';

/**
 * One article in the language of its address. The language switch leads to its translation when there is one,
 * otherwise to the same topic (or the information centre) in the other language.
 */
export function articlePage(view: View, article: ArticlePage): SafeHtml {
  const { t } = view;
  const to = view.language === 'id' ? 'en' : 'id';
  const translation = article.translations.find((x) => x.language === to);
  const fallback = article.category
    ? knowledgePath(to, `/category/${encodeURIComponent(article.category.key)}`)
    : knowledgePath(to);
  const trail = [knowledgeCrumb(view)];
  if (article.category) {
    trail.push({
      label: article.category.name,
      href: knowledgePath(view.language, `/category/${encodeURIComponent(article.category.key)}`),
    });
  }
  trail.push({ label: article.title });
  return layout(view, {
    title: article.title,
    languageSwitch: { href: languageHref(to, translation?.url ?? fallback) },
    scripts: ['knowledge'],
    body: html`${breadcrumbs(view, trail)}
<article class="readable" aria-labelledby="article-title">
<h1 id="article-title">${article.title}</h1>
<p class="lead">${article.summary}</p>
<div class="prose">${knowledgeHtml(article.bodyHtml)}</div>
<p class="meta">${
      article.lastReviewedAt
        ? html`${t('kb.last_reviewed')} ${dateElement(view.language, article.lastReviewedAt)}`
        : html`${t('kb.published')} ${dateElement(view.language, article.publishedAt)}`
    }</p>
</article>
<div class="readable">
${
  article.related.length
    ? html`<section aria-labelledby="related-title"><h2 id="related-title">${t('kb.related')}</h2><ul class="article-links">${article.related.map(
        (r) => html`<li><a href="${r.url}">${r.title}</a></li>`,
      )}</ul></section>`
    : ''
}
${assistantForm(view, { widget: true, title: t('kb.still_question') })}
${nextSteps(view, { subject: article.title, ask: false })}
</div>`,
  });
}
