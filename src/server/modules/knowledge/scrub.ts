/**
 * What the question log keeps of a question: the text in lower case with single spaces, and personal data
 * replaced by `[…]` — e-mail addresses, phone numbers, NIK and other long digit runs, passport numbers and
 * tracking codes (UU 27/2022: publishers need to see what is asked, not who asked it).
 */
const REDACTED = '[…]';

const PATTERNS: RegExp[] = [
  // e-mail addresses
  /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}.-]+\.[\p{L}]{2,}/gu,
  // tracking codes such as SBY-26-7K3Q9MX
  /\b[a-z]{2,5}-\d{2}-[0-9a-z]{5,10}\b/gi,
  // phone numbers: +62 / 08… with separators, at least 8 digits in all
  /(?:\+|\b)(?:\d[\s.-]?){8,}\d\b/g,
  // Indonesian passport numbers: one or two letters and 6–8 digits (e.g. C1234567, AB123456)
  /\b[a-z]{1,2}\s?\d{6,8}\b/gi,
  // any other run of 6 or more digits (NIK is 16, KK 16, receipt numbers, …)
  /\d{6,}/g,
];

export function scrubPersonalData(text: string): string {
  let scrubbed = text;
  for (const pattern of PATTERNS) scrubbed = scrubbed.replace(pattern, REDACTED);
  return scrubbed;
}

/** The question as logged and grouped: scrubbed, lower case, single spaces, no trailing punctuation. */
export function normaliseQuestion(text: string): string {
  return scrubPersonalData(text.normalize('NFKC'))
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .replace(/[\s?!.,;:]+$/u, '')
    .trim()
    .slice(0, 500);
}
