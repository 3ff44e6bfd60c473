import type { ParsedMail } from 'mailparser';
import { LOOP_HEADER } from '../mailer.js';

export type IgnoreReason = 'auto_reply' | 'bounce' | 'loop' | 'mailing_list';

// Only phrasings auto-responders use at the start of a subject: a citizen may well ask about "cuti bersama".
const AUTO_SUBJECT =
  /^\s*(auto(matic)?[\s-]*(reply|response|antwort)\b|autoreply\b|out of (the )?office\b|abwesenheitsnotiz|balasan otomatis\b|(on )?vacation\s*:|(sedang )?cuti\s*:|away\s*:)/i;
const BOUNCE_SUBJECT =
  /^\s*(undeliverable|undelivered mail|delivery status notification|mail delivery (failed|failure|system)|returned mail|failure notice|delivery failure)\b/i;
const BOUNCE_SENDER = /^(mailer-daemon|postmaster|mail-daemon|bounces?)([+@-]|$)/i;

/**
 * Mail that must never become a case or a reply: automatic replies (RFC 3834 Auto-Submitted, the headers
 * Exchange and older responders use, vacation subjects), delivery reports (DSNs, MAILER-DAEMON, the null
 * sender), mailing lists and bulk mail, and mail that carries Loket's own loop header.
 */
export function classifyInbound(mail: ParsedMail, envelope: { nullSender: boolean }): IgnoreReason | null {
  const header = (name: string) => {
    const value = mail.headers.get(name);
    if (value === undefined || value === null) return '';
    return typeof value === 'string' ? value : JSON.stringify(value);
  };
  if (mail.headers.has(LOOP_HEADER.toLowerCase())) return 'loop';

  const from = mail.from?.value[0]?.address ?? '';
  const contentType = mail.headers.get('content-type') as
    | { value?: string; params?: Record<string, string> }
    | undefined;
  if (
    envelope.nullSender ||
    BOUNCE_SENDER.test(from) ||
    (contentType?.value === 'multipart/report' &&
      /delivery-status/i.test(contentType.params?.['report-type'] ?? '')) ||
    BOUNCE_SUBJECT.test(mail.subject ?? '')
  ) {
    return 'bounce';
  }

  const autoSubmitted = header('auto-submitted').toLowerCase();
  if (autoSubmitted && autoSubmitted !== 'no') return 'auto_reply';
  if (mail.headers.has('x-autoreply') || mail.headers.has('x-autorespond')) return 'auto_reply';
  const precedence = header('precedence').toLowerCase();
  if (precedence === 'auto_reply') return 'auto_reply';
  if (AUTO_SUBJECT.test(mail.subject ?? '')) return 'auto_reply';
  if (
    precedence === 'bulk' ||
    precedence === 'junk' ||
    precedence === 'list' ||
    // mailparser folds List-* headers into its own structure; the raw header lines still show them.
    mail.headerLines.some((line) => line.key === 'list-id')
  ) {
    return 'mailing_list';
  }
  return null;
}
