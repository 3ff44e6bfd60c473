import type { Selectable } from 'kysely';
import type { Db } from '../../db/connection.js';
import { toIso, toIsoOrNull } from '../../db/dialect.js';
import type { ChannelMessageStatus, ChannelMessageTable, MessagingChannel } from '../../db/schema.js';
import { newId } from '../../lib/ids.js';

export type ChannelMessageRow = Selectable<ChannelMessageTable>;

/**
 * Stores a received app message before anything else happens to it. Returns its id, or undefined when the same
 * message was received before (the platforms retry webhooks until they get a 200).
 */
export async function insertInbound(
  trx: Db,
  input: {
    channel: MessagingChannel;
    externalId: string;
    externalUser: string;
    kind: string;
    payload: unknown;
  },
  now: Date,
): Promise<string | undefined> {
  const at = now.toISOString();
  const rows = await trx
    .insertInto('channel_messages')
    .values({
      id: newId(now.getTime()),
      channel: input.channel,
      direction: 'in',
      external_id: input.externalId.slice(0, 200),
      external_user: input.externalUser.slice(0, 64),
      case_id: null,
      case_message_id: null,
      kind: input.kind.slice(0, 20),
      status: 'received',
      template_name: null,
      error_code: null,
      error_title: null,
      payload: JSON.stringify(input.payload),
      created_at: at,
      updated_at: at,
    })
    .onConflict((oc) => oc.columns(['channel', 'direction', 'external_id']).doNothing())
    .returning('id')
    .execute();
  return rows[0]?.id;
}

export async function insertOutbound(
  trx: Db,
  input: {
    channel: MessagingChannel;
    externalUser: string;
    caseId: string | null;
    caseMessageId: string | null;
    kind: string;
  },
  now: Date,
): Promise<string> {
  const at = now.toISOString();
  const id = newId(now.getTime());
  await trx
    .insertInto('channel_messages')
    .values({
      id,
      channel: input.channel,
      direction: 'out',
      external_id: null,
      external_user: input.externalUser,
      case_id: input.caseId,
      case_message_id: input.caseMessageId,
      kind: input.kind,
      status: 'queued',
      template_name: null,
      error_code: null,
      error_title: null,
      payload: null,
      created_at: at,
      updated_at: at,
    })
    .execute();
  return id;
}

export async function findChannelMessage(db: Db, id: string): Promise<ChannelMessageRow | undefined> {
  return db.selectFrom('channel_messages').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function updateChannelMessage(
  db: Db,
  id: string,
  changes: Partial<Omit<ChannelMessageRow, 'id' | 'created_at'>> & { updated_at: string },
): Promise<void> {
  await db
    .updateTable('channel_messages')
    .set(changes as never)
    .where('id', '=', id)
    .execute();
}

export async function findThread(db: Db, channel: MessagingChannel, externalUser: string) {
  return db
    .selectFrom('channel_threads')
    .selectAll()
    .where('channel', '=', channel)
    .where('external_user', '=', externalUser)
    .executeTakeFirst();
}

export async function findThreadOfCase(db: Db, caseId: string) {
  return db.selectFrom('channel_threads').selectAll().where('case_id', '=', caseId).executeTakeFirst();
}

export async function saveThread(
  trx: Db,
  input: {
    channel: MessagingChannel;
    externalUser: string;
    caseId: string;
    displayName: string | null;
    lastInboundAt: Date;
  },
): Promise<void> {
  const values = {
    channel: input.channel,
    external_user: input.externalUser,
    case_id: input.caseId,
    display_name: input.displayName?.slice(0, 200) ?? null,
    last_inbound_at: input.lastInboundAt.toISOString(),
  };
  await trx
    .insertInto('channel_threads')
    .values(values)
    .onConflict((oc) =>
      oc.columns(['channel', 'external_user']).doUpdateSet({
        case_id: values.case_id,
        display_name: values.display_name,
        last_inbound_at: values.last_inbound_at,
      }),
    )
    .execute();
}

/** Delivery states only move forward (a late "delivered" after "read" changes nothing); failure is final. */
const RANK: Record<ChannelMessageStatus, number> = {
  received: 0,
  processed: 0,
  ignored: 0,
  queued: 1,
  sent: 2,
  delivered: 3,
  read: 4,
  failed: 5,
};

export function advances(from: ChannelMessageStatus, to: ChannelMessageStatus): boolean {
  return from !== 'failed' && RANK[to] > RANK[from];
}

export interface DeliveryView {
  id: string;
  caseMessageId: string | null;
  direction: 'in' | 'out';
  kind: string;
  status: ChannelMessageStatus;
  templateName: string | null;
  errorCode: string | null;
  errorTitle: string | null;
  createdAt: string;
  sentAt: string | null;
  deliveredAt: string | null;
  readAt: string | null;
  failedAt: string | null;
}

export async function listDeliveries(db: Db, caseId: string): Promise<DeliveryView[]> {
  const rows = await db
    .selectFrom('channel_messages')
    .selectAll()
    .where('case_id', '=', caseId)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
  return rows.map((row) => ({
    id: row.id,
    caseMessageId: row.case_message_id,
    direction: row.direction,
    kind: row.kind,
    status: row.status,
    templateName: row.template_name,
    errorCode: row.error_code,
    errorTitle: row.error_title,
    createdAt: toIso(row.created_at),
    sentAt: toIsoOrNull(row.sent_at ?? null),
    deliveredAt: toIsoOrNull(row.delivered_at ?? null),
    readAt: toIsoOrNull(row.read_at ?? null),
    failedAt: toIsoOrNull(row.failed_at ?? null),
  }));
}

/**
 * Forgets the app conversations of anonymised cases: their threads (so the next message from that user starts a
 * new case instead of reviving an anonymised one) and their message rows, which carry the user's WhatsApp number
 * or Telegram chat id and, until processed, the raw payload with the profile name. A queued reply whose row is
 * gone is not sent (its job finds nothing). Returns the app users the cases were with.
 */
export async function forgetConversationsOfCases(
  trx: Db,
  caseIds: readonly string[],
): Promise<{ channel: MessagingChannel; externalUser: string }[]> {
  if (caseIds.length === 0) return [];
  const users = await trx
    .selectFrom('channel_messages')
    .select(['channel', 'external_user'])
    .distinct()
    .where('case_id', 'in', caseIds)
    .execute();
  await trx.deleteFrom('channel_threads').where('case_id', 'in', caseIds).execute();
  await trx.deleteFrom('channel_messages').where('case_id', 'in', caseIds).execute();
  return users.map((u) => ({ channel: u.channel, externalUser: u.external_user }));
}

/** Forgets everything stored under these app users, whatever case it belongs to (erasure of the person). */
export async function forgetExternalUsers(
  trx: Db,
  users: readonly { channel: MessagingChannel; externalUser: string }[],
): Promise<void> {
  for (const user of users) {
    await trx
      .deleteFrom('channel_threads')
      .where('channel', '=', user.channel)
      .where('external_user', '=', user.externalUser)
      .execute();
    await trx
      .deleteFrom('channel_messages')
      .where('channel', '=', user.channel)
      .where('external_user', '=', user.externalUser)
      .execute();
  }
}
