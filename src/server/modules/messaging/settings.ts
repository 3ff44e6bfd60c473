import type { Config, TelegramSettings, WhatsAppSettings } from '../../config.js';
import type { Db } from '../../db/connection.js';
import type { MessagingChannel } from '../../db/schema.js';
import type { Actor } from '../../events/catalogue.js';
import { recordEvent } from '../../events/record-event.js';
import { assertAllowedUrl, type OutboundPolicy } from '../../lib/public-fetch.js';
import { open, seal } from '../../lib/secret-box.js';
import { inTransaction } from '../../lib/transaction.js';

const SEAL_PURPOSE = 'channel-settings';

/** Which settings are secrets: sealed at rest, never logged, shown only as "set, ends in …". */
export const SECRET_FIELDS = {
  whatsapp: ['appSecret', 'verifyToken', 'accessToken'],
  telegram: ['botToken', 'secretToken'],
} as const satisfies Record<MessagingChannel, readonly string[]>;

export const PLAIN_FIELDS = {
  whatsapp: ['phoneNumberId', 'apiBaseUrl', 'templateName', 'templateLanguage', 'officeCode'],
  telegram: ['apiBaseUrl', 'officeCode'],
} as const satisfies Record<MessagingChannel, readonly string[]>;

type Stored = Record<string, string>;

async function storedOverrides(db: Db, config: Config, channel: MessagingChannel): Promise<Stored> {
  const row = await db
    .selectFrom('channel_settings')
    .select('settings')
    .where('channel', '=', channel)
    .executeTakeFirst();
  if (!row) return {};
  const stored = JSON.parse(row.settings) as Stored;
  const opened: Stored = {};
  for (const [key, value] of Object.entries(stored)) {
    opened[key] = (SECRET_FIELDS[channel] as readonly string[]).includes(key)
      ? open(config.secret, SEAL_PURPOSE, value)
      : value;
  }
  return opened;
}

/**
 * The settings in force, with the outbound policy their API calls follow: an administrator can point the API base
 * URL elsewhere (and the access token goes with every call), so calls reach public addresses only unless
 * LOKET_OUTBOUND_ALLOW_PRIVATE says otherwise.
 */
export type WhatsAppInForce = WhatsAppSettings & OutboundPolicy;
export type TelegramInForce = TelegramSettings & OutboundPolicy;

/** The WhatsApp settings in force: the environment's, with what an administrator saved in the console on top. */
export async function whatsappSettings(db: Db, config: Config): Promise<WhatsAppInForce> {
  return {
    ...config.whatsapp,
    ...(await storedOverrides(db, config, 'whatsapp')),
    allowPrivate: config.outboundAllowPrivate,
  };
}

export async function telegramSettings(db: Db, config: Config): Promise<TelegramInForce> {
  return {
    ...config.telegram,
    ...(await storedOverrides(db, config, 'telegram')),
    allowPrivate: config.outboundAllowPrivate,
  };
}

export async function settingsFor(db: Db, config: Config, channel: MessagingChannel) {
  return channel === 'whatsapp' ? whatsappSettings(db, config) : telegramSettings(db, config);
}

/** What the console shows: plain values, and for each secret only whether it is set and its last 4 characters. */
export async function presentSettings(db: Db, config: Config, channel: MessagingChannel) {
  const current = (await settingsFor(db, config, channel)) as unknown as Record<string, string | undefined>;
  const overridden = await storedOverrides(db, config, channel);
  const plain: Record<string, string | null> = {};
  for (const key of PLAIN_FIELDS[channel]) plain[key] = current[key] ?? null;
  const secrets: Record<string, { set: boolean; endsWith: string | null }> = {};
  for (const key of SECRET_FIELDS[channel]) {
    const value = current[key];
    secrets[key] = { set: Boolean(value), endsWith: value && value.length >= 12 ? value.slice(-4) : null };
  }
  return { channel, plain, secrets, overridden: Object.keys(overridden).sort() };
}

/**
 * Saves an administrator's overrides. A field given as a string replaces the value, null removes the override
 * (the environment's value applies again), and a field left out is kept — so secrets need not be re-entered.
 */
export async function saveChannelSettings(
  db: Db,
  config: Config,
  actor: Actor,
  channel: MessagingChannel,
  input: Record<string, string | null | undefined>,
  now = new Date(),
): Promise<void> {
  const baseUrl = input.apiBaseUrl;
  if (baseUrl) await assertAllowedUrl(baseUrl, { allowPrivate: config.outboundAllowPrivate }, 'apiBaseUrl');
  const current = await storedOverrides(db, config, channel);
  const changed: string[] = [];
  for (const key of [...PLAIN_FIELDS[channel], ...SECRET_FIELDS[channel]] as string[]) {
    const value = input[key];
    if (value === undefined) continue;
    changed.push(key);
    if (value === null || value === '') delete current[key];
    else current[key] = value;
  }
  const sealed: Stored = {};
  for (const [key, value] of Object.entries(current)) {
    sealed[key] = (SECRET_FIELDS[channel] as readonly string[]).includes(key)
      ? seal(config.secret, SEAL_PURPOSE, value)
      : value;
  }
  await inTransaction(db, async (trx) => {
    const values = {
      channel,
      settings: JSON.stringify(sealed),
      updated_at: now.toISOString(),
      updated_by: actor.id,
    };
    await trx
      .insertInto('channel_settings')
      .values(values)
      .onConflict((oc) =>
        oc.column('channel').doUpdateSet({
          settings: values.settings,
          updated_at: values.updated_at,
          updated_by: values.updated_by,
        }),
      )
      .execute();
    // Names of the changed fields only, never values.
    await recordEvent(trx, {
      type: 'channel.settings_saved',
      actor,
      officeId: null,
      payload: { channel, fields: changed.sort() },
      at: now,
    });
  });
}

/** The office whose cases a channel's messages become: the configured one, else the first office created. */
export async function officeForChannel(db: Db, officeCode: string | undefined) {
  const query = db.selectFrom('offices').select(['id', 'code', 'name_id', 'name_en']);
  const row = officeCode
    ? await query.where('code', '=', officeCode).executeTakeFirst()
    : await query.orderBy('created_at').orderBy('id').limit(1).executeTakeFirst();
  if (!row) throw new Error(`no office for the channel (${officeCode ?? 'none exists'})`);
  return row;
}
