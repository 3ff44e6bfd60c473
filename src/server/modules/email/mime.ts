import { randomBytes } from 'node:crypto';

/**
 * The raw text of a message Loket sends: RFC 5322 headers, a UTF-8 text part and optionally an HTML alternative
 * (MIME, RFC 2045–2047), both quoted-printable.
 *
 * Why not nodemailer's composer: it builds every message through a pipeline of streams, ~500 µs of CPU for a
 * 3 KB receipt (measured), the largest single cost a new case leaves behind. These messages have one fixed shape,
 * and building it as a string costs a few tens of µs. nodemailer still delivers over SMTP and signs with DKIM.
 */
export interface MimeMessage {
  from: string;
  to: string;
  replyTo?: string;
  subject: string;
  text: string;
  html?: string;
  messageId: string;
  inReplyTo?: string;
  references?: string[];
  /** Extra header fields, written first, in their order. */
  headers?: Record<string, string>;
  date: Date;
}

/** Lines end in CRLF on the wire (RFC 5322); the `.eml` files of the outbox use LF, as mail programs expect. */
export type Newline = '\r\n' | '\n';

const LINE = 78;
const HEADER_NAME = /^[!-9;-~]+$/;

export function buildMessage(message: MimeMessage, newline: Newline = '\r\n'): string {
  const head = headerFields(message, newline);
  if (message.html === undefined) {
    head.push(...textPartHeaders('plain'));
    // A message ends with a line break (SMTP's end of data needs one): the text's own, or one added.
    const body = quotedPrintable(message.text, newline);
    return `${head.join(newline)}${newline}${newline}${body}${body.endsWith(newline) ? '' : newline}`;
  }
  const boundary = `=_loket_${randomBytes(12).toString('hex')}`;
  head.push(`Content-Type: multipart/alternative;${newline} boundary="${boundary}"`);
  const part = (subtype: 'plain' | 'html', body: string) =>
    `--${boundary}${newline}${textPartHeaders(subtype).join(newline)}${newline}${newline}` +
    `${quotedPrintable(body, newline)}${newline}`;
  return (
    `${head.join(newline)}${newline}${newline}` +
    part('plain', message.text) +
    part('html', message.html) +
    `--${boundary}--${newline}`
  );
}

/** Every header field but the content's, the caller's extra fields first. */
function headerFields(message: MimeMessage, newline: Newline): string[] {
  const head: string[] = [];
  const add = (name: string, value: string | undefined, kind: HeaderKind = 'text') => {
    if (value !== undefined) head.push(headerField(name, value, kind, newline));
  };
  for (const [name, value] of Object.entries(message.headers ?? {})) {
    if (!HEADER_NAME.test(name)) throw new Error(`invalid header name: ${name}`);
    add(name, value);
  }
  add('From', message.from, 'address');
  add('To', message.to, 'address');
  add('Reply-To', message.replyTo, 'address');
  add('In-Reply-To', message.inReplyTo, 'tokens');
  add('References', message.references?.length ? message.references.join(' ') : undefined, 'tokens');
  add('Subject', message.subject);
  add('Message-ID', message.messageId, 'tokens');
  add('Date', rfc5322Date(message.date), 'tokens');
  head.push('MIME-Version: 1.0');
  return head;
}

function textPartHeaders(subtype: 'plain' | 'html'): string[] {
  return [`Content-Type: text/${subtype}; charset=utf-8`, 'Content-Transfer-Encoding: quoted-printable'];
}

/**
 * `text`: unstructured (Subject, custom fields); `address`: a mailbox, `addr` or `"Name" <addr>`; `tokens`:
 * message ids and dates, never encoded. Line breaks in a value become spaces: a header value can never start a new
 * field (a citizen's subject is part of the receipt's).
 */
type HeaderKind = 'text' | 'address' | 'tokens';

function headerField(name: string, value: string, kind: HeaderKind, newline: Newline): string {
  const flat = value.replace(/[\r\n]+/g, ' ');
  if (kind === 'address') return fold(`${name}: ${mailbox(flat)}`, newline);
  if (kind === 'text' && needsEncoding(flat))
    return `${name}: ${encodedWords(flat, name.length + 2, newline)}`;
  return fold(`${name}: ${flat}`, newline);
}

/**
 * Anything but printable ASCII and spaces, or text a mail program would take for an encoded word (`=?`): such a
 * value is written as encoded words.
 */
function needsEncoding(value: string): boolean {
  return /[^\x20-\x7e]|=\?/.test(value);
}

const MAILBOX = /^\s*(?:"((?:[^"\\]|\\.)*)"|([^<"]*?))\s*<([^<>\s]+)>\s*$/;
/** RFC 5322 `atext` and spaces: a display name of only these needs no quotes. */
const ATOMS = /^[A-Za-z0-9!#$%&'*+/=?^_`{|}~ -]+$/;

/** The display name (empty when there is none) and the address of `addr` or `"Name" <addr>`. */
export function parseMailbox(value: string): { name: string; address: string } {
  const match = MAILBOX.exec(value);
  if (!match) return { name: '', address: value.trim() };
  return { name: (match[1]?.replace(/\\(.)/g, '$1') ?? match[2] ?? '').trim(), address: match[3]! };
}

function mailbox(value: string): string {
  const { name, address } = parseMailbox(value);
  if (!name) return address;
  if (needsEncoding(name)) return `${encodedWords(name, 0, '')} <${address}>`;
  if (ATOMS.test(name)) return `${name} <${address}>`;
  return `"${name.replace(/["\\]/g, '\\$&')}" <${address}>`;
}

/** Folds a header line at spaces so that lines stay within 78 characters where a space allows it. */
function fold(line: string, newline: Newline): string {
  if (line.length <= LINE) return line;
  const words = line.split(' ');
  const lines: string[] = [];
  let current = words[0]!;
  for (const word of words.slice(1)) {
    if (current.length + 1 + word.length > LINE) {
      lines.push(current);
      current = ` ${word}`;
    } else current += ` ${word}`;
  }
  lines.push(current);
  return lines.join(newline);
}

/** Characters an encoded word may carry as they are: letters, digits and `!*+-/` (safe in a display name too). */
const PHRASE_SAFE = /[A-Za-z0-9!*+\-/]/;
const ENCODED_WORD_MAX = 75;
const ENCODED_WORD_OVERHEAD = '=?UTF-8?Q??='.length;

/**
 * RFC 2047 Q-encoded words, each at most 75 characters and never splitting a character, on folded lines. The
 * first line is shorter by `firstLineUsed` (the field's name). Without `newline` the words stay on one line,
 * for the caller to fold.
 */
function encodedWords(value: string, firstLineUsed: number, newline: Newline | ''): string {
  const words: string[] = [];
  let payload = '';
  let limit = Math.min(ENCODED_WORD_MAX, LINE - firstLineUsed) - ENCODED_WORD_OVERHEAD;
  for (const character of value) {
    const encoded = character === ' ' ? '_' : PHRASE_SAFE.test(character) ? character : escaped(character);
    if (payload.length + encoded.length > limit && payload) {
      words.push(`=?UTF-8?Q?${payload}?=`);
      payload = '';
      limit = ENCODED_WORD_MAX - ENCODED_WORD_OVERHEAD;
    }
    payload += encoded;
  }
  words.push(`=?UTF-8?Q?${payload}?=`);
  return words.join(`${newline} `);
}

/** `=XX` for each UTF-8 byte of the character: the escape of quoted-printable and of Q-encoded words alike. */
function escaped(character: string): string {
  let out = '';
  for (const byte of Buffer.from(character, 'utf8')) out += `=${HEX[byte]}`;
  return out;
}

const HEX = Array.from({ length: 256 }, (_, byte) => byte.toString(16).toUpperCase().padStart(2, '0'));

const QP_MAX = 76;
/** Everything but printable ASCII without `=`, and spaces. */
const QP_ESCAPE = /[^\x20-\x3c\x3e-\x7e]/gu;

/** Quoted-printable (RFC 2045 §6.7): lines of at most 76 characters, soft breaks after a space where possible. */
export function quotedPrintable(text: string, newline: Newline): string {
  const out: string[] = [];
  for (const line of text.replace(/\r\n?/g, '\n').split('\n')) {
    let encoded = line.replace(QP_ESCAPE, escaped);
    // A space at the end of a line may be dropped in transit, so it is written out.
    if (encoded.endsWith(' ')) encoded = `${encoded.slice(0, -1)}=20`;
    while (encoded.length > QP_MAX) {
      const cut = softBreak(encoded);
      out.push(`${encoded.slice(0, cut)}=`);
      encoded = encoded.slice(cut);
    }
    out.push(encoded);
  }
  return out.join(newline);
}

/** Where to end a line of at most 75 characters plus the soft break's `=`: after a space, never inside `=XX`. */
function softBreak(encoded: string): number {
  let cut = QP_MAX - 1;
  if (encoded[cut - 1] === '=') cut -= 1;
  else if (encoded[cut - 2] === '=') cut -= 2;
  const space = encoded.lastIndexOf(' ', cut - 1);
  return space >= cut - 20 ? space + 1 : cut;
}

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** `Sun, 29 Nov 2026 01:13:27 +0000` (RFC 5322 §3.3), in UTC. */
export function rfc5322Date(date: Date): string {
  const two = (n: number) => String(n).padStart(2, '0');
  return (
    `${DAYS[date.getUTCDay()]}, ${date.getUTCDate()} ${MONTHS[date.getUTCMonth()]} ${date.getUTCFullYear()} ` +
    `${two(date.getUTCHours())}:${two(date.getUTCMinutes())}:${two(date.getUTCSeconds())} +0000`
  );
}
