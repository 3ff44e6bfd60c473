import { describe, expect, it } from 'vitest';
import { applySynonyms } from '../search/synonyms.js';
import { editDistance, Vocabulary } from '../search/typos.js';
import { diffText } from './diff.js';
import { formatRupiah, isValidOn, renderFees } from './fees.js';
import { normaliseQuestion } from './scrub.js';

describe('diffText', () => {
  it('diffs by line, then by word within a changed line', () => {
    expect(diffText('Biaya Rp350.000\nBawa KTP\n', 'Biaya Rp650.000\nBawa KTP\nBawa KK\n')).toEqual([
      { op: 'equal', text: 'Biaya ' },
      { op: 'delete', text: 'Rp350.000' },
      { op: 'insert', text: 'Rp650.000' },
      { op: 'equal', text: '\nBawa KTP\n' },
      { op: 'insert', text: 'Bawa KK\n' },
    ]);
  });

  it('joins back to either side', () => {
    const before = 'satu dua tiga\nempat lima\nenam';
    const after = 'satu tiga dua\nlima empat\nenam tujuh';
    const parts = diffText(before, after);
    expect(
      parts
        .filter((p) => p.op !== 'insert')
        .map((p) => p.text)
        .join(''),
    ).toBe(before);
    expect(
      parts
        .filter((p) => p.op !== 'delete')
        .map((p) => p.text)
        .join(''),
    ).toBe(after);
  });
});

describe('question log scrubbing', () => {
  it('removes e-mail addresses, phone numbers, NIK, passport numbers and tracking codes', () => {
    const logged = normaliseQuestion(
      'Paspor C1234567 saya hilang! NIK 3578010101010001, HP 0812-3456-7890, e-mail budi.s@mail.co.id, laporan SBY-26-7K3Q9MX??',
    );
    expect(logged).toBe('paspor […] saya hilang! nik […], hp […], e-mail […], laporan […]');
    expect(normaliseQuestion('Biaya paspor 10 tahun berapa?')).toBe('biaya paspor 10 tahun berapa');
  });
});

describe('fees', () => {
  it('formats rupiah the Indonesian way', () => {
    expect(formatRupiah(650_000)).toBe('Rp650.000');
    expect(formatRupiah(1_000_000)).toBe('Rp1.000.000');
    expect(formatRupiah(0)).toBe('Rp0');
  });

  it('is valid within its period, both ends included', () => {
    const fee = { validFrom: '2024-12-17', validTo: '2025-12-31' };
    expect(isValidOn(fee, '2024-12-16')).toBe(false);
    expect(isValidOn(fee, '2024-12-17')).toBe(true);
    expect(isValidOn(fee, '2025-12-31')).toBe(true);
    expect(isValidOn(fee, '2026-01-01')).toBe(false);
    expect(isValidOn({ validFrom: '2024-12-17', validTo: null }, '2099-01-01')).toBe(true);
  });

  it('never guesses a fee that is not in force', () => {
    const fees = new Map([
      [
        'EPASPOR_10TH',
        {
          id: 'x',
          code: 'EPASPOR_10TH',
          serviceCode: 'paspor',
          names: { id: 'e-paspor', en: 'e-passport' },
          amount: 950_000,
          legalBasis: 'PP 45/2024',
          validFrom: '2024-12-17',
          validTo: null,
        },
      ],
    ]);
    expect(renderFees('E-paspor: {{fee:EPASPOR_10TH}}.', fees, 'id')).toBe('E-paspor: Rp950.000.');
    expect(renderFees('Lama: {{fee:PASPOR_LAMA}}', fees, 'en')).toBe(
      'Lama: [fee: see the current fee schedule](/knowledge/en/fees)',
    );
  });
});

describe('synonyms and typos', () => {
  it('replaces whole tokens, hyphenated ones included, once', () => {
    const dictionary = new Map([
      ['brp', 'berapa'],
      ['e-paspor', 'paspor elektronik'],
      ['bikin', 'buat'],
      ['buat', 'membuat'],
    ]);
    expect(applySynonyms('Bikin e-paspor BRP?', dictionary)).toBe('buat paspor elektronik berapa?');
  });

  it('corrects a word to the most frequent known word within the allowed distance', () => {
    const vocabulary = new Vocabulary();
    vocabulary.add('paspor', 40);
    vocabulary.add('pasar', 1);
    vocabulary.add('persyaratan', 5);
    expect(vocabulary.correct('pasport')).toBe('paspor');
    expect(vocabulary.correct('paspro')).toBe('paspor');
    expect(vocabulary.correct('persyaratn')).toBe('persyaratan');
    expect(vocabulary.correct('psr')).toBeUndefined();
    expect(vocabulary.correct('cuaca')).toBeUndefined();
    expect(editDistance('kitten', 'sitting', 3)).toBe(3);
  });
});
