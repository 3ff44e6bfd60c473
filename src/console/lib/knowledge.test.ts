import { describe, expect, it } from 'vitest';
import { ApiError } from './api';
import {
  addDays,
  collapseUnchanged,
  defaultQuestionFilters,
  diffCounts,
  feeInForce,
  fieldMessages,
  formatDay,
  formatRupiah,
  groupFees,
  hasUnpublishedChanges,
  isDay,
  isDirty,
  isValidSlug,
  move,
  parseRupiah,
  parseTags,
  periodState,
  planFeeChange,
  publicArticleUrl,
  questionToVariant,
  reviewState,
  slugify,
  todayIn,
  uniqueTrimmed,
  workflowSteps,
} from './knowledge';
import type { Fee } from './knowledge-types';

function fee(over: Partial<Fee>): Fee {
  return {
    id: over.id ?? `${over.code}-${over.validFrom}`,
    code: 'EPASPOR_10',
    serviceCode: 'paspor',
    names: { id: 'E-paspor 10 tahun', en: 'E-passport, 10 years' },
    amount: 950_000,
    legalBasis: 'PP 45/2024',
    validFrom: '2024-12-17',
    validTo: null,
    inForce: false,
    ...over,
  };
}

describe('workflow', () => {
  it('shows only the allowed steps, in a fixed order', () => {
    expect(workflowSteps(['archive', 'edit', 'publish', 'mark_reviewed']).map((s) => s.action)).toEqual([
      'publish',
      'archive',
    ]);
    expect(workflowSteps([])).toEqual([]);
    expect(workflowSteps(['return_to_draft', 'submit_for_review']).map((s) => s.to)).toEqual([
      'review',
      'draft',
    ]);
  });

  it('knows when the public sees an older revision', () => {
    expect(
      hasUnpublishedChanges({ status: 'published', revisionNumber: 4, publishedRevisionNumber: 3 }),
    ).toBe(true);
    expect(
      hasUnpublishedChanges({ status: 'published', revisionNumber: 3, publishedRevisionNumber: 3 }),
    ).toBe(false);
    expect(hasUnpublishedChanges({ status: 'draft', revisionNumber: 4, publishedRevisionNumber: 3 })).toBe(
      false,
    );
  });

  it('flags reviews that are overdue or due within two weeks, for published items only', () => {
    const now = new Date('2026-11-28T05:00:00Z');
    expect(reviewState({ status: 'published', reviewDueAt: '2026-11-28T04:59:00Z' }, now)).toBe('overdue');
    expect(reviewState({ status: 'published', reviewDueAt: '2026-12-10T00:00:00Z' }, now)).toBe('soon');
    expect(reviewState({ status: 'published', reviewDueAt: '2027-03-01T00:00:00Z' }, now)).toBe('ok');
    expect(reviewState({ status: 'draft', reviewDueAt: '2020-01-01T00:00:00Z' }, now)).toBe('none');
    expect(reviewState({ status: 'published', reviewDueAt: null }, now)).toBe('none');
  });

  it('builds the public URL unless the server gives one', () => {
    expect(publicArticleUrl({ language: 'id', slug: 'biaya-paspor' })).toBe('/knowledge/id/biaya-paspor');
    expect(publicArticleUrl({ language: 'en', slug: 'x', publicUrl: '/knowledge/en/fees-2' })).toBe(
      '/knowledge/en/fees-2',
    );
  });
});

describe('text fields', () => {
  it('makes slugs from titles in either language', () => {
    expect(slugify('Biaya Paspor & E-Paspor (2024)')).toBe('biaya-paspor-e-paspor-2024');
    expect(slugify('  Pérdida de pasaporte — ¿qué hacer?  ')).toBe('perdida-de-pasaporte-que-hacer');
    expect(slugify('!!!')).toBe('');
    expect(slugify('a '.repeat(100)).length).toBeLessThanOrEqual(80);
    expect(slugify('a '.repeat(100)).endsWith('-')).toBe(false);
    expect(isValidSlug('biaya-paspor')).toBe(true);
    expect(isValidSlug('Biaya paspor')).toBe(false);
    expect(isValidSlug('biaya--paspor')).toBe(false);
  });

  it('reads tags and question variants without blanks or duplicates', () => {
    expect(parseTags('paspor, biaya,\nPaspor , , e-paspor')).toEqual(['paspor', 'biaya', 'e-paspor']);
    expect(
      uniqueTrimmed(['  Berapa biaya paspor? ', 'berapa  biaya paspor?', '', 'brp duit paspor']),
    ).toEqual(['Berapa biaya paspor?', 'brp duit paspor']);
  });

  it('moves list entries within bounds', () => {
    expect(move(['a', 'b', 'c'], 0, 1)).toEqual(['b', 'a', 'c']);
    expect(move(['a', 'b', 'c'], 2, -2)).toEqual(['c', 'a', 'b']);
    expect(move(['a', 'b'], 1, 1)).toEqual(['a', 'b']);
  });

  it('compares form states regardless of key order', () => {
    expect(isDirty({ a: 1, b: [1, 2] }, { b: [1, 2], a: 1 })).toBe(false);
    expect(isDirty({ a: 1, b: [1, 2] }, { a: 1, b: [2, 1] })).toBe(true);
    expect(isDirty({ title: 'x' }, { title: 'x ' })).toBe(true);
  });

  it('turns problem documents into messages per field', () => {
    const validation = new ApiError({
      status: 400,
      code: 'validation_failed',
      title: 'Periksa isian.',
      errors: [
        { field: '/body/slug', code: 'pattern', message: 'Huruf kecil dan tanda hubung saja.' },
        { field: 'questions/2', code: 'minLength', message: 'Terlalu pendek.' },
      ],
    });
    expect(fieldMessages(validation)).toEqual({
      slug: 'Huruf kecil dan tanda hubung saja.',
      'questions.2': 'Terlalu pendek.',
    });
    const conflict = new ApiError({ status: 409, code: 'conflict', title: 'Sudah dipakai.', field: 'slug' });
    expect(fieldMessages(conflict)).toEqual({ slug: 'Sudah dipakai.' });
    expect(fieldMessages(new Error('x'))).toEqual({});
  });
});

describe('dates and fees', () => {
  it("takes today's date in Jakarta, not in the browser's zone", () => {
    expect(todayIn('Asia/Jakarta', new Date('2026-11-28T18:30:00Z'))).toBe('2026-11-29');
    expect(todayIn('Asia/Jakarta', new Date('2026-11-28T16:59:00Z'))).toBe('2026-11-28');
  });

  it('adds days across month and year ends and checks dates', () => {
    expect(addDays('2024-12-31', 1)).toBe('2025-01-01');
    expect(addDays('2024-03-01', -1)).toBe('2024-02-29');
    expect(isDay('2025-02-29')).toBe(false);
    expect(isDay('2024-02-29')).toBe(true);
    expect(isDay('29-02-2024')).toBe(false);
  });

  it('writes calendar dates without shifting them through a time zone', () => {
    expect(formatDay('2024-12-17', 'id')).toBe('17 Des 2024');
    expect(formatDay('2024-12-17', 'en')).toBe('17 Dec 2024');
    expect(formatDay(null, 'en')).toBe('');
  });

  it('places periods in the past, present or future, both ends inclusive', () => {
    const p = { validFrom: '2024-12-17', validTo: '2026-06-30' };
    expect(periodState(p, '2024-12-16')).toBe('future');
    expect(periodState(p, '2024-12-17')).toBe('current');
    expect(periodState(p, '2026-06-30')).toBe('current');
    expect(periodState(p, '2026-07-01')).toBe('past');
    expect(periodState({ validFrom: '2024-12-17', validTo: null }, '2099-01-01')).toBe('current');
  });

  it('groups fee periods by code, newest first, and finds the one in force', () => {
    const fees = [
      fee({ validFrom: '2019-06-01', validTo: '2024-12-16', amount: 655_000 }),
      fee({ validFrom: '2024-12-17' }),
      fee({ code: 'PERCEPATAN', amount: 1_000_000 }),
      fee({ code: 'ITAS', serviceCode: 'izin-tinggal' }),
    ];
    const groups = groupFees(fees);
    expect(groups.map((g) => g.code)).toEqual(['ITAS', 'EPASPOR_10', 'PERCEPATAN']);
    expect(groups[1]!.rows.map((r) => r.validFrom)).toEqual(['2024-12-17', '2019-06-01']);
    expect(feeInForce(fees, 'EPASPOR_10', '2024-12-16')?.amount).toBe(655_000);
    expect(feeInForce(fees, 'EPASPOR_10', '2025-01-01')?.amount).toBe(950_000);
    expect(feeInForce(fees, 'NOPE', '2025-01-01')).toBeUndefined();
  });

  it('plans a fee change: the open period ends the day before; other overlaps are refused', () => {
    const open = fee({ validFrom: '2024-12-17' });
    const closed = fee({ code: 'X', validFrom: '2020-01-01', validTo: '2020-12-31' });
    expect(planFeeChange([open, closed], 'EPASPOR_10', '2027-01-01', null)).toEqual({
      ok: true,
      close: { fee: open, validTo: '2026-12-31' },
    });
    expect(planFeeChange([open], 'EPASPOR_10', '2024-12-17', null)).toEqual({
      ok: false,
      reason: 'before_open_period',
      fee: open,
    });
    expect(planFeeChange([closed], 'X', '2020-06-01', '2021-01-01')).toEqual({
      ok: false,
      reason: 'overlap',
      fee: closed,
    });
    expect(planFeeChange([closed], 'X', '2021-01-01', null)).toEqual({ ok: true, close: null });
    expect(planFeeChange([open], 'NEW', '2025-01-01', null)).toEqual({ ok: true, close: null });
  });

  it('writes and reads rupiah amounts', () => {
    expect(formatRupiah(650_000)).toBe('Rp650.000');
    expect(formatRupiah(0)).toBe('Rp0');
    expect(parseRupiah('Rp 1.000.000')).toBe(1_000_000);
    expect(parseRupiah('650000')).toBe(650_000);
    expect(parseRupiah('650.000,50')).toBeUndefined();
    expect(parseRupiah('-5')).toBeUndefined();
    expect(parseRupiah('')).toBeUndefined();
  });
});

describe('diffs and the question report', () => {
  it('counts inserted and deleted words', () => {
    expect(
      diffCounts([
        { op: 'equal', text: 'Biaya paspor ' },
        { op: 'delete', text: 'Rp655.000 lama' },
        { op: 'insert', text: 'Rp650.000' },
      ]),
    ).toEqual({ inserted: 1, deleted: 2 });
  });

  it('collapses long unchanged stretches around the changes, keeping two lines of context', () => {
    const lines = (from: number, to: number) =>
      Array.from({ length: to - from + 1 }, (_, i) => `line ${from + i}`).join('\n');
    const parts = [
      { op: 'equal' as const, text: `${lines(1, 10)}\nstart ` },
      { op: 'insert' as const, text: 'new' },
      { op: 'equal' as const, text: ` end\n${lines(11, 20)}\nnext ` },
      { op: 'delete' as const, text: 'old' },
      { op: 'equal' as const, text: `\n${lines(21, 22)}` },
    ];
    expect(collapseUnchanged(parts)).toEqual([
      { op: 'skip', lines: 8 },
      { op: 'equal', text: 'line 9\nline 10\nstart ' },
      { op: 'insert', text: 'new' },
      { op: 'equal', text: ' end\nline 11\nline 12\n' },
      { op: 'skip', lines: 6 },
      { op: 'equal', text: 'line 19\nline 20\nnext ' },
      { op: 'delete', text: 'old' },
      { op: 'equal', text: '\nline 21\nline 22' },
    ]);
    // Nothing to cut: short stretches and unchanged fields stay whole.
    const short = [
      { op: 'equal' as const, text: 'a\nb ' },
      { op: 'insert' as const, text: 'c' },
    ];
    expect(collapseUnchanged(short)).toEqual(short);
    expect(collapseUnchanged([{ op: 'equal', text: lines(1, 50) }])).toEqual([
      { op: 'equal', text: lines(1, 50) },
    ]);
  });

  it('reports the last 30 days by default and cleans scrubbed questions', () => {
    expect(defaultQuestionFilters('2026-11-28')).toEqual({ from: '2026-10-30', to: '2026-11-28', lang: '' });
    expect(questionToVariant('paspor saya [… ] hilang')).toBe('paspor saya [… ] hilang');
    expect(questionToVariant('kirim ke […] ya,  paspor  hilang')).toBe('kirim ke ya, paspor hilang');
  });
});
