import { describe, expect, it } from 'vitest';
import { isSafeHref, parseMarkdown, plainText } from './markdown';

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
        start: 1,
        items: [
          [{ kind: 'text', text: 'e-KTP' }],
          [{ kind: 'text', text: 'Kartu Keluarga (asli dan fotokopi)' }],
        ],
      },
      { kind: 'heading', level: 3, children: [{ kind: 'text', text: 'Langkah' }] },
      {
        kind: 'list',
        ordered: true,
        start: 3,
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
    for (const href of ['javascript:alert(1)', 'data:text/html,x', 'http://example.com', '//evil.example']) {
      const { blocks, issues } = parseMarkdown(`[klik](${href})`);
      expect(blocks[0], href).toEqual({ kind: 'paragraph', children: [{ kind: 'text', text: 'klik' }] });
      expect(issues, href).toEqual([{ code: 'link_scheme', line: 1, text: href }]);
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
    expect(blocks[0]).toMatchObject({ kind: 'heading', level: 2 });
    expect(plainText([blocks[2]!])).toBe('**tebal');
  });

  it('reads pipe tables with a header row, skipping the separator', () => {
    const { blocks } = parseMarkdown(
      'Tarif:\n| Jenis | Biaya |\n|---|---:|\n| E-paspor | {{fee:E10}} |\nSelesai.',
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

describe('isSafeHref', () => {
  it('allows site paths and https only', () => {
    expect(isSafeHref('/id/cari?q=paspor')).toBe(true);
    expect(isSafeHref('https://imigrasi.go.id/')).toBe(true);
    expect(isSafeHref('#faq-biaya')).toBe(true);
    expect(isSafeHref('#')).toBe(false);
    expect(isSafeHref('//evil.example/x')).toBe(false);
    expect(isSafeHref('/\\evil.example')).toBe(false);
    expect(isSafeHref('JAVASCRIPT:alert(1)')).toBe(false);
    expect(isSafeHref('mailto:a@b.c')).toBe(false);
  });
});
