import type { Db } from '../../db/connection.js';
import type { MessagingChannel } from '../../db/schema.js';
import type { Actor } from '../../events/catalogue.js';
import { enqueueJob } from '../../jobs/outbox.js';
import type { JobDefinition } from '../../jobs/registry.js';
import { seal } from '../../lib/secret-box.js';
import { inTransaction } from '../../lib/transaction.js';
import { addCitizenMessage } from '../cases/add-message.js';
import { attachFiles, type StoredFile } from '../cases/attachments.js';
import { createCase } from '../cases/create-case.js';
import { type Case, toCase } from '../cases/model.js';
import { DESCRIPTION_MAX, MESSAGE_MAX, SUBJECT_MAX } from '../cases/schemas.js';
import { isFinal } from '../cases/status-machine.js';
import { applyTransition } from '../cases/transition-case.js';
import type { Identity } from '../contacts/identities.js';
import { linkCaseToContact } from '../contacts/link-contact.js';
import { detectLanguage, guessCaseType } from '../email/inbound/text.js';
import { findThread, insertOutbound, saveThread, updateChannelMessage } from './storage.js';

export const RECEIPT_KEY_PURPOSE = 'messaging-receipt-access-key';

export interface InboundMessage {
  channel: MessagingChannel;
  channelMessageId: string;
  externalUser: string;
  displayName: string | null;
  /** What the citizen wrote (or a description of what they sent). */
  body: string;
  files: StoredFile[];
  sentAt: Date;
  officeCode: string;
  /** Who the sender is beyond the case's contact details (a Telegram chat). */
  extraIdentities: Identity[];
  contactPhone?: string;
}

export type InboundResult = { outcome: 'new_case' | 'follow_up'; case: Case };

/**
 * Puts an app message where it belongs: on the sender's open case, or — when they have none, or it was closed —
 * on a new case of the channel, linked to their contact. The message's row, the conversation and the case change
 * commit together; a new case gets a receipt with its tracking code on the same channel.
 */
export async function deliverInbound(
  db: Db,
  secret: string,
  input: InboundMessage,
  sendJob: JobDefinition<{ channelMessageId: string; sealedAccessKey?: string }>,
  now: Date,
): Promise<InboundResult> {
  const citizen: Actor = { type: 'citizen', id: null, name: input.displayName?.slice(0, 200) || null };
  const body = input.body.trim().slice(0, MESSAGE_MAX) || '-';
  const thread = await findThread(db, input.channel, input.externalUser);
  const open = thread?.case_id ? await currentCase(db, thread.case_id) : undefined;
  return inTransaction(db, async (trx) => {
    const at = now.toISOString();
    let result: InboundResult;
    let caseMessageId: string | null = null;
    if (open && !isFinal(open.status)) {
      const added = await addCitizenMessage(trx, citizen, open, { body }, now);
      // Like an e-mail answer to a resolved case: the problem is not over, so the case is back in progress.
      const after =
        added.case.status === 'resolved'
          ? await applyTransition(trx, citizen, added.case, { to: 'in_progress', automatic: true }, now)
          : added.case;
      caseMessageId = added.message.id;
      await attachFiles(
        trx,
        { caseId: open.id, messageId: caseMessageId, authorType: 'citizen' },
        input.files,
        now,
      );
      result = { outcome: 'follow_up', case: after };
    } else {
      const firstLine = body.split('\n')[0]!.trim();
      const subject = (firstLine.length > 3 ? firstLine : body.replace(/\s+/g, ' ')).slice(0, SUBJECT_MAX);
      const created = await createCase(
        trx,
        citizen,
        {
          type: guessCaseType(subject, body),
          officeCode: input.officeCode,
          subject,
          description: body.slice(0, DESCRIPTION_MAX),
          channel: input.channel,
          language: detectLanguage(body),
          contact: { name: citizen.name ?? undefined, phone: input.contactPhone },
        },
        { secret, now },
      );
      await attachFiles(
        trx,
        { caseId: created.case.id, messageId: null, authorType: 'citizen' },
        input.files,
        now,
      );
      const receiptId = await insertOutbound(
        trx,
        {
          channel: input.channel,
          externalUser: input.externalUser,
          caseId: created.case.id,
          caseMessageId: null,
          kind: 'receipt',
        },
        now,
      );
      await enqueueJob(
        trx,
        sendJob,
        {
          channelMessageId: receiptId,
          sealedAccessKey: seal(secret, RECEIPT_KEY_PURPOSE, created.accessKey),
        },
        { dedupeKey: `${input.channel}.receipt:${created.case.id}`, now },
      );
      result = { outcome: 'new_case', case: created.case };
    }
    if (input.extraIdentities.length) {
      await linkCaseToContact(trx, result.case.id, input.extraIdentities, { name: citizen.name, now });
    }
    await saveThread(trx, {
      channel: input.channel,
      externalUser: input.externalUser,
      caseId: result.case.id,
      displayName: input.displayName,
      lastInboundAt: input.sentAt,
    });
    await updateChannelMessage(trx, input.channelMessageId, {
      status: 'processed',
      case_id: result.case.id,
      case_message_id: caseMessageId,
      payload: null,
      updated_at: at,
    });
    return result;
  });
}

/** The case a conversation points to, following merges (a duplicate merged away hands over to its target). */
async function currentCase(db: Db, caseId: string): Promise<Case | undefined> {
  let id: string | null = caseId;
  for (let hops = 0; id && hops < 5; hops++) {
    const row = await db.selectFrom('cases').selectAll().where('id', '=', id).executeTakeFirst();
    if (!row) return undefined;
    if (!row.merged_into_id) return toCase(row);
    id = row.merged_into_id;
  }
  return undefined;
}

/** Marks a received message that becomes nothing (a reaction emoji, a bare /start). */
export async function ignoreInbound(db: Db, channelMessageId: string, now: Date): Promise<void> {
  await updateChannelMessage(db, channelMessageId, {
    status: 'ignored',
    payload: null,
    updated_at: now.toISOString(),
  });
}

/** The app user a case's conversation is with (its first received message), for replies to go back to them. */
export async function recipientOfCase(
  db: Db,
  caseId: string,
): Promise<{ channel: MessagingChannel; externalUser: string } | undefined> {
  const row = await db
    .selectFrom('channel_messages')
    .select(['channel', 'external_user'])
    .where('case_id', '=', caseId)
    .where('direction', '=', 'in')
    .orderBy('created_at')
    .limit(1)
    .executeTakeFirst();
  return row?.external_user ? { channel: row.channel, externalUser: row.external_user } : undefined;
}
