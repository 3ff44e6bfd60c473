import { simpleParser } from 'mailparser';
import { describe, expect, it } from 'vitest';
import { classifyInbound } from './classify.js';

async function classify(headers: string, options = { nullSender: false }) {
  const mail = await simpleParser(
    Buffer.from(
      `${headers}\r\nMessage-ID: <m@example.com>\r\nContent-Type: text/plain\r\n\r\nIsi pesan.\r\n`,
    ),
  );
  return classifyInbound(mail, options);
}

describe('mail that must not become a case', () => {
  it('passes ordinary messages, also one asking about cuti bersama', async () => {
    expect(await classify('From: siti@example.com\r\nSubject: Paspor hilang')).toBeNull();
    expect(
      await classify('From: siti@example.com\r\nSubject: Cuti bersama, kantor buka?\r\nAuto-Submitted: no'),
    ).toBeNull();
  });

  it('recognises auto-replies by header and by subject', async () => {
    expect(await classify('From: a@example.com\r\nSubject: x\r\nAuto-Submitted: auto-replied')).toBe(
      'auto_reply',
    );
    expect(await classify('From: a@example.com\r\nSubject: x\r\nX-Autoreply: yes')).toBe('auto_reply');
    expect(await classify('From: a@example.com\r\nSubject: x\r\nPrecedence: auto_reply')).toBe('auto_reply');
    expect(await classify('From: a@example.com\r\nSubject: Automatic reply: Paspor')).toBe('auto_reply');
    expect(await classify('From: a@example.com\r\nSubject: Out of Office')).toBe('auto_reply');
  });

  it('recognises bounces by sender, null sender, report type and subject', async () => {
    expect(await classify('From: MAILER-DAEMON@mx.example.com\r\nSubject: x')).toBe('bounce');
    expect(await classify('From: postmaster@example.com\r\nSubject: x')).toBe('bounce');
    expect(await classify('From: a@example.com\r\nSubject: x', { nullSender: true })).toBe('bounce');
    expect(await classify('From: a@example.com\r\nSubject: Undeliverable: Paspor')).toBe('bounce');
  });

  it('recognises bulk and list mail, and our own loop header', async () => {
    expect(await classify('From: a@example.com\r\nSubject: x\r\nPrecedence: bulk')).toBe('mailing_list');
    expect(await classify('From: a@example.com\r\nSubject: x\r\nList-Id: <news.example.com>')).toBe(
      'mailing_list',
    );
    expect(await classify('From: a@example.com\r\nSubject: x\r\nX-Loket-Loop: sby.example.go.id')).toBe(
      'loop',
    );
  });
});
