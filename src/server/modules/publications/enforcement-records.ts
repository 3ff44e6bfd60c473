import type { Selectable } from 'kysely';
import type { Language } from '../../../shared/enums.js';
import type { Db } from '../../db/connection.js';
import { toIso } from '../../db/dialect.js';
import type { EnforcementRecordTable } from '../../db/schema.js';
import { AppError } from '../../errors.js';
import type { Actor } from '../../events/catalogue.js';
import { recordEvent } from '../../events/record-event.js';
import { newId } from '../../lib/ids.js';
import { open, seal } from '../../lib/secret-box.js';
import { inTransaction } from '../../lib/transaction.js';
import type { CitedPerson } from './privacy-check.js';
import { foldText } from './privacy-check.js';

/**
 * Enforcement action records: who was deported, listed for deterrence or fined, on which legal basis. The name
 * and travel document number are sealed at rest (AES-256-GCM, key derived from LOKET_SECRET) and leave this
 * module only in the restricted staff view and the privacy check; everything else sees the citation form:
 * initials and nationality.
 */
export const ENFORCEMENT_ACTIONS = [
  'deportation',
  'deterrence_listing',
  'administrative_fine',
  'stay_permit_revocation',
  'detention',
  'expulsion_order',
] as const;
export type EnforcementAction = (typeof ENFORCEMENT_ACTIONS)[number];

const PURPOSE = 'enforcement-record';

export interface EnforcementRecordInput {
  fullName: string;
  nationality: string;
  documentNumber: string;
  legalBasis: string;
  action: EnforcementAction;
  decidedOn: string;
  carriedOutOn?: string | null;
}

/** The restricted view, with the unsealed name and document number. */
export interface EnforcementRecord extends Omit<EnforcementRecordInput, 'carriedOutOn'> {
  id: string;
  officeId: string;
  initials: string;
  carriedOutOn: string | null;
  version: number;
  createdAt: string;
  updatedAt: string;
}

/** What a publication may show of a record. */
export interface Citation {
  id: string;
  initials: string;
  nationality: string;
  action: EnforcementAction;
  legalBasis: string;
  decidedOn: string;
  carriedOutOn: string | null;
}

/** "Chen Bo" → "CB"; "Nguyễn Văn An" → "NVA" (first letters of at most four name parts, accents folded). */
export function initialsOf(fullName: string): string {
  return foldText(fullName)
    .split(' ')
    .filter(Boolean)
    .slice(0, 4)
    .map((part) => part[0]!.toUpperCase())
    .join('');
}

const regionNames = {
  id: new Intl.DisplayNames(['id'], { type: 'region' }),
  en: new Intl.DisplayNames(['en'], { type: 'region' }),
};

/** The country's name in the language ("CN" → "Tiongkok" / "China"). */
export function nationalityName(code: string, language: Language): string {
  try {
    return regionNames[language].of(code) ?? code;
  } catch {
    return code;
  }
}

/** The only way a person appears in public: "CB (Tiongkok)". */
export function citationLabel(
  citation: Pick<Citation, 'initials' | 'nationality'>,
  language: Language,
): string {
  return `${citation.initials} (${nationalityName(citation.nationality, language)})`;
}

export function isCountryCode(code: string): boolean {
  return /^[A-Z]{2}$/.test(code) && nationalityName(code, 'en') !== code;
}

function toRecord(secret: string, row: Selectable<EnforcementRecordTable>): EnforcementRecord {
  return {
    id: row.id,
    officeId: row.office_id,
    fullName: open(secret, PURPOSE, row.name_sealed),
    documentNumber: open(secret, PURPOSE, row.document_sealed),
    initials: row.initials,
    nationality: row.nationality,
    legalBasis: row.legal_basis,
    action: row.action as EnforcementAction,
    decidedOn: row.decided_on,
    carriedOutOn: row.carried_out_on,
    version: row.version,
    createdAt: toIso(row.created_at),
    updatedAt: toIso(row.updated_at),
  };
}

export function toCitation(row: Selectable<EnforcementRecordTable>): Citation {
  return {
    id: row.id,
    initials: row.initials,
    nationality: row.nationality,
    action: row.action as EnforcementAction,
    legalBasis: row.legal_basis,
    decidedOn: row.decided_on,
    carriedOutOn: row.carried_out_on,
  };
}

function checkInput(input: EnforcementRecordInput): void {
  const errors = [];
  if (!foldText(input.fullName)) errors.push({ field: 'fullName', code: 'minLength', params: { limit: 1 } });
  if (!isCountryCode(input.nationality)) errors.push({ field: 'nationality', code: 'invalid' });
  if (input.carriedOutOn && input.carriedOutOn < input.decidedOn)
    errors.push({ field: 'carriedOutOn', code: 'invalid' });
  if (errors.length) throw new AppError('validation_failed', { errors });
}

function sealedValues(secret: string, input: EnforcementRecordInput) {
  return {
    name_sealed: seal(secret, PURPOSE, input.fullName.trim()),
    document_sealed: seal(secret, PURPOSE, input.documentNumber.trim().toUpperCase()),
    initials: initialsOf(input.fullName),
    nationality: input.nationality,
    legal_basis: input.legalBasis.trim(),
    action: input.action,
    decided_on: input.decidedOn,
    carried_out_on: input.carriedOutOn ?? null,
  };
}

export async function findEnforcementRecord(db: Db, secret: string, id: string): Promise<EnforcementRecord> {
  const row = await db.selectFrom('enforcement_records').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw new AppError('not_found');
  return toRecord(secret, row);
}

export async function createEnforcementRecord(
  db: Db,
  actor: Actor,
  secret: string,
  officeId: string,
  input: EnforcementRecordInput,
  at = new Date(),
): Promise<EnforcementRecord> {
  checkInput(input);
  const id = newId(at.getTime());
  await inTransaction(db, async (trx) => {
    await trx
      .insertInto('enforcement_records')
      .values({
        id,
        office_id: officeId,
        ...sealedValues(secret, input),
        version: 1,
        created_at: at.toISOString(),
        updated_at: at.toISOString(),
      })
      .execute();
    await recordEvent(trx, {
      type: 'enforcement.record_saved',
      actor,
      officeId,
      payload: { recordId: id, action: input.action, created: true },
      at,
    });
  });
  return findEnforcementRecord(db, secret, id);
}

export async function updateEnforcementRecord(
  db: Db,
  actor: Actor,
  secret: string,
  id: string,
  input: EnforcementRecordInput & { version: number },
  at = new Date(),
): Promise<EnforcementRecord> {
  checkInput(input);
  const record = await findEnforcementRecord(db, secret, id);
  await inTransaction(db, async (trx) => {
    const updated = await trx
      .updateTable('enforcement_records')
      .set({ ...sealedValues(secret, input), version: record.version + 1, updated_at: at.toISOString() })
      .where('id', '=', id)
      .where('version', '=', input.version)
      .executeTakeFirst();
    if (Number(updated.numUpdatedRows) !== 1) throw new AppError('version_conflict');
    await recordEvent(trx, {
      type: 'enforcement.record_saved',
      actor,
      officeId: record.officeId,
      payload: { recordId: id, action: input.action },
      at,
    });
  });
  return findEnforcementRecord(db, secret, id);
}

/** Records of an office (null: all offices), newest decision first, in the restricted view. */
export async function listEnforcementRecords(
  db: Db,
  secret: string,
  officeId: string | null,
): Promise<EnforcementRecord[]> {
  const rows = await db
    .selectFrom('enforcement_records')
    .selectAll()
    .$if(officeId !== null, (qb) => qb.where('office_id', '=', officeId!))
    .orderBy('decided_on', 'desc')
    .orderBy('id', 'desc')
    .limit(1000)
    .execute();
  return rows.map((row) => toRecord(secret, row));
}

/** Records in citation form only, for publishers choosing what to cite. */
export async function listCitations(db: Db, officeId: string | null, ids?: string[]): Promise<Citation[]> {
  if (ids && ids.length === 0) return [];
  const rows = await db
    .selectFrom('enforcement_records')
    .selectAll()
    .$if(officeId !== null, (qb) => qb.where('office_id', '=', officeId!))
    .$if(ids !== undefined, (qb) => qb.where('id', 'in', ids!))
    .orderBy('decided_on', 'desc')
    .limit(1000)
    .execute();
  const citations = rows.map(toCitation);
  return ids ? ids.map((id) => citations.find((c) => c.id === id)).filter((c) => c !== undefined) : citations;
}

/** The cited persons' names and document numbers, for the privacy check only. */
export async function citedPersons(db: Db, secret: string, ids: string[]): Promise<CitedPerson[]> {
  if (ids.length === 0) return [];
  const rows = await db.selectFrom('enforcement_records').selectAll().where('id', 'in', ids).execute();
  return ids
    .map((id) => rows.find((r) => r.id === id))
    .filter((r) => r !== undefined)
    .map((row) => {
      const record = toRecord(secret, row);
      return { fullName: record.fullName, documentNumber: record.documentNumber };
    });
}

export interface StatisticsCell {
  key: string;
  /** Null when the count is 1–4 and must not be shown ("< 5"). */
  count: number | null;
}

export const SUPPRESSION_THRESHOLD = 5;

const suppress = (count: number): number | null =>
  count > 0 && count < SUPPRESSION_THRESHOLD ? null : count;

/**
 * Public statistics: persons by action, by nationality and by month of the decision (Asia/Jakarta calendar
 * month, from `decided_on`). Every cell with 1–4 persons is suppressed, and nationalities with fewer than five
 * persons are merged into one "other" row (itself suppressed when it is still under five).
 */
export async function enforcementStatistics(db: Db, officeId: string | null, year: number) {
  const rows = await db
    .selectFrom('enforcement_records')
    .select(['action', 'nationality', 'decided_on'])
    .$if(officeId !== null, (qb) => qb.where('office_id', '=', officeId!))
    .where('decided_on', '>=', `${year}-01-01`)
    .where('decided_on', '<=', `${year}-12-31`)
    .execute();
  const count = (key: (row: (typeof rows)[number]) => string) => {
    const counts = new Map<string, number>();
    for (const row of rows) counts.set(key(row), (counts.get(key(row)) ?? 0) + 1);
    return counts;
  };
  const byAction = ENFORCEMENT_ACTIONS.map((action) => ({
    key: action,
    count: suppress(count((r) => r.action).get(action) ?? 0),
  }));
  const months = count((r) => r.decided_on.slice(0, 7));
  const byMonth = Array.from({ length: 12 }, (_, i) => {
    const key = `${year}-${String(i + 1).padStart(2, '0')}`;
    return { key, count: suppress(months.get(key) ?? 0) };
  });
  const nations = [...count((r) => r.nationality).entries()].sort((a, b) => b[1] - a[1]);
  const shown = nations.filter(([, n]) => n >= SUPPRESSION_THRESHOLD);
  const other = nations.filter(([, n]) => n < SUPPRESSION_THRESHOLD).reduce((sum, [, n]) => sum + n, 0);
  const byNationality: StatisticsCell[] = shown.map(([key, n]) => ({ key, count: n }));
  if (other > 0) byNationality.push({ key: 'other', count: suppress(other) });
  return { year, total: suppress(rows.length), byAction, byMonth, byNationality };
}
