import { createHash, randomBytes } from 'node:crypto';
import type { Db } from '../../db/connection.js';
import { toIso, toIsoOrNull } from '../../db/dialect.js';
import type { Actor } from '../../events/catalogue.js';
import { recordEvent } from '../../events/record-event.js';
import { newId } from '../../lib/ids.js';
import { inTransaction } from '../../lib/transaction.js';

/** What an integration key may do; each key is limited to one office. */
// cti:events: the office PBX pushes call events (modules/phone/cti.ts).
export const API_PERMISSIONS = ['applications:read', 'applications:write', 'cti:events'] as const;
export type ApiPermission = (typeof API_PERMISSIONS)[number];

export interface ApiKey {
  id: string;
  officeId: string;
  name: string;
  prefix: string;
  permissions: ApiPermission[];
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
}

/** Keys are 160 random bits: a plain SHA-256 is enough to store them (nothing to guess from the hash). */
export function hashApiKey(key: string): string {
  return createHash('sha256').update(key).digest('hex');
}

export async function createApiKey(
  db: Db,
  actor: Actor,
  input: { officeId: string; name: string; permissions: ApiPermission[] },
  now = new Date(),
): Promise<{ key: string; apiKey: ApiKey }> {
  const key = `loket_${randomBytes(20).toString('base64url')}`;
  const id = newId(now.getTime());
  const permissions = [...new Set(input.permissions)].sort();
  await inTransaction(db, async (trx) => {
    await trx
      .insertInto('api_keys')
      .values({
        id,
        office_id: input.officeId,
        name: input.name,
        prefix: key.slice(0, 12),
        key_hash: hashApiKey(key),
        permissions: permissions.join(' '),
        created_by: actor.id,
        created_at: now.toISOString(),
        last_used_at: null,
        revoked_at: null,
      })
      .execute();
    await recordEvent(trx, {
      type: 'api_key.created',
      actor,
      officeId: input.officeId,
      at: now,
      payload: { id, name: input.name, permissions },
    });
  });
  return {
    key,
    apiKey: {
      id,
      officeId: input.officeId,
      name: input.name,
      prefix: key.slice(0, 12),
      permissions: permissions as ApiPermission[],
      createdAt: now.toISOString(),
      lastUsedAt: null,
      revokedAt: null,
    },
  };
}

type KeyRow = {
  id: string;
  office_id: string;
  name: string;
  prefix: string;
  permissions: string;
  created_at: Date | string;
  last_used_at: Date | string | null;
  revoked_at: Date | string | null;
};

function toApiKey(row: KeyRow): ApiKey {
  return {
    id: row.id,
    officeId: row.office_id,
    name: row.name,
    prefix: row.prefix,
    permissions: row.permissions.split(' ').filter(Boolean) as ApiPermission[],
    createdAt: toIso(row.created_at),
    lastUsedAt: toIsoOrNull(row.last_used_at),
    revokedAt: toIsoOrNull(row.revoked_at),
  };
}

const KEY_COLUMNS = [
  'id',
  'office_id',
  'name',
  'prefix',
  'permissions',
  'created_at',
  'last_used_at',
  'revoked_at',
] as const;

export async function listApiKeys(db: Db, officeId: string | null): Promise<ApiKey[]> {
  const rows = await db
    .selectFrom('api_keys')
    .select(KEY_COLUMNS)
    .$if(officeId !== null, (q) => q.where('office_id', '=', officeId!))
    .orderBy('created_at', 'desc')
    .execute();
  return rows.map(toApiKey);
}

export async function findApiKey(db: Db, id: string): Promise<ApiKey | undefined> {
  const row = await db.selectFrom('api_keys').select(KEY_COLUMNS).where('id', '=', id).executeTakeFirst();
  return row && toApiKey(row);
}

export async function revokeApiKey(db: Db, actor: Actor, key: ApiKey, now = new Date()): Promise<void> {
  if (key.revokedAt) return;
  await inTransaction(db, async (trx) => {
    await trx
      .updateTable('api_keys')
      .set({ revoked_at: now.toISOString() })
      .where('id', '=', key.id)
      .execute();
    await recordEvent(trx, {
      type: 'api_key.revoked',
      actor,
      officeId: key.officeId,
      at: now,
      payload: { id: key.id, name: key.name },
    });
  });
}

/** The live key a presented secret belongs to; notes when it was last used (at most once a minute). */
export async function authenticateApiKey(
  db: Db,
  presented: string,
  now = new Date(),
): Promise<ApiKey | undefined> {
  if (!/^loket_[A-Za-z0-9_-]{20,60}$/.test(presented)) return undefined;
  const row = await db
    .selectFrom('api_keys')
    .select(KEY_COLUMNS)
    .where('key_hash', '=', hashApiKey(presented))
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  if (!row) return undefined;
  const key = toApiKey(row);
  if (!key.lastUsedAt || now.getTime() - Date.parse(key.lastUsedAt) > 60_000) {
    await db
      .updateTable('api_keys')
      .set({ last_used_at: now.toISOString() })
      .where('id', '=', key.id)
      .execute();
    key.lastUsedAt = now.toISOString();
  }
  return key;
}
