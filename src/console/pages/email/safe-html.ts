/**
 * Turns a template preview's HTML into DOM nodes that can only format text: a short list of tags, no attributes
 * but http(s) and mailto links. Templates are written by administrators; another administrator's preview must
 * never run what one of them typed.
 */
const ALLOWED = new Set([
  'P',
  'BR',
  'STRONG',
  'B',
  'EM',
  'I',
  'U',
  'A',
  'UL',
  'OL',
  'LI',
  'H1',
  'H2',
  'H3',
  'H4',
  'BLOCKQUOTE',
  'TABLE',
  'THEAD',
  'TBODY',
  'TR',
  'TD',
  'TH',
  'SPAN',
  'DIV',
  'HR',
  'SMALL',
  'CODE',
  'PRE',
]);

export function safeFragment(html: string): DocumentFragment {
  const parsed = new DOMParser().parseFromString(html, 'text/html');
  const fragment = document.createDocumentFragment();
  for (const node of [...parsed.body.childNodes]) {
    const copy = copyNode(node);
    if (copy) fragment.append(copy);
  }
  return fragment;
}

function copyNode(node: Node): Node | null {
  if (node.nodeType === Node.TEXT_NODE) return document.createTextNode(node.textContent ?? '');
  if (node.nodeType !== Node.ELEMENT_NODE) return null;
  const element = node as Element;
  if (!ALLOWED.has(element.tagName)) {
    // Unknown wrappers keep their text; scripts and styles go entirely.
    if (['SCRIPT', 'STYLE', 'IFRAME', 'OBJECT', 'EMBED', 'TEMPLATE'].includes(element.tagName)) return null;
    return document.createTextNode(element.textContent ?? '');
  }
  const copy = document.createElement(element.tagName.toLowerCase());
  if (element.tagName === 'A') {
    const href = element.getAttribute('href') ?? '';
    if (/^(https?:|mailto:)/i.test(href)) {
      copy.setAttribute('href', href);
      copy.setAttribute('rel', 'noopener noreferrer');
      copy.setAttribute('target', '_blank');
    }
  }
  for (const child of [...element.childNodes]) {
    const copied = copyNode(child);
    if (copied) copy.append(copied);
  }
  return copy;
}
