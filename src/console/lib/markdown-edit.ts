/**
 * Text edits behind the editor's Markdown buttons, as pure functions of (text, selection) → (text, selection), so
 * the toolbar and its keyboard shortcuts behave the same and are tested without a browser.
 */
export interface Edit {
  text: string;
  start: number;
  end: number;
}

export type Format = 'bold' | 'heading' | 'list' | 'numbered' | 'link';

/** Puts `insert` in place of the selection; the caret ends after it. */
export function insertText(text: string, start: number, end: number, insert: string): Edit {
  const at = start + insert.length;
  return { text: text.slice(0, start) + insert + text.slice(end), start: at, end: at };
}

/** The start of the line that holds `index`, and the end of the line that holds `end`. */
function lineSpan(text: string, start: number, end: number): [number, number] {
  const from = text.lastIndexOf('\n', start - 1) + 1;
  const newline = text.indexOf('\n', Math.max(end - (end > start && text[end - 1] === '\n' ? 1 : 0), start));
  return [from, newline === -1 ? text.length : newline];
}

const PREFIX: Record<'heading' | 'list' | 'numbered', (index: number) => string> = {
  heading: () => '## ',
  list: () => '- ',
  numbered: (index) => `${index + 1}. `,
};
const PREFIX_PATTERN: Record<'heading' | 'list' | 'numbered', RegExp> = {
  heading: /^#{2,3}\s+/,
  list: /^[-*]\s+/,
  numbered: /^\d{1,3}[.)]\s+/,
};

/**
 * Applies a format to the selection. Bold wraps it (or a placeholder, selected for typing over); a link wraps it
 * as the label and selects the address; headings and lists prefix every selected line, or remove the prefix when
 * every line already has it.
 */
export function applyFormat(
  text: string,
  start: number,
  end: number,
  format: Format,
  placeholder: string,
): Edit {
  const selected = text.slice(start, end);
  if (format === 'bold') {
    if (selected.startsWith('**') && selected.endsWith('**') && selected.length >= 4)
      return { text: text.slice(0, start) + selected.slice(2, -2) + text.slice(end), start, end: end - 4 };
    const inner = selected || placeholder;
    return {
      text: `${text.slice(0, start)}**${inner}**${text.slice(end)}`,
      start: start + 2,
      end: start + 2 + inner.length,
    };
  }
  if (format === 'link') {
    const label = selected || placeholder;
    const before = `${text.slice(0, start)}[${label}](`;
    const url = 'https://';
    return {
      text: `${before}${url})${text.slice(end)}`,
      start: before.length,
      end: before.length + url.length,
    };
  }
  const [from, to] = lineSpan(text, start, end);
  const lines = text.slice(from, to).split('\n');
  const pattern = PREFIX_PATTERN[format];
  const content = lines.filter((l) => l.trim() !== '');
  const remove = content.length > 0 && content.every((l) => pattern.test(l));
  let counter = 0;
  const changed = lines.map((line) => {
    if (line.trim() === '') return line;
    const bare = line
      .replace(PREFIX_PATTERN.heading, '')
      .replace(PREFIX_PATTERN.list, '')
      .replace(PREFIX_PATTERN.numbered, '');
    return remove ? line.replace(pattern, '') : PREFIX[format](counter++) + bare;
  });
  const block = changed.join('\n');
  return { text: text.slice(0, from) + block + text.slice(to), start: from, end: from + block.length };
}
