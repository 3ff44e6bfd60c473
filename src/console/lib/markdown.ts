/**
 * The knowledge base's Markdown subset, parsed into a small tree the editor's preview renders as React elements —
 * never as HTML strings, so nothing typed into an article can become markup or script in the console.
 *
 * The subset (docs/knowledge-api.md, the server's `renderMarkdown`): paragraphs, `##` / `###` headings, `-` and `1.`
 * lists, pipe tables, `**bold**`, `[text](/relative/path)`, `[text](#anchor)` and `[text](https://…)` links, and
 * `{{fee:CODE}}` placeholders that the fee schedule fills. Anything else stays plain text and, where it looks like a mistake, becomes an `issue` the
 * editor lists (an `#` title, raw HTML, a link to another scheme, an unknown fee code, an amount typed by hand).
 */

export type Inline =
  | { kind: 'text'; text: string }
  | { kind: 'strong'; children: Inline[] }
  | { kind: 'link'; href: string; children: Inline[] }
  | { kind: 'fee'; code: string };

export type Block =
  | { kind: 'heading'; level: 2 | 3; children: Inline[] }
  | { kind: 'paragraph'; children: Inline[] }
  | { kind: 'list'; ordered: boolean; items: Inline[][] }
  | { kind: 'table'; header: Inline[][]; rows: Inline[][][] };

export type IssueCode =
  | 'heading_level'
  | 'raw_html'
  | 'link_scheme'
  | 'unknown_fee'
  | 'unclosed_bold'
  | 'literal_fee';

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

// The same line rules as the server's renderMarkdown (src/server/modules/knowledge/markdown.ts), so the preview
// shows what the public page will show; markdown.test.ts compares both on the seed content.
const HEADING = /^(#{2,3})\s+(.+?)\s*#*\s*$/;
const WRONG_HEADING = /^(#|#{4,6})\s+\S/;
const BULLET = /^\s*[-*]\s+(.*)$/;
const NUMBERED = /^\s*\d{1,3}[.)]\s+(.*)$/;
const CONTINUATION = /^\s{2,}\S/;
const TABLE_ROW = /^\s*\|.*\|\s*$/;
/** An amount typed by hand ("Rp650.000"): fees belong in the schedule, written as {{fee:CODE}}. */
const LITERAL_AMOUNT = /\bRp\.?\s?\d[\d.,]*/i;
const TABLE_RULE = /^\s*\|?\s*:?-{2,}:?\s*(\|\s*:?-{2,}:?\s*)*\|?\s*$/;

function tableCells(line: string): string[] {
  return line
    .trim()
    .replace(/^\|/, '')
    .replace(/\|$/, '')
    .split('|')
    .map((cell) => cell.trim());
}

/** Whether a link target is allowed: a site-relative path, an anchor, or an https address with a host name. */
export function isSafeHref(href: string): boolean {
  // Browsers read `/\host` like `//host`: a backslash or control character is never part of a safe link.
  if (href.startsWith('//') || /[\\\p{Cc}]/u.test(href)) return false;
  if (href.startsWith('/') || href.startsWith('#')) return true;
  return /^https:\/\/[^\s/]+\.[^\s]+$/i.test(href);
}

type RawBlock =
  | { kind: 'heading'; level: 2 | 3; text: string; line: number }
  | { kind: 'paragraph'; text: string; line: number }
  | { kind: 'list'; ordered: boolean; items: { text: string; line: number }[] }
  | { kind: 'table'; rows: string[][]; line: number };

export function parseMarkdown(source: string, knownFees?: ReadonlySet<string>): ParsedMarkdown {
  const issues: Issue[] = [];
  const fees: string[] = [];
  const raw: RawBlock[] = [];
  const lines = source.replace(/\r\n?/g, '\n').split('\n');
  let paragraph: { text: string[]; line: number } | null = null;
  const flush = () => {
    if (paragraph) raw.push({ kind: 'paragraph', text: paragraph.text.join(' '), line: paragraph.line });
    paragraph = null;
  };

  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const lineNo = i + 1;
    if (line.trim() === '') {
      flush();
      continue;
    }
    const heading = HEADING.exec(line);
    if (heading) {
      flush();
      raw.push({ kind: 'heading', level: heading[1]!.length as 2 | 3, text: heading[2]!, line: lineNo });
      continue;
    }
    if (WRONG_HEADING.test(line)) issues.push({ code: 'heading_level', line: lineNo, text: short(line) });
    const amount = LITERAL_AMOUNT.exec(line);
    if (amount) issues.push({ code: 'literal_fee', line: lineNo, text: amount[0] });
    const bullet = BULLET.exec(line);
    const numbered = bullet ? null : NUMBERED.exec(line);
    if (bullet || numbered) {
      flush();
      const ordered = numbered !== null;
      const last = raw.at(-1);
      const item = { text: (bullet ?? numbered)![1]!, line: lineNo };
      if (last?.kind === 'list' && last.ordered === ordered && lines[i - 1]?.trim() !== '')
        last.items.push(item);
      else raw.push({ kind: 'list', ordered, items: [item] });
      continue;
    }
    if (TABLE_ROW.test(line) && paragraph === null) {
      const rows: string[][] = [];
      const first = lineNo;
      while (i < lines.length && TABLE_ROW.test(lines[i]!)) {
        if (!TABLE_RULE.test(lines[i]!)) rows.push(tableCells(lines[i]!));
        i++;
      }
      i--;
      raw.push({ kind: 'table', rows, line: first });
      continue;
    }
    // A line continuing a list item (indented) belongs to it.
    const last = raw.at(-1);
    if (paragraph === null && last?.kind === 'list' && CONTINUATION.test(line)) {
      const item = last.items[last.items.length - 1]!;
      item.text += ` ${line.trim()}`;
      continue;
    }
    const open = paragraph as { text: string[]; line: number } | null;
    if (open) open.text.push(line.trim());
    else paragraph = { text: [line.trim()], line: lineNo };
  }
  flush();

  const inline = (text: string, line: number) => parseInline(text, line, issues, fees, knownFees);
  const blocks: Block[] = raw.flatMap((b): Block[] => {
    if (b.kind === 'heading') return [{ kind: 'heading', level: b.level, children: inline(b.text, b.line) }];
    if (b.kind === 'paragraph') return [{ kind: 'paragraph', children: inline(b.text, b.line) }];
    if (b.kind === 'list')
      return [{ kind: 'list', ordered: b.ordered, items: b.items.map((x) => inline(x.text, x.line)) }];
    const [header, ...rows] = b.rows;
    if (!header) return [];
    return [
      {
        kind: 'table',
        header: header.map((cell) => inline(cell, b.line)),
        rows: rows.map((row) => row.map((cell) => inline(cell, b.line))),
      },
    ];
  });
  return { blocks, issues, fees };
}

function short(text: string): string {
  const trimmed = text.trim();
  return trimmed.length > 60 ? `${trimmed.slice(0, 57)}…` : trimmed;
}

const FEE = /^\{\{\s*fee:([A-Za-z0-9_.-]+)\s*\}\}/;
const LINK = /^\[([^\]]+)\]\(([^)\s]+)\)/;
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
        // Shown as its label, typed as it is (the public page does the same).
        issues.push({ code: 'link_scheme', line, text: short(href) });
        target.push({ kind: 'text', text: link[1]! });
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
