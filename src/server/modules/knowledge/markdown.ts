/**
 * The knowledge base's Markdown subset → safe HTML. Supported: paragraphs, `##`/`###` headings, `-`/`*` and `1.`
 * lists, `**bold**`, `[text](url)` links to relative paths or https URLs, and pipe tables. Everything else is
 * text: every character is escaped and no HTML passes through, so the output can be inserted into a page as is.
 */

const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c]!);
}

type Block =
  | { kind: 'heading'; level: 2 | 3; text: string }
  | { kind: 'paragraph'; text: string }
  | { kind: 'list'; ordered: boolean; items: string[] }
  | { kind: 'table'; rows: string[][] };

const HEADING = /^(#{2,3})\s+(.+?)\s*#*\s*$/;
const BULLET = /^\s*[-*]\s+(.*)$/;
const NUMBERED = /^\s*\d{1,3}[.)]\s+(.*)$/;
const TABLE_ROW = /^\s*\|.*\|\s*$/;
const TABLE_RULE = /^\s*\|?\s*:?-{2,}:?\s*(\|\s*:?-{2,}:?\s*)*\|?\s*$/;

/** Splits Markdown into blocks; exported for the assistant, which quotes sections. */
export function parseBlocks(markdown: string): Block[] {
  const blocks: Block[] = [];
  const lines = markdown.replace(/\r\n?/g, '\n').split('\n');
  let paragraph: string[] = [];
  const flush = () => {
    if (paragraph.length > 0) blocks.push({ kind: 'paragraph', text: paragraph.join(' ') });
    paragraph = [];
  };
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (line.trim() === '') {
      flush();
      continue;
    }
    const heading = HEADING.exec(line);
    if (heading) {
      flush();
      blocks.push({ kind: 'heading', level: heading[1]!.length as 2 | 3, text: heading[2]! });
      continue;
    }
    const bullet = BULLET.exec(line);
    const numbered = bullet ? null : NUMBERED.exec(line);
    if (bullet || numbered) {
      flush();
      const ordered = numbered !== null;
      const last = blocks.at(-1);
      const item = (bullet ?? numbered)![1]!;
      if (last?.kind === 'list' && last.ordered === ordered && lines[i - 1]?.trim() !== '')
        last.items.push(item);
      else blocks.push({ kind: 'list', ordered, items: [item] });
      continue;
    }
    if (TABLE_ROW.test(line) && paragraph.length === 0) {
      const rows: string[][] = [];
      while (i < lines.length && TABLE_ROW.test(lines[i]!)) {
        if (!TABLE_RULE.test(lines[i]!)) rows.push(splitRow(lines[i]!));
        i++;
      }
      i--;
      blocks.push({ kind: 'table', rows });
      continue;
    }
    // A line continuing a list item (indented) belongs to it.
    const last = blocks.at(-1);
    if (paragraph.length === 0 && last?.kind === 'list' && /^\s{2,}\S/.test(line)) {
      last.items[last.items.length - 1] += ` ${line.trim()}`;
      continue;
    }
    paragraph.push(line.trim());
  }
  flush();
  return blocks;
}

function splitRow(line: string): string[] {
  return line
    .trim()
    .replace(/^\|/, '')
    .replace(/\|$/, '')
    .split('|')
    .map((cell) => cell.trim());
}

const INLINE = /\*\*(.+?)\*\*|\[([^\]]+)\]\(([^)\s]+)\)/g;

/** Inline Markdown → HTML: bold and safe links; everything else escaped. */
export function renderInline(text: string): string {
  let html = '';
  let at = 0;
  for (const match of text.matchAll(INLINE)) {
    html += escapeHtml(text.slice(at, match.index));
    at = match.index + match[0].length;
    if (match[1] !== undefined) {
      html += `<strong>${renderInline(match[1])}</strong>`;
      continue;
    }
    const label = match[2]!;
    const url = match[3]!;
    if (isSafeUrl(url)) {
      const external = url.startsWith('https://') ? ' rel="noopener noreferrer"' : '';
      html += `<a href="${escapeHtml(url)}"${external}>${renderInline(label)}</a>`;
    } else {
      html += escapeHtml(label);
    }
  }
  return html + escapeHtml(text.slice(at));
}

/** Relative paths within the site and https links only: no javascript:, data:, protocol-relative or http. */
export function isSafeUrl(url: string): boolean {
  // Browsers read `/\host` like `//host`: a backslash or control character is never part of a safe link.
  if (url.startsWith('//') || /[\\\p{Cc}]/u.test(url)) return false;
  if (url.startsWith('/') || url.startsWith('#')) return true;
  return /^https:\/\/[^\s/]+\.[^\s]+$/i.test(url);
}

export function renderMarkdown(markdown: string): string {
  return parseBlocks(markdown).map(renderBlock).join('\n');
}

function renderBlock(block: Block): string {
  switch (block.kind) {
    case 'heading':
      return `<h${block.level}>${renderInline(block.text)}</h${block.level}>`;
    case 'paragraph':
      return `<p>${renderInline(block.text)}</p>`;
    case 'list': {
      const tag = block.ordered ? 'ol' : 'ul';
      return `<${tag}>${block.items.map((item) => `<li>${renderInline(item)}</li>`).join('')}</${tag}>`;
    }
    case 'table': {
      const [head, ...body] = block.rows;
      if (!head) return '';
      const cells = (row: string[], tag: 'th' | 'td') =>
        `<tr>${row.map((c) => `<${tag}${tag === 'th' ? ' scope="col"' : ''}>${renderInline(c)}</${tag}>`).join('')}</tr>`;
      return `<table><thead>${cells(head, 'th')}</thead><tbody>${body.map((r) => cells(r, 'td')).join('')}</tbody></table>`;
    }
  }
}

/** Inline Markdown → plain text (link labels kept, markers dropped). */
export function inlineText(text: string): string {
  return text.replace(
    INLINE,
    (_m, bold: string | undefined, label: string | undefined) => bold ?? label ?? '',
  );
}

/** The whole text without markup, for indexing and snippets. */
export function markdownToText(markdown: string): string {
  return parseBlocks(markdown)
    .map((block) => {
      if (block.kind === 'list') return block.items.map(inlineText).join('\n');
      if (block.kind === 'table') return block.rows.map((r) => r.map(inlineText).join(' ')).join('\n');
      return inlineText(block.text);
    })
    .join('\n');
}

/** Sections of a body: the text under each heading (the part before the first heading has heading null). */
export function sections(markdown: string): { heading: string | null; markdown: string }[] {
  const result: { heading: string | null; lines: string[] }[] = [{ heading: null, lines: [] }];
  for (const line of markdown.replace(/\r\n?/g, '\n').split('\n')) {
    const heading = HEADING.exec(line);
    if (heading) result.push({ heading: inlineText(heading[2]!), lines: [] });
    else result.at(-1)!.lines.push(line);
  }
  return result
    .map((s) => ({ heading: s.heading, markdown: s.lines.join('\n').trim() }))
    .filter((s) => s.markdown !== '');
}
