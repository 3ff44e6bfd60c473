import type { Selectable } from 'kysely';
import type { Language } from '../../../shared/enums.js';
import type { Db } from '../../db/connection.js';
import type { KbFeeTable } from '../../db/schema.js';
import { t } from '../../i18n/index.js';
import { knowledgeUrl } from './urls.js';

export interface Fee {
  id: string;
  code: string;
  serviceCode: string;
  names: Record<Language, string>;
  amount: number;
  legalBasis: string;
  validFrom: string;
  validTo: string | null;
}

export function toFee(row: Selectable<KbFeeTable>): Fee {
  return {
    id: row.id,
    code: row.code,
    serviceCode: row.service_code,
    names: { id: row.name_id, en: row.name_en },
    amount: Number(row.amount),
    legalBasis: row.legal_basis,
    validFrom: row.valid_from,
    validTo: row.valid_to,
  };
}

/** The calendar date in Jakarta (fees and standards change at local midnight), as `YYYY-MM-DD`. */
export function jakartaDate(at: Date = new Date()): string {
  return new Date(at.getTime() + 7 * 3_600_000).toISOString().slice(0, 10);
}

export function isValidOn(fee: Pick<Fee, 'validFrom' | 'validTo'>, date: string): boolean {
  return fee.validFrom <= date && (fee.validTo === null || date <= fee.validTo);
}

/** `Rp650.000`: Indonesian digit grouping, no decimals, in both languages (the currency is written the same). */
export function formatRupiah(amount: number): string {
  return `Rp${Math.round(amount)
    .toString()
    .replace(/\B(?=(\d{3})+(?!\d))/g, '.')}`;
}

/**
 * The fees in force on a date, by code. Read by every page, search and answer, so kept for FEE_CACHE_MS per
 * database; a fee saved by this process drops it at once (another instance's change shows within FEE_CACHE_MS).
 */
export async function feesValidOn(db: Db, date: string): Promise<Map<string, Fee>> {
  const key = db.getExecutor().adapter;
  const cached = feeCache.get(key);
  if (cached && cached.date === date && Date.now() - cached.loadedAt < FEE_CACHE_MS) return cached.fees;
  const fees = loadFeesValidOn(db, date);
  feeCache.set(key, { date, loadedAt: Date.now(), fees });
  fees.catch(() => feeCache.delete(key));
  return fees;
}

const FEE_CACHE_MS = 5_000;
const feeCache = new WeakMap<object, { date: string; loadedAt: number; fees: Promise<Map<string, Fee>> }>();

export function invalidateFees(db: Db): void {
  feeCache.delete(db.getExecutor().adapter);
}

async function loadFeesValidOn(db: Db, date: string): Promise<Map<string, Fee>> {
  const rows = await db
    .selectFrom('kb_fees')
    .selectAll()
    .where('valid_from', '<=', date)
    .where((eb) => eb.or([eb('valid_to', 'is', null), eb('valid_to', '>=', date)]))
    .orderBy('code')
    .execute();
  return new Map(rows.map((row) => [row.code, toFee(row)]));
}

const PLACEHOLDER = /\{\{\s*fee:([A-Za-z0-9_.-]+)\s*\}\}/g;

/** The fee codes a text refers to. */
export function feeCodes(text: string): string[] {
  return [...text.matchAll(PLACEHOLDER)].map((m) => m[1]!);
}

/**
 * Replaces `{{fee:CODE}}` with the amount in force. A code with no fee in force is never guessed: it becomes a
 * pointer to the fee schedule page, as a Markdown link (the text is Markdown that is rendered afterwards).
 */
export function renderFees(text: string, fees: Map<string, Fee>, language: Language): string {
  return text.replace(PLACEHOLDER, (_match, code: string) => {
    const fee = fees.get(code);
    if (fee) return formatRupiah(fee.amount);
    return `[${t(language, 'knowledge.fee_unavailable')}](${knowledgeUrl(language, 'fees')})`;
  });
}
