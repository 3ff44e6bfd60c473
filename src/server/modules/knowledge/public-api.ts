/**
 * What the portal (same process) calls: published knowledge only. See docs/knowledge-api.md for the shapes.
 */
export {
  type Answer,
  type AnswerSource,
  answerQuestion,
  detectLanguage,
  type Question,
} from './assistant.js';
export { formatRupiah } from './fees.js';
export { escapeHtml, renderMarkdown } from './markdown.js';
export {
  type ArticleListItem,
  currentFees,
  type FaqItem,
  getPublishedArticle,
  listCategories,
  listPublishedArticles,
  listPublishedFaqs,
  maklumat,
  type PublicArticle,
  type PublicFee,
  type PublicServiceStandard,
  serviceStandards,
} from './public-content.js';
export { type SearchResponse, type SearchResult, searchKnowledge } from './search.js';
export { knowledgeUrl } from './urls.js';
