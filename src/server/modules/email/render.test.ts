import { describe, expect, it } from 'vitest';
import { checkTemplate, renderHtml, renderSubject, renderText } from './render.js';
import { en } from './templates/en.js';
import { id } from './templates/id.js';
import { PLACEHOLDERS, TEMPLATE_IDS } from './templates/types.js';

describe('e-mail templates', () => {
  it('inserts values, keeps sections whose value is set and inverted sections whose value is empty', () => {
    const source = 'Kode {{code}}.{{#key}} Kunci: {{key}}.{{/key}}{{^key}} Tanpa kunci.{{/key}}';
    expect(renderText(source, { code: 'SBY-26-1', key: 'ABCD' })).toBe('Kode SBY-26-1. Kunci: ABCD.');
    expect(renderText(source, { code: 'SBY-26-1' })).toBe('Kode SBY-26-1. Tanpa kunci.');
  });

  it('escapes every value in HTML and turns its line breaks into <br>', () => {
    expect(renderHtml('<p>{{text}}</p>', { text: '<script>alert(1)</script>\n"a" & b' })).toBe(
      '<p>&lt;script&gt;alert(1)&lt;/script&gt;<br>\n&quot;a&quot; &amp; b</p>',
    );
  });

  it('keeps a subject on one line, so a value cannot add mail headers', () => {
    expect(renderSubject('Re: {{subject}}', { subject: 'Paspor\r\nBcc: x@example.com' })).toBe(
      'Re: Paspor Bcc: x@example.com',
    );
  });

  it('reports unknown placeholders and unbalanced sections', () => {
    expect(checkTemplate('{{a}} {{#b}}{{/c}} {{d}}', ['a', 'b', 'c'])).toEqual([
      { code: 'unbalanced_section', name: 'c' },
      { code: 'unknown_placeholder', name: 'd' },
    ]);
    expect(checkTemplate('{{#a}} open', ['a'])).toEqual([{ code: 'unbalanced_section', name: 'a' }]);
  });

  it('ships default templates in both languages that use only their own placeholders', () => {
    for (const catalogue of [id, en]) {
      for (const template of TEMPLATE_IDS) {
        for (const part of ['subject', 'text', 'html'] as const) {
          expect(checkTemplate(catalogue.templates[template][part], PLACEHOLDERS[template])).toEqual([]);
        }
        expect(catalogue.templates[template].subject).toContain('[{{case.trackingCode}}]');
      }
    }
    expect(Object.keys(en.texts).sort()).toEqual(Object.keys(id.texts).sort());
  });
});
