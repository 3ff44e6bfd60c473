import { simpleParser } from 'mailparser';
import { describe, expect, it } from 'vitest';
import { buildMessage, type MimeMessage, quotedPrintable, rfc5322Date } from './mime.js';

const receipt: MimeMessage = {
  from: '"Kantor Imigrasi Kelas I Khusus TPI Surabaya" <informasi@sby.example.go.id>',
  to: 'siti@example.org',
  replyTo: 'informasi@sby.example.go.id',
  subject: '[SBY-26-7K3Q9MX] Laporan Anda kami terima: Antrean penuh — “kuota” habis',
  text: 'Yth. Siti Ñurhaliza,\n\nLaporan Anda telah kami terima dengan kode pelacakan SBY-26-7K3Q9MX.\n',
  html: '<p lang="id">Yth. Siti Ñurhaliza,</p><p>Kode: <strong>SBY-26-7K3Q9MX</strong></p>',
  messageId: '<01a2.sby-26-7k3q9mx@sby.example.go.id>',
  inReplyTo: '<case.01a2@sby.example.go.id>',
  references: ['<case.01a2@sby.example.go.id>', '<reply.01a3@sby.example.go.id>'],
  headers: {
    'X-Loket-Loop': 'sby.example.go.id',
    'List-Unsubscribe': '<https://loket.example.go.id/email/unsubscribe?code=SBY-26-7K3Q9MX&token=abc>',
  },
  date: new Date('2026-11-29T01:13:27.870Z'),
};

/** Header lines (before the first empty line) and body lines. */
function lines(raw: string, newline = '\r\n') {
  const [head = '', ...body] = raw.split(`${newline}${newline}`);
  return { head: head.split(newline), body: body.join(newline).split(newline) };
}

describe('buildMessage', () => {
  it('writes a text and HTML message that a mail parser reads back exactly', async () => {
    const raw = buildMessage(receipt);
    const parsed = await simpleParser(raw);
    expect(parsed.from?.value).toEqual([
      { name: 'Kantor Imigrasi Kelas I Khusus TPI Surabaya', address: 'informasi@sby.example.go.id' },
    ]);
    expect(parsed.to).toMatchObject({ value: [{ address: 'siti@example.org' }] });
    expect(parsed.replyTo).toMatchObject({ value: [{ address: 'informasi@sby.example.go.id' }] });
    expect(parsed.subject).toBe(receipt.subject);
    expect(parsed.text).toBe(receipt.text);
    expect(parsed.html).toBe(receipt.html);
    expect(parsed.messageId).toBe(receipt.messageId);
    expect(parsed.inReplyTo).toBe(receipt.inReplyTo);
    expect(parsed.references).toEqual(receipt.references);
    expect(parsed.date?.toISOString()).toBe('2026-11-29T01:13:27.000Z');
    expect(parsed.headers.get('x-loket-loop')).toBe('sby.example.go.id');
    expect(parsed.headers.get('list')).toMatchObject({
      unsubscribe: { url: 'https://loket.example.go.id/email/unsubscribe?code=SBY-26-7K3Q9MX&token=abc' },
    });
    expect(parsed.headers.get('content-type')).toMatchObject({ value: 'multipart/alternative' });
    expect(parsed.headers.get('mime-version')).toBe('1.0');
  });

  it('keeps to the line lengths of RFC 5322 and RFC 2045, with CRLF on the wire and LF in files', () => {
    const long = {
      ...receipt,
      subject: `${'Pengaduan layanan paspor '.repeat(12)}— selesai`,
      text: 'x'.repeat(500),
    };
    const raw = buildMessage(long);
    expect(raw.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    const { head, body } = lines(raw);
    for (const line of head) expect(line.length).toBeLessThanOrEqual(line.includes('https://') ? 998 : 78);
    for (const line of body) expect(line.length).toBeLessThanOrEqual(76);
    for (const word of raw.match(/=\?UTF-8\?Q\?[^?]*\?=/g) ?? []) expect(word.length).toBeLessThanOrEqual(75);
    const sameBoundary = (message: string) => message.replace(/=_loket_[0-9a-f]+/g, '=_loket_B');
    expect(sameBoundary(buildMessage(long, '\n'))).toBe(sameBoundary(raw).replace(/\r\n/g, '\n'));
  });

  it('writes a text-only message as one quoted-printable part', async () => {
    const raw = buildMessage({ ...receipt, html: undefined });
    expect(raw).toContain(
      'Content-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: quoted-printable',
    );
    expect(raw).not.toContain('multipart');
    const parsed = await simpleParser(raw);
    expect(parsed.text).toBe(receipt.text);
    expect(parsed.html).toBe(false);
  });

  it('never lets a value start a header field of its own', async () => {
    const raw = buildMessage({
      ...receipt,
      subject: 'Tolong\r\nBcc: korban@example.com\r\n\r\nisi palsu',
      headers: { 'X-Loket-Tracking-Code': 'SBY-26-7K3Q9MX\nBcc: lain@example.com' },
    });
    const parsed = await simpleParser(raw);
    expect(parsed.bcc).toBeUndefined();
    expect(parsed.subject).toBe('Tolong Bcc: korban@example.com isi palsu');
    expect(parsed.text).toBe(receipt.text);
    expect(() => buildMessage({ ...receipt, headers: { 'Bad: name': 'x' } })).toThrow(/header name/);
  });

  it('encodes display names and subjects in any script, without splitting a character', async () => {
    for (const [name, subject] of [
      ['Kantor Imigrasi — Surabaya', 'Keluhan 😀 '.repeat(20)],
      ['Kantor "Imigrasi", Surabaya', 'ข้อร้องเรียน 出入国管理 '.repeat(8)],
      ['=?UTF-8?Q?palsu?=', 'a_b=c?d [SBY] =?UTF-8?Q?palsu?= '.repeat(4)],
    ] as const) {
      const parsed = await simpleParser(
        buildMessage({
          ...receipt,
          from: `"${name.replace(/"/g, '\\"')}" <informasi@sby.example.go.id>`,
          subject,
        }),
      );
      expect(parsed.from?.value).toEqual([{ name, address: 'informasi@sby.example.go.id' }]);
      expect(parsed.subject).toBe(subject);
    }
  });

  it('separates the parts with a boundary that quoted-printable text can never contain', () => {
    const raw = buildMessage({ ...receipt, text: '--=_loket_ and ----_ lines\n--\n', html: '<hr>--=_x--' });
    const boundary = /boundary="([^"]+)"/.exec(raw)?.[1] ?? '';
    expect(boundary).toMatch(/^=_loket_[0-9a-f]{24}$/);
    expect(raw.split(`--${boundary}`)).toHaveLength(4);
  });
});

describe('quotedPrintable', () => {
  const decode = async (encoded: string) =>
    (
      await simpleParser(
        `Content-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\n${encoded}`,
      )
    ).text;

  it('round-trips equals signs, tabs, trailing spaces, long lines and every script', async () => {
    const text = [
      'a=b ==3D= end   ',
      '\tindented\t',
      'y'.repeat(200),
      `${'kata '.repeat(40)}akhir`,
      'é'.repeat(60),
      '😀 naïve 出入国 ﷽',
      '',
      '.',
    ].join('\n');
    const encoded = quotedPrintable(text, '\r\n');
    for (const line of encoded.split('\r\n')) {
      expect(line.length).toBeLessThanOrEqual(76);
      expect(line).not.toMatch(/[ \t]$/);
      expect(line).toMatch(/^[\x20-\x7e]*$/);
    }
    expect(await decode(encoded)).toBe(text);
  });

  it('breaks a long line after a space where one is near, never inside an escape', () => {
    const [first] = quotedPrintable(`${'kata '.repeat(20)}`, '\n').split('\n');
    expect(first).toMatch(/kata =$/);
    for (const line of quotedPrintable('é'.repeat(100), '\n').split('\n')) {
      expect(line).toMatch(/^(=C3|=A9)+=?$/);
    }
  });

  it('reads CRLF and CR line ends in the text as line ends', async () => {
    expect(quotedPrintable('a\r\nb\rc\nd', '\n')).toBe('a\nb\nc\nd');
  });
});

describe('rfc5322Date', () => {
  it('writes the date in UTC with a numeric zone', () => {
    expect(rfc5322Date(new Date('2026-01-04T07:05:09Z'))).toBe('Sun, 4 Jan 2026 07:05:09 +0000');
  });
});
