import type { CaseType, Language } from '../../../../shared/enums.js';

/**
 * The new part of a reply: what the citizen wrote above the quoted earlier message and their signature. The raw
 * message stays stored; this is only what the case timeline shows. If trimming would leave nothing, the whole
 * text is kept.
 */
export function newTextOf(text: string): string {
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  const cut = lines.findIndex((line, i) => isQuoteIntro(line, lines[i + 1]) || isSignatureStart(line));
  const kept = (cut === -1 ? lines : lines.slice(0, cut)).filter((line) => !/^\s*>/.test(line));
  const result = kept
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
  return result || text.trim();
}

const QUOTE_INTROS = [
  /^\s*On .{4,200} wrote:\s*$/i,
  /^\s*Pada .{4,200} menulis:\s*$/i,
  /^\s*Le .{4,200} a écrit\s*:\s*$/i,
  /^\s*Am .{4,200} schrieb .{0,100}:\s*$/i,
  /^\s*-{2,}\s*(Original Message|Pesan Asli|Forwarded message|Pesan yang diteruskan)\s*-{2,}\s*$/i,
  /^\s*_{10,}\s*$/,
  /^\s*From:\s.+$/i,
  /^\s*Dari:\s.+$/i,
];

function isQuoteIntro(line: string, next: string | undefined): boolean {
  if (QUOTE_INTROS.some((pattern) => pattern.test(line))) {
    // "From:" alone is common in text; only a header block (From: then Sent:/Date:/To:) counts.
    if (/^\s*(From|Dari):/i.test(line)) return /^\s*(Sent|Date|To|Dikirim|Tanggal|Kepada):/i.test(next ?? '');
    return true;
  }
  // Gmail wraps long "On … wrote:" lines in two.
  return /^\s*(On|Pada)\s.{4,200}$/i.test(line) && /^.{0,120}(wrote|menulis):\s*$/i.test(next ?? '');
}

function isSignatureStart(line: string): boolean {
  return (
    line === '-- ' ||
    line === '--' ||
    /^\s*(Sent from my|Dikirim dari|Get Outlook for|Kirim dari)\b/i.test(line)
  );
}

/** Subject without reply and forward prefixes, in the languages our citizens' mail programs use. */
export function cleanSubject(subject: string | undefined): string {
  let value = (subject ?? '').replace(/\s+/g, ' ').trim();
  for (;;) {
    const next = value.replace(/^(re|fw|fwd|aw|wg|tr|bls|balas|trs|teruskan)(\[\d+\])?\s*:\s*/i, '');
    if (next === value) return value;
    value = next;
  }
}

const ID_WORDS = new Set(
  'yang dan saya di ke dari tidak untuk dengan ini itu ada mohon terima kasih bapak ibu sudah belum bisa apakah bagaimana kami kapan tolong paspor pak bu atas karena sampai sudah akan'.split(
    ' ',
  ),
);
const EN_WORDS = new Set(
  'the and i to is my you please for with thank thanks this that have has not can how when would could your was are of it dear hello regards'.split(
    ' ',
  ),
);

/** Indonesian unless the text is clearly English (counting common words of each). */
export function detectLanguage(text: string): Language {
  let id = 0;
  let en = 0;
  for (const word of text
    .toLowerCase()
    .match(/\p{L}+/gu)
    ?.slice(0, 400) ?? []) {
    if (ID_WORDS.has(word)) id++;
    if (EN_WORDS.has(word)) en++;
  }
  return en > id * 1.5 && en >= 3 ? 'en' : 'id';
}

const COMPLAINT =
  /\b(keluhan|mengeluh|pengaduan|mengadu|komplain|kecewa|complaint|complain|disappointed|unacceptable)\b/i;
const COMPLIMENT =
  /\b(pujian|apresiasi|compliment|appreciation)\b|terima kasih atas pelayanan|thank you for (the|your) (great|excellent|good) service/i;

/** A request, unless the subject or text clearly says complaint or compliment. Staff can change it. */
export function guessCaseType(subject: string, text: string): CaseType {
  const sample = `${subject}\n${text.slice(0, 2000)}`;
  if (COMPLAINT.test(sample)) return 'complaint';
  if (COMPLIMENT.test(sample)) return 'compliment';
  return 'request';
}
