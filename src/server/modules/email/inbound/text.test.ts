import { describe, expect, it } from 'vitest';
import { cleanSubject, detectLanguage, guessCaseType, newTextOf } from './text.js';

describe('the new text of a reply', () => {
  it('drops the quoted message after an "On … wrote:" line and quoted lines', () => {
    expect(
      newTextOf(
        'Terima kasih, sudah jelas.\n\nOn Sat, 28 Nov 2026 at 09:00, Kantor <a@b.id> wrote:\n> Silakan datang',
      ),
    ).toBe('Terima kasih, sudah jelas.');
  });

  it("understands Indonesian and Outlook quote headers and Gmail's wrapped intro", () => {
    expect(newTextOf('Baik.\nPada Sab, 28 Nov 2026 pukul 09.00 Kantor menulis:\n> x')).toBe('Baik.');
    expect(newTextOf('Oke.\n\nFrom: Kantor Imigrasi\nSent: Saturday\nTo: Siti\n\nisi lama')).toBe('Oke.');
    expect(
      newTextOf(
        'Siap.\n\nOn Sat, 28 Nov 2026 at 09:00, Kantor Imigrasi Surabaya <informasi@sby.example.go.id>\nwrote:\n> x',
      ),
    ).toBe('Siap.');
  });

  it('drops the signature and phone footers but keeps a body that would otherwise be empty', () => {
    expect(newTextOf('Nomor permohonan 1234.\n-- \nSiti\n0812')).toBe('Nomor permohonan 1234.');
    expect(newTextOf('Ya.\n\nDikirim dari iPhone saya')).toBe('Ya.');
    expect(newTextOf('> hanya kutipan')).toBe('> hanya kutipan');
  });

  it('keeps a "From:" line that is part of the text', () => {
    expect(newTextOf('From: Jakarta, saya pindah ke Surabaya.\nMohon info.')).toBe(
      'From: Jakarta, saya pindah ke Surabaya.\nMohon info.',
    );
  });
});

describe('subjects, languages and case types', () => {
  it('removes reply and forward prefixes in several languages', () => {
    expect(cleanSubject('Re: RE: Fwd: Bls: AW: Paspor hilang')).toBe('Paspor hilang');
    expect(cleanSubject('Re[2]: Antrean')).toBe('Antrean');
  });

  it('detects English only when it is clearly English', () => {
    expect(detectLanguage('Hello, I would like to ask how I can renew my passport. Thank you')).toBe('en');
    expect(detectLanguage('Selamat pagi, saya ingin bertanya bagaimana cara memperpanjang paspor')).toBe(
      'id',
    );
    expect(detectLanguage('Paspor SBY 2026')).toBe('id');
  });

  it('guesses complaint and compliment from clear words, request otherwise', () => {
    expect(guessCaseType('Keluhan antrean', 'Saya kecewa')).toBe('complaint');
    expect(guessCaseType('Terima kasih', 'Terima kasih atas pelayanan yang cepat')).toBe('compliment');
    expect(guessCaseType('Syarat paspor', 'Apa saja syaratnya?')).toBe('request');
  });
});
