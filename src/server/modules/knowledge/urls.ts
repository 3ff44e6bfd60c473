import type { Language } from '../../../shared/enums.js';

/**
 * Public URLs of knowledge content, served by the portal (see docs/knowledge-api.md): the language is in the
 * path, so an article and its translation have distinct, shareable addresses.
 */
export function knowledgeUrl(
  language: Language,
  kind: 'home' | 'article' | 'faq' | 'category' | 'fees' | 'standards' | 'maklumat',
  keyOrSlug = '',
): string {
  const base = `/knowledge/${language}`;
  switch (kind) {
    case 'home':
      return base;
    case 'article':
      return `${base}/${encodeURIComponent(keyOrSlug)}`;
    case 'faq':
      return `${base}/faq#faq-${encodeURIComponent(keyOrSlug)}`;
    case 'category':
      return `${base}/category/${encodeURIComponent(keyOrSlug)}`;
    case 'fees':
      return `${base}/fees`;
    case 'standards':
      return keyOrSlug ? `${base}/standards#${encodeURIComponent(keyOrSlug)}` : `${base}/standards`;
    case 'maklumat':
      return `${base}/maklumat`;
  }
}
