import { describe, expect, it } from 'vitest';
import { isSafeUrl, markdownToText, renderMarkdown, sections } from './markdown.js';

describe('renderMarkdown', () => {
  it('renders the supported subset', () => {
    const html = renderMarkdown(
      '## Syarat\nBawa **e-KTP** asli.\n\n- satu\n- dua\n\n1. pertama\n2. kedua\n\n### Catatan\nLihat [biaya](/knowledge/id/fees).',
    );
    expect(html).toBe(
      '<h2>Syarat</h2>\n<p>Bawa <strong>e-KTP</strong> asli.</p>\n<ul><li>satu</li><li>dua</li></ul>\n' +
        '<ol><li>pertama</li><li>kedua</li></ol>\n<h3>Catatan</h3>\n<p>Lihat <a href="/knowledge/id/fees">biaya</a>.</p>',
    );
  });

  it('renders tables with header cells', () => {
    expect(renderMarkdown('| Jenis | Biaya |\n|---|---|\n| e-paspor | Rp650.000 |')).toBe(
      '<table><thead><tr><th scope="col">Jenis</th><th scope="col">Biaya</th></tr></thead>' +
        '<tbody><tr><td>e-paspor</td><td>Rp650.000</td></tr></tbody></table>',
    );
  });

  it('escapes HTML and never passes it through', () => {
    const html = renderMarkdown('<script>alert(1)</script> & "quotes" <img src=x onerror=alert(1)>');
    expect(html).not.toContain('<script');
    expect(html).not.toContain('<img');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;quotes&quot;');
  });

  it('links only to relative paths and https', () => {
    expect(renderMarkdown('[x](javascript:alert%281%29)')).toBe('<p>x</p>');
    expect(renderMarkdown('[x](http://example.com)')).toBe('<p>x</p>');
    expect(renderMarkdown('[x](//evil.example)')).toBe('<p>x</p>');
    expect(renderMarkdown('[x](https://example.go.id/a)')).toBe(
      '<p><a href="https://example.go.id/a" rel="noopener noreferrer">x</a></p>',
    );
    expect(isSafeUrl('/submit')).toBe(true);
    expect(isSafeUrl('/\\evil.example')).toBe(false);
    expect(renderMarkdown('[x](/\\evil.example)')).toBe('<p>x</p>');
    expect(isSafeUrl('data:text/html,x')).toBe(false);
  });

  it('escapes inside link labels and URLs', () => {
    expect(renderMarkdown('[<b>x</b>](/a?b="c")')).toBe(
      '<p><a href="/a?b=&quot;c&quot;">&lt;b&gt;x&lt;/b&gt;</a></p>',
    );
  });
});

describe('text extraction', () => {
  it('drops the markup', () => {
    expect(markdownToText('## Judul\n**Tebal** dan [tautan](/x)\n- butir')).toBe(
      'Judul\nTebal dan tautan\nbutir',
    );
  });

  it('splits a body into sections by heading', () => {
    expect(sections('Pembuka\n## Satu\nisi satu\n## Dua\nisi dua')).toEqual([
      { heading: null, markdown: 'Pembuka' },
      { heading: 'Satu', markdown: 'isi satu' },
      { heading: 'Dua', markdown: 'isi dua' },
    ]);
  });
});
