import { describe, expect, it } from 'vitest';
import type { PublicationContent } from './model.js';
import { checkPublication, foldText } from './privacy-check.js';

const persons = [
  { fullName: 'Chen Bo', documentNumber: 'E12345678' },
  { fullName: 'Nguyễn Văn An', documentNumber: 'C 0456 789' },
];

function content(body: string, extra: Partial<PublicationContent['texts']> = {}): PublicationContent {
  return {
    category: 'enforcement',
    texts: {
      id: { title: 'Deportasi tiga WNA', summary: 'Kantor Imigrasi mendeportasi tiga WNA.', body },
      ...extra,
    },
    citations: ['a', 'b'],
  };
}

const kinds = (c: PublicationContent) =>
  checkPublication(c, persons).map((f) => `${f.language}.${f.field}:${f.kind}`);

describe('the pre-publication privacy check', () => {
  it('lets a text with initials, nationality, dates and legal references pass', () => {
    const body =
      'CB (Tiongkok) dan NVA (Vietnam) dideportasi pada 20-11-2026 berdasarkan Pasal 122 huruf a UU 6/2011. Layanan 24 jam: 150 100.';
    expect(checkPublication(content(body), persons)).toEqual([]);
  });

  it('finds full names regardless of case and accents, and name parts of three letters or more', () => {
    expect(kinds(content('Warga negara CHEN BO dideportasi.'))).toEqual(['id.body:full_name']);
    expect(kinds(content('Sdr. Nguyen dideportasi.'))).toEqual(['id.body:name_part']);
    // "Bo" has two letters: too short to count as a name part on its own.
    expect(kinds(content('Bo pulang.'))).toEqual([]);
    expect(foldText('Nguyễn  Văn-An')).toBe('nguyen van an');
  });

  it('finds the cited document numbers with or without spaces, and number patterns', () => {
    expect(kinds(content('Paspor C0456789 ditahan.'))).toEqual(['id.body:document_number']);
    expect(kinds(content('Paspor e 1234 5678.'))).toEqual(['id.body:document_number']);
    expect(kinds(content('NIK 3578012345678901.'))).toEqual(['id.body:nik']);
    expect(kinds(content('Hubungi 0812-3456-7890.'))).toEqual(['id.body:phone']);
    expect(kinds(content('Hubungi +62 812 3456 7890.'))).toEqual(['id.body:phone']);
    expect(kinds(content('Paspor X9876543 palsu.'))).toEqual(['id.body:passport_number']);
  });

  it('scans every language version, the title, summary and image alternative texts', () => {
    const found = kinds(
      content('![Foto Chen Bo di bandara](/news/images/0190a1b2-0000-7000-8000-000000000000)', {
        en: { title: 'Chen Bo deported', summary: 'Passport E12345678.', body: 'Text.' },
      }),
    );
    expect(found).toEqual(['id.image_alt:full_name', 'en.title:full_name', 'en.summary:document_number']);
    const [finding] = checkPublication(content('Chen Bo'), persons);
    expect(finding).toMatchObject({ excerpt: 'C••••••', citation: 1 });
  });
});
