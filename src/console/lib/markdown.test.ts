import { describe, expect, it } from 'vitest';
import { SEED_FAQS } from '../../server/modules/knowledge/content/faqs';
import { SEED_FEES } from '../../server/modules/knowledge/content/fees';
import { SEED_ARTICLES } from '../../server/modules/knowledge/content/index';
import { SEED_MAKLUMAT } from '../../server/modules/knowledge/content/maklumat';
import { SEED_SERVICE_STANDARDS } from '../../server/modules/knowledge/content/standards';
import { renderMarkdown } from '../../server/modules/knowledge/markdown';
import { type Block, type Inline, isSafeHref, parseMarkdown, plainText } from './markdown';

/** The parsed tree written as the server writes HTML, to prove the preview shows what the public page shows. */
const escapeHtml = (text: string) =>
  text.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!,
  );
function inlineHtml(nodes: Inline[]): string {
  return nodes
    .map((n) => {
      if (n.kind === 'text') return escapeHtml(n.text);
      if (n.kind === 'fee') return `{{fee:${n.code}}}`;
      if (n.kind === 'strong') return `<strong>${inlineHtml(n.children)}</strong>`;
      const rel = n.href.startsWith('https://') ? ' rel="noopener noreferrer"' : '';
      return `<a href="${escapeHtml(n.href)}"${rel}>${inlineHtml(n.children)}</a>`;
    })
    .join('');
}
function html(blocks: Block[]): string {
  return blocks
    .map((b) => {
      if (b.kind === 'heading') return `<h${b.level}>${inlineHtml(b.children)}</h${b.level}>`;
      if (b.kind === 'paragraph') return `<p>${inlineHtml(b.children)}</p>`;
      if (b.kind === 'list') {
        const tag = b.ordered ? 'ol' : 'ul';
        return `<${tag}>${b.items.map((i) => `<li>${inlineHtml(i)}</li>`).join('')}</${tag}>`;
      }
      const row = (cells: Inline[][], tag: 'th' | 'td') =>
        `<tr>${cells.map((c) => `<${tag}${tag === 'th' ? ' scope="col"' : ''}>${inlineHtml(c)}</${tag}>`).join('')}</tr>`;
      return `<table><thead>${row(b.header, 'th')}</thead><tbody>${b.rows.map((r) => row(r, 'td')).join('')}</tbody></table>`;
    })
    .join('\n');
}

describe('parseMarkdown', () => {
  it('reads headings, paragraphs joined across lines, and both kinds of lists', () => {
    const { blocks, issues } = parseMarkdown(
      [
        '## Persyaratan',
        'Bawa dokumen asli',
        'ke kantor.',
        '',
        '- e-KTP',
        '- Kartu Keluarga',
        '  (asli dan fotokopi)',
        '',
        '### Langkah',
        '3. Bayar',
        '4. Foto',
      ].join('\n'),
    );
    expect(issues).toEqual([]);
    expect(blocks).toEqual([
      { kind: 'heading', level: 2, children: [{ kind: 'text', text: 'Persyaratan' }] },
      { kind: 'paragraph', children: [{ kind: 'text', text: 'Bawa dokumen asli ke kantor.' }] },
      {
        kind: 'list',
        ordered: false,
        items: [
          [{ kind: 'text', text: 'e-KTP' }],
          [{ kind: 'text', text: 'Kartu Keluarga (asli dan fotokopi)' }],
        ],
      },
      { kind: 'heading', level: 3, children: [{ kind: 'text', text: 'Langkah' }] },
      {
        kind: 'list',
        ordered: true,
        items: [[{ kind: 'text', text: 'Bayar' }], [{ kind: 'text', text: 'Foto' }]],
      },
    ]);
  });

  it('splits a bullet list followed directly by a numbered one', () => {
    const { blocks } = parseMarkdown('- a\n1. b');
    expect(blocks.map((b) => b.kind === 'list' && b.ordered)).toEqual([false, true]);
  });

  it('reads bold, safe links (with bold inside) and fee placeholders', () => {
    const { blocks, fees } = parseMarkdown(
      'Biaya **{{fee:EPASPOR_10}}**, lihat [jadwal **baru**](/id/artikel/jadwal) dan {{ fee:PERCEPATAN }}.',
    );
    expect(fees).toEqual(['EPASPOR_10', 'PERCEPATAN']);
    expect(blocks[0]).toEqual({
      kind: 'paragraph',
      children: [
        { kind: 'text', text: 'Biaya ' },
        { kind: 'strong', children: [{ kind: 'fee', code: 'EPASPOR_10' }] },
        { kind: 'text', text: ', lihat ' },
        {
          kind: 'link',
          href: '/id/artikel/jadwal',
          children: [
            { kind: 'text', text: 'jadwal ' },
            { kind: 'strong', children: [{ kind: 'text', text: 'baru' }] },
          ],
        },
        { kind: 'text', text: ' dan ' },
        { kind: 'fee', code: 'PERCEPATAN' },
        { kind: 'text', text: '.' },
      ],
    });
  });

  it('keeps raw HTML as text and reports it, so nothing typed can become markup', () => {
    const { blocks, issues } = parseMarkdown('Halo <script>alert(1)</script> <img src=x onerror=alert(1)>');
    expect(plainText(blocks)).toBe('Halo <script>alert(1)</script> <img src=x onerror=alert(1)>');
    expect(issues.map((i) => i.code)).toEqual(['raw_html', 'raw_html', 'raw_html']);
  });

  it('refuses javascript:, data:, http: and protocol-relative links, keeping their text', () => {
    for (const href of ['javascript:void0', 'data:text/html,x', 'http://example.com', '//evil.example']) {
      const { blocks, issues } = parseMarkdown(`[klik **x**](${href})`);
      expect(blocks[0], href).toEqual({
        kind: 'paragraph',
        children: [{ kind: 'text', text: 'klik **x**' }],
      });
      expect(
        issues.map((i) => i.code),
        href,
      ).toEqual(['link_scheme']);
    }
  });

  it('reports # titles, unknown fee codes and an unclosed ** with their line', () => {
    const { blocks, issues } = parseMarkdown(
      '# Judul\n\nTarif {{fee:NOPE}} dan {{fee:OK}}\n\n**tebal',
      new Set(['OK']),
    );
    expect(issues).toEqual([
      { code: 'heading_level', line: 1, text: '# Judul' },
      { code: 'unknown_fee', line: 3, text: 'NOPE' },
      { code: 'unclosed_bold', line: 5, text: '**tebal' },
    ]);
    // A "# title" is no heading on the public page either: it stays text.
    expect(blocks[0]).toEqual({ kind: 'paragraph', children: [{ kind: 'text', text: '# Judul' }] });
    expect(plainText([blocks[2]!])).toBe('**tebal');
  });

  it('asks for a fee placeholder where an amount is typed by hand', () => {
    const { issues } = parseMarkdown(
      'Biaya e-paspor Rp650.000.\n\n- Percepatan: Rp 1.000.000\n\nRapat rutin.',
    );
    expect(issues).toEqual([
      { code: 'literal_fee', line: 1, text: 'Rp650.000.' },
      { code: 'literal_fee', line: 3, text: 'Rp 1.000.000' },
    ]);
  });

  it('reads pipe tables with a header row, skipping the separator', () => {
    const { blocks } = parseMarkdown(
      'Tarif:\n\n| Jenis | Biaya |\n|---|---:|\n| E-paspor | {{fee:E10}} |\nSelesai.',
    );
    expect(blocks).toEqual([
      { kind: 'paragraph', children: [{ kind: 'text', text: 'Tarif:' }] },
      {
        kind: 'table',
        header: [[{ kind: 'text', text: 'Jenis' }], [{ kind: 'text', text: 'Biaya' }]],
        rows: [[[{ kind: 'text', text: 'E-paspor' }], [{ kind: 'fee', code: 'E10' }]]],
      },
      { kind: 'paragraph', children: [{ kind: 'text', text: 'Selesai.' }] },
    ]);
  });

  it('handles Windows line endings and an empty document', () => {
    expect(parseMarkdown('a\r\nb\r\n\r\nc').blocks).toHaveLength(2);
    expect(parseMarkdown('').blocks).toEqual([]);
  });
});

describe('the preview and the public page agree', () => {
  const edgeCases = [
    '# Not a heading\n#### Nor this\n## Heading ##',
    'Text\n| a | b |\n\n| a | b |\n|---|---|\n| 1 | 2 |',
    '- one\n- two\n\n- three\n1. four\n  continued',
    '**bold [link](/x)** and [**bold link**](https://imigrasi.go.id/a) and [bad](javascript:x) **open',
    'a < b & "c" \'d\' <b>e</b>',
    '  - indented bullet\n  two spaces text',
    '[x](https://nodot) [y](#anchor) [z](//evil.example) [w](/\\evil.example)',
  ];
  it('on edge cases', () => {
    for (const source of edgeCases)
      expect(html(parseMarkdown(source).blocks), source).toBe(renderMarkdown(source));
  });

  it('on every text of the seed content, which has nothing for the editor to fix', () => {
    const codes = new Set(SEED_FEES.map((f) => f.code));
    const texts = [
      ...SEED_ARTICLES.flatMap((a) => [a.translations.id.body, a.translations.en.body]),
      ...SEED_FAQS.flatMap((f) => [f.translations.id.answer, f.translations.en.answer]),
      ...SEED_SERVICE_STANDARDS.flatMap((s) => Object.values(s.components).flatMap((c) => [c.id, c.en])),
      SEED_MAKLUMAT.text.id,
      SEED_MAKLUMAT.text.en,
    ];
    expect(texts.length).toBeGreaterThan(100);
    for (const source of texts) {
      const parsed = parseMarkdown(source, codes);
      expect(html(parsed.blocks)).toBe(renderMarkdown(source));
      expect(parsed.issues, source.slice(0, 60)).toEqual([]);
    }
  });
});

describe('isSafeHref', () => {
  it('allows site paths, anchors and https with a host name only', () => {
    expect(isSafeHref('/id/cari?q=paspor')).toBe(true);
    expect(isSafeHref('https://imigrasi.go.id/')).toBe(true);
    expect(isSafeHref('#faq-biaya')).toBe(true);
    expect(isSafeHref('https://localhost')).toBe(false);
    expect(isSafeHref('//evil.example/x')).toBe(false);
    expect(isSafeHref('/\\evil.example')).toBe(false);
    expect(isSafeHref('/a\u0000b')).toBe(false);
    expect(isSafeHref('JAVASCRIPT:alert(1)')).toBe(false);
    expect(isSafeHref('mailto:a@b.c')).toBe(false);
  });
});
