/**
 * The knowledge base's Markdown subset, parsed into a small tree the editor's preview renders as React elements —
 * never as HTML strings, so nothing typed into an article can become markup or script in the console.
 *
 * The subset (docs/knowledge-api.md, the server's `renderMarkdown`): paragraphs, `##` / `###` headings, `-` and `1.`
 * lists, pipe tables, `**bold**`, `[text](/relative/path)`, `[text](#anchor)` and `[text](https://…)` links, and
 * `{{fee:CODE}}` placeholders that the fee schedule fills. Anything else stays plain text and, where it looks like a mistake, becomes an `issue` the
 * editor lists (an `#` title, raw HTML, a link to another scheme, an unknown fee code).
 */

export type Inline =
  | { kind: 'text'; text: string }
  | { kind: 'strong'; children: Inline[] }
  | { kind: 'link'; href: string; children: Inline[] }
  | { kind: 'fee'; code: string };

export type Block =
  | { kind: 'heading'; level: 2 | 3; children: Inline[] }
  | { kind: 'paragraph'; children: Inline[] }
  | { kind: 'list'; ordered: boolean; start: number; items: Inline[][] }
  | { kind: 'table'; header: Inline[][]; rows: Inline[][][] };

export type IssueCode = 'heading_level' | 'raw_html' | 'link_scheme' | 'unknown_fee' | 'unclosed_bold';

export interface Issue {
  code: IssueCode;
  /** 1-based line of the source where the issue starts. */
  line: number;
  /** The offending text, shortened. */
  text: string;
}

export interface ParsedMarkdown {
  blocks: Block[];
  issues: Issue[];
  /** Fee codes used, in order of first use. */
  fees: string[];
}

const HEADING = /^(#{1,6})\s+(.*)$/;
const BULLET = /^[-*]\s+(.*)$/;
const NUMBERED = /^(\d{1,3})[.)]\s+(.*)$/;
const CONTINUATION = /^\s{2,}\S/;
const TABLE_ROW = /^\|.*\|$/;
const TABLE_SEPARATOR = /^\|(\s*:?-{2,}:?\s*\|)+$/;

function tableCells(line: string): string[] {
  return line
    .slice(1, -1)
    .split('|')
    .map((cell) => cell.trim());
}

/** Whether a link target is allowed: a site-relative path or an https address. */
export function isSafeHref(href: string): boolean {
  if (href.startsWith('#')) return href.length > 1;
  if (href.startsWith('/')) return !href.startsWith('//') && !href.includes('\\');
  return /^https:\/\/[^\s/]+/i.test(href);
}

export function parseMarkdown(source: string, knownFees?: ReadonlySet<string>): ParsedMarkdown {
  const issues: Issue[] = [];
  const fees: string[] = [];
  const blocks: Block[] = [];
  const lines = source.replace(/\r\n?/g, '\n').split('\n');

  let paragraph: { text: string[]; line: number } | null = null;
  let list: { ordered: boolean; start: number; items: { text: string; line: number }[] } | null = null;
  let table: { line: number; rows: string[][] } | null = null;

  const inline = (text: string, line: number) => parseInline(text, line, issues, fees, knownFees);
  const flushParagraph = () => {
    if (paragraph)
      blocks.push({ kind: 'paragraph', children: inline(paragraph.text.join(' '), paragraph.line) });
    paragraph = null;
  };
  const flushList = () => {
    if (list) {
      blocks.push({
        kind: 'list',
        ordered: list.ordered,
        start: list.start,
        items: list.items.map((item) => inline(item.text, item.line)),
      });
    }
    list = null;
  };
  const flushTable = () => {
    if (table) {
      const [header = [], ...rows] = table.rows;
      const at = table.line;
      blocks.push({
        kind: 'table',
        header: header.map((cell) => inline(cell, at)),
        rows: rows.map((row) => row.map((cell) => inline(cell, at))),
      });
    }
    table = null;
  };
  const flushAll = () => {
    flushParagraph();
    flushList();
    flushTable();
  };

  lines.forEach((raw, index) => {
    const lineNo = index + 1;
    const line = raw.trimEnd();
    if (line.trim() === '') {
      flushAll();
      return;
    }
    const trimmed = line.trim();
    if (TABLE_ROW.test(trimmed)) {
      flushParagraph();
      flushList();
      if (!table) table = { line: lineNo, rows: [] };
      if (!(table.rows.length === 1 && TABLE_SEPARATOR.test(trimmed))) table.rows.push(tableCells(trimmed));
      return;
    }
    flushTable();
    const heading = HEADING.exec(line);
    if (heading) {
      flushParagraph();
      flushList();
      const hashes = heading[1]!.length;
      if (hashes !== 2 && hashes !== 3)
        issues.push({ code: 'heading_level', line: lineNo, text: short(line) });
      const level = hashes <= 2 ? 2 : 3;
      blocks.push({ kind: 'heading', level, children: inline(heading[2]!.trim(), lineNo) });
      return;
    }
    const bullet = BULLET.exec(line);
    const numbered = bullet ? null : NUMBERED.exec(line);
    if (bullet || numbered) {
      flushParagraph();
      const ordered = numbered !== null;
      const text = (bullet ? bullet[1] : numbered![2])!;
      if (!list || list.ordered !== ordered) {
        flushList();
        list = { ordered, start: ordered ? Number(numbered![1]) : 1, items: [] };
      }
      list.items.push({ text, line: lineNo });
      return;
    }
    const openList = list as { items: { text: string; line: number }[] } | null;
    if (openList && CONTINUATION.test(raw)) {
      const last = openList.items[openList.items.length - 1]!;
      last.text = `${last.text} ${line.trim()}`;
      return;
    }
    flushList();
    if (paragraph) paragraph.text.push(line.trim());
    else paragraph = { text: [line.trim()], line: lineNo };
  });
  flushAll();
  return { blocks, issues, fees };
}

function short(text: string): string {
  const trimmed = text.trim();
  return trimmed.length > 60 ? `${trimmed.slice(0, 57)}…` : trimmed;
}

const FEE = /^\{\{\s*fee:([A-Za-z0-9_.-]+)\s*\}\}/;
const LINK = /^\[([^\]\n]+)\]\(((?:[^()\s]|\([^()\s]*\))+)\)/;
const HTML_TAG = /^<\/?[A-Za-z][^>]*>/;

/** Inline parsing: one left-to-right scan; `**` toggles bold, links may contain bold text but not other links. */
function parseInline(
  text: string,
  line: number,
  issues: Issue[],
  fees: string[],
  knownFees: ReadonlySet<string> | undefined,
  insideLink = false,
): Inline[] {
  const root: Inline[] = [];
  let target = root;
  let bold: Inline[] | null = null;
  let buffer = '';
  const flush = () => {
    if (buffer) target.push({ kind: 'text', text: buffer });
    buffer = '';
  };

  let i = 0;
  while (i < text.length) {
    const rest = text.slice(i);
    if (rest.startsWith('**')) {
      flush();
      if (bold) {
        root.push({ kind: 'strong', children: bold });
        bold = null;
        target = root;
      } else {
        bold = [];
        target = bold;
      }
      i += 2;
      continue;
    }
    const fee = FEE.exec(rest);
    if (fee) {
      flush();
      const code = fee[1]!;
      target.push({ kind: 'fee', code });
      if (!fees.includes(code)) fees.push(code);
      if (knownFees && !knownFees.has(code)) issues.push({ code: 'unknown_fee', line, text: code });
      i += fee[0].length;
      continue;
    }
    const link = insideLink ? null : LINK.exec(rest);
    if (link) {
      flush();
      const href = link[2]!;
      const children = parseInline(link[1]!, line, issues, fees, knownFees, true);
      if (isSafeHref(href)) target.push({ kind: 'link', href, children });
      else {
        issues.push({ code: 'link_scheme', line, text: short(href) });
        target.push(...children);
      }
      i += link[0].length;
      continue;
    }
    const tag = HTML_TAG.exec(rest);
    if (tag) issues.push({ code: 'raw_html', line, text: short(tag[0]) });
    buffer += text[i];
    i += 1;
  }
  flush();
  if (bold) {
    // An unclosed ** is shown as typed, so the author sees what is wrong.
    issues.push({ code: 'unclosed_bold', line, text: short(text) });
    root.push({ kind: 'text', text: '**' }, ...(bold as Inline[]));
  }
  return mergeText(root);
}

function mergeText(nodes: Inline[]): Inline[] {
  const out: Inline[] = [];
  for (const node of nodes) {
    const last = out[out.length - 1];
    if (node.kind === 'text' && last?.kind === 'text')
      out[out.length - 1] = { kind: 'text', text: last.text + node.text };
    else out.push(node);
  }
  return out;
}

/** The plain text of a parsed document (for counting words, or an accessible summary). */
export function plainText(blocks: Block[]): string {
  const inlineText = (nodes: Inline[]): string =>
    nodes
      .map((n) =>
        n.kind === 'text' ? n.text : n.kind === 'fee' ? `{{fee:${n.code}}}` : inlineText(n.children),
      )
      .join('');
  return blocks
    .map((b) => {
      if (b.kind === 'list') return b.items.map(inlineText).join('\n');
      if (b.kind === 'table')
        return [b.header, ...b.rows].map((r) => r.map(inlineText).join(' | ')).join('\n');
      return inlineText(b.children);
    })
    .join('\n\n');
}
