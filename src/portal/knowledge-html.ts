import { escapeHtml, SafeHtml } from './html.js';

/**
 * The knowledge base hands the portal ready-made HTML (`bodyHtml`, `answerHtml`, `snippetHtml`, standards and
 * maklumat) from its Markdown renderer, which escapes everything it does not produce itself. The portal still
 * checks each piece against the small set of tags that renderer makes before inserting it unescaped: a bug or a
 * new feature upstream then shows as plain text, never as markup a visitor's browser would run.
 */

/** Tags the Markdown subset produces, without attributes. */
const PLAIN_TAGS = new Set([
  'p',
  'h2',
  'h3',
  'h4',
  'ul',
  'ol',
  'li',
  'strong',
  'em',
  'br',
  'table',
  'thead',
  'tbody',
  'tr',
  'th',
  'td',
  'mark',
]);

/** `<a>` with a local or https link and, for external links, the rel the renderer adds. */
const LINK_TAG = /^<a href="(?:\/(?!\/)|#|https:\/\/)[^"<>\s]*"(?: rel="noopener noreferrer")?>$/;
/** A header cell may say what it heads. */
const TH_SCOPE = /^<th scope="(?:col|row)">$/;

function allowedTag(tag: string): boolean {
  const plain = /^<\/?([a-z][a-z0-9]*)>$/.exec(tag);
  if (plain) return PLAIN_TAGS.has(plain[1]!) || tag === '</a>';
  return LINK_TAG.test(tag) || TH_SCOPE.test(tag) || tag === '<br />';
}

/** True when every tag in the markup is one the Markdown subset makes and nothing else looks like markup. */
export function isKnowledgeHtml(markup: string): boolean {
  let allowed = true;
  const rest = markup.replace(/<[^<>]*>/g, (tag) => {
    if (!allowedTag(tag)) allowed = false;
    return '';
  });
  return allowed && !/[<>]/.test(rest);
}

/** The text of markup, for when it fails the check: tags dropped, entities of the renderer decoded. */
function textOf(markup: string): string {
  return markup
    .replace(/<[^>]*>/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * Server-rendered knowledge HTML as SafeHtml when it passes the check; otherwise its text, escaped. `onRejected`
 * lets the caller log that the check failed (it should never happen).
 */
export function knowledgeHtml(markup: string, onRejected?: (markup: string) => void): SafeHtml {
  if (isKnowledgeHtml(markup)) return new SafeHtml(markup);
  onRejected?.(markup);
  return new SafeHtml(escapeHtml(textOf(markup)));
}

/** A search snippet: escaped text in which only `<mark>` and `</mark>` may appear as tags. */
export function snippetHtml(markup: string, onRejected?: (markup: string) => void): SafeHtml {
  const rest = markup.replace(/<\/?mark>/g, '');
  if (!/[<>]/.test(rest)) return new SafeHtml(markup);
  onRejected?.(markup);
  return new SafeHtml(escapeHtml(textOf(markup)));
}
