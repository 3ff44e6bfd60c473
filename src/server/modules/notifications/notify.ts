import type { Language } from '../../../shared/enums.js';
import type { Db } from '../../db/connection.js';
import { toBool } from '../../db/dialect.js';
import { t } from '../../i18n/index.js';
import { enqueueJob } from '../../jobs/outbox.js';
import { isDefinedJob } from '../../jobs/registry.js';
import { newId } from '../../lib/ids.js';

/** What staff are told about, each with its own in-app / e-mail preference. */
export const NOTIFICATION_KINDS = [
  'assigned',
  'mentioned',
  'sla_due_soon',
  'sla_breached',
  'escalated',
] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

/** Until a person chooses otherwise: everything in the console; e-mail for what needs acting on. */
export const DEFAULT_PREFERENCES: Record<NotificationKind, { inApp: boolean; email: boolean }> = {
  assigned: { inApp: true, email: true },
  mentioned: { inApp: true, email: true },
  sla_due_soon: { inApp: true, email: false },
  sla_breached: { inApp: true, email: true },
  escalated: { inApp: true, email: true },
};

export interface NewNotification {
  kind: NotificationKind;
  officeId: string;
  caseId: string | null;
  trackingCode: string | null;
  subject: string | null;
  actorName: string | null;
  /** Kind-specific facts for the text, e.g. the milestone and due time. */
  details: Record<string, string | number | null>;
}

/**
 * Tells staff about something, in the caller's transaction: an in-app notification for those who want it, an
 * e-mail (through the e-mail module's `email.send` job) for those who want that. One query reads the recipients'
 * preferences, addresses and languages. Disabled accounts are skipped.
 */
export async function notifyStaff(
  trx: Db,
  recipientIds: readonly string[],
  notification: NewNotification,
  now: Date,
): Promise<string[]> {
  const unique = [...new Set(recipientIds)];
  if (unique.length === 0) return [];
  const recipients = await trx
    .selectFrom('users')
    .leftJoin('notification_preferences as p', (join) =>
      join.onRef('p.user_id', '=', 'users.id').on('p.kind', '=', notification.kind),
    )
    .select([
      'users.id',
      'users.email',
      'users.language',
      'users.disabled_at',
      'p.in_app',
      'p.email as wants_email',
    ])
    .where('users.id', 'in', unique)
    .execute();
  const defaults = DEFAULT_PREFERENCES[notification.kind];
  const notified: string[] = [];
  for (const recipient of recipients) {
    if (recipient.disabled_at !== null) continue;
    const inApp = recipient.in_app === null ? defaults.inApp : toBool(recipient.in_app);
    const email = recipient.wants_email === null ? defaults.email : toBool(recipient.wants_email);
    if (inApp) {
      await trx
        .insertInto('notifications')
        .values({
          id: newId(now.getTime()),
          user_id: recipient.id,
          kind: notification.kind,
          case_id: notification.caseId,
          tracking_code: notification.trackingCode,
          subject: notification.subject?.slice(0, 200) ?? null,
          actor_name: notification.actorName,
          details: JSON.stringify(notification.details),
          created_at: now.toISOString(),
          read_at: null,
        })
        .execute();
      notified.push(recipient.id);
    }
    if (email) await enqueueStaffEmail(trx, recipient, notification, now);
  }
  return notified;
}

/**
 * The e-mail copy goes through the e-mail module's `email.send` job (modules/email/delivery.ts): SMTP when
 * LOKET_SMTP_URL is set, else the outbox folder. A process without the e-mail module (none today) skips it.
 */
async function enqueueStaffEmail(
  trx: Db,
  recipient: { id: string; email: string; language: Language },
  notification: NewNotification,
  now: Date,
): Promise<void> {
  if (!isDefinedJob('email.send')) return;
  const { subject, text } = staffEmail(recipient.language, notification);
  await enqueueJob(
    trx,
    'email.send',
    {
      officeId: notification.officeId,
      ...(notification.caseId ? { caseId: notification.caseId } : {}),
      to: recipient.email,
      subject,
      text,
    },
    { now },
  );
}

/**
 * Subject and plain text of a staff notification e-mail, in the recipient's language. Only the tracking code:
 * a case's subject may hold personal or confidential details, which stay in the console.
 */
export function staffEmail(language: Language, n: NewNotification): { subject: string; text: string } {
  const params = {
    code: n.trackingCode ?? '',
    actor: n.actorName ?? t(language, 'system.name'),
    due: typeof n.details.dueAt === 'string' ? formatDue(language, n.details.dueAt, n.details.timeZone) : '',
  };
  return {
    subject: t(language, `notification.${n.kind}.title`, params),
    text: `${t(language, `notification.${n.kind}.body`, params)}\n\n${t(language, 'notification.email.footer')}\n`,
  };
}

function formatDue(language: Language, iso: string, timeZone: unknown): string {
  return new Intl.DateTimeFormat(language === 'id' ? 'id-ID' : 'en-GB', {
    dateStyle: 'full',
    timeStyle: 'short',
    timeZone: typeof timeZone === 'string' ? timeZone : 'Asia/Jakarta',
  }).format(new Date(iso));
}
