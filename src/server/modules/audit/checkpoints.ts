import {
  createPrivateKey,
  createPublicKey,
  generateKeyPairSync,
  type KeyObject,
  sign,
  verify,
} from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Db } from '../../db/connection.js';
import { toIso } from '../../db/dialect.js';
import { SYSTEM_ACTOR } from '../../events/catalogue.js';
import { recordEvent } from '../../events/record-event.js';
import { canonicalJson } from './canonical.js';

/**
 * Daily checkpoints: the chain's last entry number and hash at a moment, signed with the installation's Ed25519
 * key. Published (API, portal), anyone can keep a copy; if the history were later rewritten, the saved
 * checkpoint's entry would no longer have that hash — and the signature proves the office published it.
 */
export const CHECKPOINT_FORMAT = 'loket-audit-checkpoint/1';
const KEY_FILE = 'audit-signing-key.pem';

export interface SignedCheckpoint {
  format: typeof CHECKPOINT_FORMAT;
  day: string;
  seq: number;
  entryHash: string;
  at: string;
  /** Ed25519 public key, raw 32 bytes in base64. */
  publicKey: string;
  /** Ed25519 signature over the canonical JSON of every other member, base64. */
  signature: string;
}

/** The signing key, generated on first use under the data directory (readable by the owner only). */
export function loadSigningKey(dataDir: string): { privateKey: KeyObject; publicKey: string } {
  const file = path.join(dataDir, KEY_FILE);
  if (!existsSync(file)) {
    mkdirSync(dataDir, { recursive: true });
    const { privateKey } = generateKeyPairSync('ed25519');
    try {
      writeFileSync(file, privateKey.export({ type: 'pkcs8', format: 'pem' }), { mode: 0o600, flag: 'wx' });
    } catch (error) {
      // Another process wrote it first: use theirs.
      if ((error as { code?: string }).code !== 'EEXIST') throw error;
    }
  }
  const privateKey = createPrivateKey(readFileSync(file));
  return { privateKey, publicKey: rawPublicKey(createPublicKey(privateKey)) };
}

function rawPublicKey(key: KeyObject): string {
  return Buffer.from(key.export({ format: 'jwk' }).x as string, 'base64url').toString('base64');
}

function publicKeyObject(raw: string): KeyObject {
  return createPublicKey({
    key: { kty: 'OKP', crv: 'Ed25519', x: Buffer.from(raw, 'base64').toString('base64url') },
    format: 'jwk',
  });
}

function signedContent(checkpoint: Omit<SignedCheckpoint, 'signature'>): Buffer {
  const { format, day, seq, entryHash, at, publicKey } = checkpoint;
  return Buffer.from(canonicalJson({ format, day, seq, entryHash, at, publicKey }), 'utf8');
}

export function signCheckpoint(
  content: Omit<SignedCheckpoint, 'signature' | 'publicKey' | 'format'>,
  key: { privateKey: KeyObject; publicKey: string },
): SignedCheckpoint {
  const unsigned = { format: CHECKPOINT_FORMAT, ...content, publicKey: key.publicKey } as const;
  const signature = sign(null, signedContent(unsigned), key.privateKey).toString('base64');
  return { ...unsigned, signature };
}

export function isSignatureValid(checkpoint: SignedCheckpoint): boolean {
  try {
    return verify(
      null,
      signedContent(checkpoint),
      publicKeyObject(checkpoint.publicKey),
      Buffer.from(checkpoint.signature, 'base64'),
    );
  } catch {
    return false;
  }
}

/** Today's checkpoint (UTC day) of the chain as it stands; idempotent: the day's first one stays. */
export async function publishCheckpoint(
  db: Db,
  dataDir: string,
  now: Date,
): Promise<SignedCheckpoint | null> {
  const day = now.toISOString().slice(0, 10);
  const existing = await db
    .selectFrom('audit_checkpoints')
    .selectAll()
    .where('day', '=', day)
    .executeTakeFirst();
  if (existing) return presentCheckpoint(existing);
  const last = await db
    .selectFrom('audit_chain')
    .select(['seq', 'entry_hash'])
    .orderBy('seq', 'desc')
    .limit(1)
    .executeTakeFirst();
  if (!last) return null;
  const checkpoint = signCheckpoint(
    { day, seq: Number(last.seq), entryHash: last.entry_hash, at: now.toISOString() },
    loadSigningKey(dataDir),
  );
  await db.transaction().execute(async (trx) => {
    await trx
      .insertInto('audit_checkpoints')
      .values({
        day,
        seq: checkpoint.seq,
        entry_hash: checkpoint.entryHash,
        created_at: checkpoint.at,
        public_key: checkpoint.publicKey,
        signature: checkpoint.signature,
      })
      .execute();
    await recordEvent(trx, {
      type: 'audit.checkpoint_published',
      actor: SYSTEM_ACTOR,
      officeId: null,
      payload: { day, seq: checkpoint.seq, entryHash: checkpoint.entryHash },
      at: now,
    });
  });
  return checkpoint;
}

export function presentCheckpoint(row: {
  day: string;
  seq: number;
  entry_hash: string;
  created_at: Date | string;
  public_key: string;
  signature: string;
}): SignedCheckpoint {
  return {
    format: CHECKPOINT_FORMAT,
    day: row.day,
    seq: Number(row.seq),
    entryHash: row.entry_hash,
    at: toIso(row.created_at),
    publicKey: row.public_key,
    signature: row.signature,
  };
}

export async function listCheckpoints(db: Db, limit: number): Promise<SignedCheckpoint[]> {
  const rows = await db
    .selectFrom('audit_checkpoints')
    .selectAll()
    .orderBy('day', 'desc')
    .limit(limit)
    .execute();
  return rows.map(presentCheckpoint);
}

export type SavedCheckpointProblem =
  | 'malformed'
  | 'bad_signature'
  | 'foreign_key' // signed, but not with this installation's key
  | 'entry_missing' // the chain no longer reaches that entry: history was cut
  | 'entry_changed'; // the entry has another hash: history was rewritten

/** Checks a saved checkpoint (e.g. downloaded months ago) against the chain as it is now. */
export async function checkSavedCheckpoint(
  db: Db,
  saved: unknown,
  ownPublicKey: string | null,
): Promise<{ ok: boolean; problem: SavedCheckpointProblem | null; seq: number | null }> {
  const checkpoint = saved as SignedCheckpoint;
  const wellFormed =
    checkpoint !== null &&
    typeof checkpoint === 'object' &&
    checkpoint.format === CHECKPOINT_FORMAT &&
    Number.isInteger(checkpoint.seq) &&
    typeof checkpoint.entryHash === 'string' &&
    typeof checkpoint.publicKey === 'string' &&
    typeof checkpoint.signature === 'string' &&
    typeof checkpoint.day === 'string' &&
    typeof checkpoint.at === 'string';
  if (!wellFormed) return { ok: false, problem: 'malformed', seq: null };
  const seq = checkpoint.seq;
  if (!isSignatureValid(checkpoint)) return { ok: false, problem: 'bad_signature', seq };
  if (ownPublicKey && checkpoint.publicKey !== ownPublicKey)
    return { ok: false, problem: 'foreign_key', seq };
  const entry = await db
    .selectFrom('audit_chain')
    .select('entry_hash')
    .where('seq', '=', seq)
    .executeTakeFirst();
  if (!entry) return { ok: false, problem: 'entry_missing', seq };
  if (entry.entry_hash !== checkpoint.entryHash) return { ok: false, problem: 'entry_changed', seq };
  return { ok: true, problem: null, seq };
}
