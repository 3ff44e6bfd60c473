import type { Selectable } from 'kysely';
import { Type } from 'typebox';
import type { Db } from '../../db/connection.js';
import { toBool } from '../../db/dialect.js';
import { runPrepared } from '../../db/prepared.js';
import type { CaseTable } from '../../db/schema.js';
import { onEvent } from '../../events/reactions.js';
import { enqueueJob } from '../../jobs/outbox.js';
import { defineJob } from '../../jobs/registry.js';
import { open, seal } from '../../lib/secret-box.js';
import { type Case, toCase, toCaseMessage } from '../cases/model.js';
import { newCaseFacts } from '../cases/new-case-facts.js';
import { findOfficeById } from '../offices/storage.js';
import { composeNotification, type NotificationDetails } from './compose.js';
import { deliver } from './delivery.js';
import { hasOptedOut } from './storage.js';

const ACCESS_KEY_PURPOSE = 'email-receipt-access-key';

/**
 * `email.notify-citizen`: tells the citizen about their case. Whether they may be written to is decided when the
 * job runs (an opt-out clicked meanwhile wins); the text comes from the office's template at that moment.
 */
export const notifyCitizenJob = defineJob('email.notify-citizen', {
  payload: Type.Object({
    caseId: Type.String(),
    template: Type.Union([
      Type.Literal('receipt'),
      Type.Literal('reply'),
      Type.Literal('status'),
      Type.Literal('resolved'),
    ]),
    /** The event that caused it: the Message-ID is made from it, so a retry sends the same message. */
    eventId: Type.String(),
    replyMessageId: Type.Optional(Type.String()),
    status: Type.Optional(
      Type.Object({ to: Type.String(), reason: Type.Union([Type.String(), Type.Null()]) }),
    ),
    /** Receipts of cases that came by e-mail carry the access key, sealed with LOKET_SECRET. */
    sealedAccessKey: Type.Optional(Type.String()),
  }),
  maxAttempts: 10,
  async run(ctx, payload) {
    const found = await findCase(ctx.db, payload.caseId);
    if (!found || !(await mayWriteTo(ctx.db, found))) {
      ctx.log.info({ caseId: payload.caseId, template: payload.template }, 'citizen notification not sent');
      return;
    }
    const office = await findOfficeById(ctx.db, found.officeId);
    if (!office) return;
    const details: NotificationDetails = {};
    if (payload.replyMessageId) {
      const row = await ctx.db
        .selectFrom('case_messages')
        .selectAll()
        .where('id', '=', payload.replyMessageId)
        .executeTakeFirst();
      if (row?.kind !== 'public_reply') return;
      const message = toCaseMessage(row);
      details.reply = { text: message.body, author: message.authorName };
    }
    if (payload.status)
      details.status = { to: payload.status.to as Case['status'], reason: payload.status.reason };
    if (payload.sealedAccessKey) {
      details.accessKey = open(ctx.config.secret, ACCESS_KEY_PURPOSE, payload.sealedAccessKey);
    }
    const mail = await composeNotification(ctx.db, ctx.config, {
      office,
      case: found,
      template: payload.template,
      eventId: payload.eventId,
      details,
    });
    await deliver(ctx.db, ctx.config, mail as typeof mail & { messageId: string }, {
      officeId: office.id,
      caseId: found.id,
      template: payload.template,
    });
  },
});

/** Citizens are written to only if they left an address, did not stay anonymous and did not opt out. */
export async function mayWriteTo(db: Db, found: Case): Promise<boolean> {
  if (!found.contact.email || found.anonymous || found.mergedIntoId) return false;
  return !(await hasOptedOut(db, found.id));
}

async function findCase(db: Db, caseId: string): Promise<Case | undefined> {
  // Every notification reads its case: compiled once (db/prepared.ts).
  const [row] = await runPrepared<Selectable<CaseTable>>(
    db,
    'email-find-case',
    () => db.selectFrom('cases').selectAll().where('id', '=', ''),
    [caseId],
  );
  return row && toCase(row);
}

/**
 * A cheap look at the case inside the reacting transaction, so notifications are queued only where they can be
 * sent (the same test `case.created` makes on the facts of the new case). The statement is compiled once
 * (db/prepared.ts).
 */
async function reachable(db: Db, caseId: string | null): Promise<boolean> {
  if (!caseId) return false;
  const [row] = await runPrepared<{ contact_email: string | null; anonymous: boolean | number }>(
    db,
    'email-case-reachable',
    () => db.selectFrom('cases').select(['contact_email', 'anonymous']).where('id', '=', ''),
    [caseId],
  );
  return Boolean(row?.contact_email) && !toBool(row!.anonymous);
}

/** Enqueues the receipt of a case that came by e-mail, with its access key (see docs: the receipt decision). */
export async function enqueueEmailReceipt(
  trx: Db,
  secret: string,
  input: { caseId: string; eventId: string; accessKey: string },
  now: Date,
): Promise<void> {
  await enqueueJob(
    trx,
    notifyCitizenJob,
    {
      caseId: input.caseId,
      template: 'receipt',
      eventId: input.eventId,
      sealedAccessKey: seal(secret, ACCESS_KEY_PURPOSE, input.accessKey),
    },
    { dedupeKey: `email.receipt:${input.caseId}`, now },
  );
}

onEvent('case.created', async (trx, event) => {
  // A case that came by e-mail gets its receipt from the inbound processing, which holds the access key.
  if (event.payload.channel === 'email') return;
  const facts = await newCaseFacts(trx, event);
  if (!facts?.contactEmail || facts.anonymous) return;
  await enqueueJob(
    trx,
    notifyCitizenJob,
    { caseId: event.caseId!, template: 'receipt', eventId: event.id },
    { dedupeKey: `email.receipt:${event.caseId}`, now: event.at },
  );
});

onEvent('case.message_added', async (trx, event) => {
  if (event.payload.kind !== 'public_reply' || !(await reachable(trx, event.caseId))) return;
  await enqueueJob(
    trx,
    notifyCitizenJob,
    { caseId: event.caseId!, template: 'reply', eventId: event.id, replyMessageId: event.payload.messageId },
    { dedupeKey: `email.reply:${event.payload.messageId}`, now: event.at },
  );
});

/** Statuses the citizen hears about when staff set them; their own actions and automatic moves are not news. */
const NOTIFIED_STATUSES = new Set(['in_progress', 'waiting_on_citizen', 'resolved', 'rejected']);

onEvent('case.status_changed', async (trx, event) => {
  const { to, reason, automatic } = event.payload;
  if (automatic || event.actor.type === 'citizen' || !NOTIFIED_STATUSES.has(to)) return;
  if (!(await reachable(trx, event.caseId))) return;
  await enqueueJob(
    trx,
    notifyCitizenJob,
    {
      caseId: event.caseId!,
      template: to === 'resolved' ? 'resolved' : 'status',
      eventId: event.id,
      status: { to, reason: reason ?? null },
    },
    { dedupeKey: `email.status:${event.id}`, now: event.at },
  );
});
