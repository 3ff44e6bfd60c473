import { contrast } from '../../../portal/theme.js';
import type { Config } from '../../config.js';
import type { Db } from '../../db/connection.js';
import type { Case } from '../cases/model.js';
import type { Office } from '../offices/storage.js';
import { satisfactionUrl, statusUrl, unsubscribeUrl } from './links.js';
import type { OutgoingMail } from './mailer.js';
import { escapeHtml, renderHtml, renderSubject, renderText, type Values } from './render.js';
import { CATALOGUES, effectiveTemplate, findMailSettings, threadOf } from './storage.js';
import type { TemplateId, TemplateText } from './templates/types.js';

export interface NotificationDetails {
  reply?: { text: string; author: string | null };
  status?: { to: Case['status']; reason: string | null };
  /** Only for cases that arrived by e-mail: the citizen saw no portal page that could have shown it. */
  accessKey?: string;
}

/** The parts of a case a template can show. */
export type CaseForTemplate = Pick<Case, 'language' | 'contact' | 'trackingCode' | 'subject'>;

/** The values a template's placeholders take for a case. */
export function templateValues(
  config: Config,
  office: Office,
  found: CaseForTemplate,
  details: NotificationDetails,
): Values {
  const texts = CATALOGUES[found.language].texts;
  return {
    'office.name': office.name[found.language],
    'citizen.name': found.contact.name ?? texts.citizenFallbackName,
    'case.trackingCode': found.trackingCode,
    'case.subject': found.subject,
    'links.status': statusUrl(config),
    'links.satisfaction': satisfactionUrl(config, found),
    'reply.text': details.reply?.text,
    'reply.author': details.reply ? (details.reply.author ?? texts.staffFallbackName) : undefined,
    'status.name': details.status ? texts.statuses[details.status.to] : undefined,
    'status.reason': details.status?.reason ?? undefined,
    accessKey: details.accessKey,
  };
}

/** The office's sender address: its configured mail address, else LOKET_MAIL_FROM. */
export async function senderOf(db: Db, config: Config, office: Office, language: Case['language']) {
  const settings = await findMailSettings(db, office.id);
  const address = settings?.address ?? config.mail.from;
  const name = office.name[language].replace(/["\\\r\n]/g, '');
  return { address, from: `"${name}" <${address}>`, domain: address.split('@')[1]!.toLowerCase() };
}

/**
 * A notification to the citizen about their case: the office's template in the case's language, a plain-text and
 * an HTML part in the office's colours, threaded with every earlier message of the case, with a one-click
 * unsubscribe link. `eventId` makes the Message-ID deterministic, so a retried job sends the same message.
 */
export async function composeNotification(
  db: Db,
  config: Config,
  input: { office: Office; case: Case; template: TemplateId; eventId: string; details: NotificationDetails },
): Promise<OutgoingMail> {
  const { office, case: found } = input;
  const template = await effectiveTemplate(db, office.id, input.template, found.language);
  const values = templateValues(config, office, found, input.details);
  const sender = await senderOf(db, config, office, found.language);
  const thread = await threadHeaders(db, found, sender.domain);
  const unsubscribe = unsubscribeUrl(config, found.trackingCode);
  const texts = CATALOGUES[found.language].texts;
  const notice = texts.automaticNotice
    .replace('{{office}}', office.name[found.language])
    .replace('{{code}}', found.trackingCode);
  const rendered = renderTemplate(template, values);
  const subject = rendered.subject.includes(`[${found.trackingCode}]`)
    ? rendered.subject
    : `[${found.trackingCode}] ${rendered.subject}`;
  return {
    to: found.contact.email!,
    from: sender.from,
    replyTo: sender.address,
    subject,
    text: `${rendered.text}\n\n-- \n${notice}\n${texts.unsubscribeLine.replace('{{url}}', unsubscribe)}\n`,
    html: brandedHtml({
      language: found.language,
      title: subject,
      officeName: office.name[found.language],
      brandColor: office.portal.brandColor,
      content: rendered.html,
      notice,
      unsubscribe: { url: unsubscribe, label: texts.unsubscribeLink },
    }),
    messageId: `<${input.eventId}.${found.trackingCode.toLowerCase()}@${sender.domain}>`,
    inReplyTo: thread.inReplyTo,
    references: thread.references,
    headers: {
      // A staff member wrote a reply; everything else is generated (RFC 3834), so auto-responders stay quiet.
      ...(input.template === 'reply' ? {} : { 'Auto-Submitted': 'auto-generated' }),
      'List-Unsubscribe': `<${unsubscribe}>`,
      'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
      'X-Loket-Tracking-Code': found.trackingCode,
    },
  };
}

export function renderTemplate(template: TemplateText, values: Values): TemplateText {
  return {
    subject: renderSubject(template.subject, values),
    text: renderText(template.text, values),
    html: renderHtml(template.html, values),
  };
}

/** The synthetic first message of a case's thread, for cases that did not start as an e-mail. */
export function threadRoot(caseId: string, domain: string): string {
  return `<case.${caseId}@${domain}>`;
}

/**
 * In-Reply-To and References for the next message of a case: the citizen's last e-mail if there is one (so it
 * nests under what they wrote), and the whole thread from its first message, capped like mail clients do.
 */
async function threadHeaders(
  db: Db,
  found: Case,
  domain: string,
): Promise<{ inReplyTo: string; references: string[] }> {
  const thread = await threadOf(db, found.id);
  const ids = thread.map((m) => m.messageId);
  const references = thread[0]?.direction === 'in' ? ids : [threadRoot(found.id, domain), ...ids];
  const lastInbound = [...thread].reverse().find((m) => m.direction === 'in');
  const capped = references.length > 20 ? [references[0]!, ...references.slice(-19)] : references;
  return { inReplyTo: lastInbound?.messageId ?? capped[capped.length - 1]!, references: capped };
}

const DEFAULT_BRAND = '#0b4f8a';

export function brandedHtml(parts: {
  language: string;
  title: string;
  officeName: string;
  brandColor: string | null;
  content: string;
  notice: string;
  unsubscribe: { url: string; label: string };
}): string {
  const brand =
    parts.brandColor && /^#[0-9a-fA-F]{6}$/.test(parts.brandColor)
      ? parts.brandColor.toLowerCase()
      : DEFAULT_BRAND;
  const text = contrast(brand, '#ffffff') >= contrast(brand, '#0b0c0c') ? '#ffffff' : '#0b0c0c';
  // Mail programs ignore <style> blocks and classes unevenly: inline styles and a table layout are what works.
  return `<!doctype html>
<html lang="${escapeHtml(parts.language)}">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>${escapeHtml(parts.title)}</title></head>
<body style="margin:0;padding:0;background:#f3f2f1;font-family:Arial,Helvetica,sans-serif;color:#0b0c0c">
<table role="presentation" width="100%" cellpadding="0" cellspacing="0" style="max-width:640px;margin:0 auto">
<tr><td style="background:${brand};color:${text};padding:16px 24px;font-size:20px;font-weight:bold">${escapeHtml(parts.officeName)}</td></tr>
<tr><td style="background:#ffffff;padding:24px;font-size:16px;line-height:1.5">
${parts.content}
</td></tr>
<tr><td style="padding:16px 24px;font-size:13px;line-height:1.4;color:#505a5f">${escapeHtml(parts.notice)}<br><a href="${escapeHtml(parts.unsubscribe.url)}" style="color:#505a5f">${escapeHtml(parts.unsubscribe.label)}</a></td></tr>
</table>
</body>
</html>
`;
}
