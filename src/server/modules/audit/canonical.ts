import { createHash } from 'node:crypto';
import { type AuditEventRow, parseJson, toIso } from '../../db/dialect.js';

/**
 * Canonical JSON: object keys sorted, no whitespace, `undefined` members dropped, dates as ISO-8601 UTC with
 * milliseconds. The same value gives the same text on SQLite (JSON text) and PostgreSQL (jsonb, which reorders
 * keys and drops duplicate whitespace) — so the same hash on both engines.
 */
export function canonicalJson(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (value instanceof Date) return JSON.stringify(value.toISOString());
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  if (typeof value === 'number' && !Number.isFinite(value))
    throw new Error('canonical JSON has no NaN/Infinity');
  return JSON.stringify(value);
}

export function sha256Hex(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

/** Everything an event row says, in one canonical form. */
export function canonicalEvent(row: AuditEventRow): string {
  return canonicalJson({
    id: row.id,
    officeId: row.office_id,
    caseId: row.case_id,
    type: row.type,
    actor: { type: row.actor_type, id: row.actor_id, name: row.actor_name },
    payload: parseJson(row.payload),
    at: toIso(row.created_at),
  });
}

export function eventHash(row: AuditEventRow): string {
  return sha256Hex(canonicalEvent(row));
}

export const GENESIS_HASH = '0'.repeat(64);

export interface ChainEntryContent {
  seq: number;
  eventId: string;
  eventHash: string;
  previousHash: string;
  chainedAt: string;
}

/** An entry's own hash covers its number, its event, the previous entry and when it was chained. */
export function entryHash(entry: ChainEntryContent): string {
  return sha256Hex(canonicalJson(entry));
}
