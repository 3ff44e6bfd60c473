/**
 * A small, logic-less template language for e-mails (a subset of Mustache): `{{name}}` inserts a value,
 * `{{#name}}…{{/name}}` keeps its content when the value is not empty, `{{^name}}…{{/name}}` when it is.
 * In HTML every value is escaped and its line breaks become `<br>`; templates cannot run code.
 */
export type Values = Record<string, string | null | undefined>;

const TOKEN = /\{\{\s*([#^/]?)\s*([A-Za-z][\w.]*)\s*\}\}/g;

export interface TemplateProblem {
  code: 'unknown_placeholder' | 'unbalanced_section';
  name: string;
}

/** What is wrong with a template's source: unknown placeholders and sections that are not closed. */
export function checkTemplate(source: string, allowed: readonly string[]): TemplateProblem[] {
  const problems: TemplateProblem[] = [];
  const open: string[] = [];
  for (const [, sigil, name] of source.matchAll(TOKEN)) {
    if (!allowed.includes(name!) && !problems.some((p) => p.name === name)) {
      problems.push({ code: 'unknown_placeholder', name: name! });
    }
    if (sigil === '#' || sigil === '^') open.push(name!);
    else if (sigil === '/' && open.pop() !== name) problems.push({ code: 'unbalanced_section', name: name! });
  }
  for (const name of open) problems.push({ code: 'unbalanced_section', name });
  return problems;
}

export function renderText(source: string, values: Values): string {
  return render(source, values, (value) => value)
    .replace(/[ \t]+\n/g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

export function renderHtml(source: string, values: Values): string {
  return render(source, values, (value) => escapeHtml(value).replace(/\r?\n/g, '<br>\n'));
}

/** One line, for a subject: line breaks in values would otherwise start new headers. */
export function renderSubject(source: string, values: Values): string {
  return render(source, values, (value) => value)
    .replace(/[\r\n\t]+/g, ' ')
    .replace(/\s{2,}/g, ' ')
    .trim()
    .slice(0, 250);
}

function render(source: string, values: Values, insert: (value: string) => string): string {
  let out = '';
  let last = 0;
  // Sections being skipped, innermost last; text is written only while this is empty.
  const skipping: string[] = [];
  const stack: { name: string; skip: boolean }[] = [];
  for (const match of source.matchAll(TOKEN)) {
    if (skipping.length === 0) out += source.slice(last, match.index);
    last = match.index! + match[0].length;
    const [, sigil, name] = match as unknown as [string, string, string];
    const value = values[name] ?? '';
    if (sigil === '#' || sigil === '^') {
      const skip = sigil === '#' ? value.trim() === '' : value.trim() !== '';
      stack.push({ name, skip });
      if (skip) skipping.push(name);
    } else if (sigil === '/') {
      const section = stack.pop();
      if (section?.skip) skipping.pop();
    } else if (skipping.length === 0) {
      out += insert(value);
    }
  }
  if (skipping.length === 0) out += source.slice(last);
  return out;
}

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
