import { describe, expect, it } from 'vitest';
import { applyFormat, insertText } from './markdown-edit';

/** Writes an edit's selection into its text as [ and ] for readable expectations. */
const show = (e: { text: string; start: number; end: number }) =>
  `${e.text.slice(0, e.start)}[${e.text.slice(e.start, e.end)}]${e.text.slice(e.end)}`;

describe('applyFormat', () => {
  it('wraps the selection in bold, or a selected placeholder when nothing is selected, and unwraps it again', () => {
    expect(show(applyFormat('biaya paspor', 6, 12, 'bold', 'teks'))).toBe('biaya **[paspor]**');
    expect(show(applyFormat('biaya ', 6, 6, 'bold', 'teks'))).toBe('biaya **[teks]**');
    expect(show(applyFormat('biaya **paspor**', 6, 16, 'bold', 'teks'))).toBe('biaya [paspor]');
  });

  it('turns the selection into a link label and selects the address to type', () => {
    expect(show(applyFormat('lihat jadwal biaya', 6, 18, 'link', 'teks'))).toBe(
      'lihat [jadwal biaya]([https://])',
    );
    const edit = applyFormat('lihat ', 6, 6, 'link', 'tautan');
    expect(edit.text).toBe('lihat [tautan](https://)');
    expect(edit.text.slice(edit.start, edit.end)).toBe('https://');
  });

  it('prefixes every selected line, skipping blank ones, and numbers ordered lists', () => {
    const text = 'Judul\ne-KTP\n\nKK\nakhir';
    expect(applyFormat(text, 8, 14, 'list', '').text).toBe('Judul\n- e-KTP\n\n- KK\nakhir');
    expect(applyFormat(text, 8, 14, 'numbered', '').text).toBe('Judul\n1. e-KTP\n\n2. KK\nakhir');
    // A selection that ends just after a line break leaves the next line alone.
    expect(applyFormat(text, 6, 12, 'list', '').text).toBe('Judul\n- e-KTP\n\nKK\nakhir');
    expect(applyFormat(text, 2, 2, 'heading', '').text).toBe('## Judul\ne-KTP\n\nKK\nakhir');
  });

  it('removes the prefix when every line has it, and swaps one kind of list for another', () => {
    expect(applyFormat('- a\n- b', 0, 7, 'list', '').text).toBe('a\nb');
    expect(applyFormat('- a\n- b', 0, 7, 'numbered', '').text).toBe('1. a\n2. b');
    expect(applyFormat('## Judul', 3, 3, 'heading', '').text).toBe('Judul');
    expect(applyFormat('## Judul', 3, 3, 'list', '').text).toBe('- Judul');
  });

  it('selects the changed lines, so a second press can undo', () => {
    const once = applyFormat('x\ny', 0, 3, 'list', '');
    expect(show(once)).toBe('[- x\n- y]');
    expect(applyFormat(once.text, once.start, once.end, 'list', '').text).toBe('x\ny');
  });
});

describe('insertText', () => {
  it('replaces the selection and puts the caret after the insertion', () => {
    const edit = insertText('Biaya: Rp650.000.', 7, 16, '{{fee:EPASPOR_5TH}}');
    expect(edit.text).toBe('Biaya: {{fee:EPASPOR_5TH}}.');
    expect(edit.start).toBe(edit.end);
    expect(edit.text.slice(0, edit.start)).toBe('Biaya: {{fee:EPASPOR_5TH}}');
  });
});
