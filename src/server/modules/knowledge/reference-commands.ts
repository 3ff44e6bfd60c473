import type { Language } from '../../../shared/enums.js';
import type { Db } from '../../db/connection.js';
import { isUniqueViolation } from '../../db/dialect.js';
import { AppError } from '../../errors.js';
import type { Actor } from '../../events/catalogue.js';
import { recordEvent } from '../../events/record-event.js';
import { isCalendarDate } from '../../lib/calendar-dates.js';
import { newId } from '../../lib/ids.js';
import { inTransaction } from '../../lib/transaction.js';
import { referenceData } from '../offices/reference-data.js';
import { isSynonymTerm } from '../search/synonyms.js';
import type { StandardComponent } from './content/types.js';
import { invalidateCorpus } from './corpus.js';
import { type Fee, invalidateFees, toFee } from './fees.js';
import { type Category, toCategory } from './model.js';

// ---- categories ----

export interface CategoryInput {
  key: string;
  names: Record<Language, string>;
  descriptions?: Record<Language, string>;
  sortOrder?: number;
}

export async function saveCategory(
  db: Db,
  actor: Actor,
  id: string | null,
  input: Partial<CategoryInput>,
  at = new Date(),
): Promise<Category> {
  const categoryId = id ?? newId(at.getTime());
  await inTransaction(db, async (trx) => {
    try {
      if (id === null) {
        const count = await trx
          .selectFrom('kb_categories')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow();
        await trx
          .insertInto('kb_categories')
          .values({
            id: categoryId,
            key: input.key!,
            name_id: input.names!.id.trim(),
            name_en: input.names!.en.trim(),
            description_id: input.descriptions?.id.trim() ?? '',
            description_en: input.descriptions?.en.trim() ?? '',
            sort_order: input.sortOrder ?? Number(count.n) + 1,
            created_at: at.toISOString(),
            updated_at: at.toISOString(),
          })
          .execute();
      } else {
        const updated = await trx
          .updateTable('kb_categories')
          .set({
            ...(input.key ? { key: input.key } : {}),
            ...(input.names ? { name_id: input.names.id.trim(), name_en: input.names.en.trim() } : {}),
            ...(input.descriptions
              ? { description_id: input.descriptions.id.trim(), description_en: input.descriptions.en.trim() }
              : {}),
            ...(input.sortOrder !== undefined ? { sort_order: input.sortOrder } : {}),
            updated_at: at.toISOString(),
          })
          .where('id', '=', id)
          .executeTakeFirst();
        if (Number(updated.numUpdatedRows) !== 1) throw new AppError('not_found');
      }
    } catch (error) {
      if (isUniqueViolation(error)) throw new AppError('conflict', { field: 'key' });
      throw error;
    }
    const row = await trx
      .selectFrom('kb_categories')
      .select('key')
      .where('id', '=', categoryId)
      .executeTakeFirstOrThrow();
    await recordEvent(trx, {
      type: 'knowledge.category_saved',
      actor,
      officeId: null,
      payload: { id: categoryId, key: row.key },
      at,
    });
  });
  return toCategory(
    await db.selectFrom('kb_categories').selectAll().where('id', '=', categoryId).executeTakeFirstOrThrow(),
  );
}

export async function deleteCategory(db: Db, actor: Actor, id: string, at = new Date()): Promise<void> {
  await inTransaction(db, async (trx) => {
    const row = await trx.selectFrom('kb_categories').select('key').where('id', '=', id).executeTakeFirst();
    if (!row) throw new AppError('not_found');
    const used =
      (await trx
        .selectFrom('kb_articles')
        .select('id')
        .where('category_id', '=', id)
        .limit(1)
        .executeTakeFirst()) ??
      (await trx
        .selectFrom('kb_faqs')
        .select('id')
        .where('category_id', '=', id)
        .limit(1)
        .executeTakeFirst());
    if (used) throw new AppError('conflict', { field: 'id' });
    await trx.deleteFrom('kb_categories').where('id', '=', id).execute();
    await recordEvent(trx, {
      type: 'knowledge.category_saved',
      actor,
      officeId: null,
      payload: { id, key: row.key, deleted: true },
      at,
    });
  });
}

// ---- fees ----

export interface FeeInput {
  code: string;
  serviceCode: string;
  names: Record<Language, string>;
  amount: number;
  legalBasis: string;
  validFrom: string;
  validTo: string | null;
}

function checkPeriod(input: Pick<FeeInput, 'validFrom' | 'validTo'>): void {
  if (!isCalendarDate(input.validFrom))
    throw new AppError('validation_failed', { errors: [{ field: 'validFrom', code: 'format' }] });
  if (input.validTo !== null && (!isCalendarDate(input.validTo) || input.validTo < input.validFrom))
    throw new AppError('validation_failed', { errors: [{ field: 'validTo', code: 'invalid' }] });
}

/** Periods of one fee code never overlap, so exactly one amount (or none) is in force on any day. */
async function checkOverlap(db: Db, input: FeeInput, exceptId: string | null): Promise<void> {
  const others = await db
    .selectFrom('kb_fees')
    .select(['id', 'valid_from', 'valid_to'])
    .where('code', '=', input.code)
    .execute();
  const end = input.validTo ?? '9999-12-31';
  const overlaps = others.some(
    (o) => o.id !== exceptId && o.valid_from <= end && (o.valid_to ?? '9999-12-31') >= input.validFrom,
  );
  if (overlaps) throw new AppError('conflict', { field: 'validFrom' });
}

export async function saveFee(
  db: Db,
  actor: Actor,
  id: string | null,
  changes: Partial<FeeInput>,
  at = new Date(),
): Promise<Fee> {
  const existing = id
    ? await db.selectFrom('kb_fees').selectAll().where('id', '=', id).executeTakeFirst()
    : undefined;
  if (id && !existing) throw new AppError('not_found');
  const base = existing ? toFee(existing) : undefined;
  const input: FeeInput = {
    code: changes.code ?? base!.code,
    serviceCode: changes.serviceCode ?? base!.serviceCode,
    names: changes.names ?? base!.names,
    amount: changes.amount ?? base!.amount,
    legalBasis: changes.legalBasis ?? base!.legalBasis,
    validFrom: changes.validFrom ?? base!.validFrom,
    validTo: changes.validTo !== undefined ? changes.validTo : (base?.validTo ?? null),
  };
  checkPeriod(input);
  const feeId = id ?? newId(at.getTime());
  await inTransaction(db, async (trx) => {
    await checkOverlap(trx, input, id);
    const values = {
      code: input.code,
      service_code: input.serviceCode,
      name_id: input.names.id.trim(),
      name_en: input.names.en.trim(),
      amount: input.amount,
      legal_basis: input.legalBasis.trim(),
      valid_from: input.validFrom,
      valid_to: input.validTo,
      updated_at: at.toISOString(),
    };
    try {
      if (id) await trx.updateTable('kb_fees').set(values).where('id', '=', id).execute();
      else
        await trx
          .insertInto('kb_fees')
          .values({ id: feeId, ...values, created_at: at.toISOString() })
          .execute();
    } catch (error) {
      if (isUniqueViolation(error)) throw new AppError('conflict', { field: 'validFrom' });
      throw error;
    }
    await recordEvent(trx, {
      type: 'knowledge.fee_saved',
      actor,
      officeId: null,
      payload: {
        id: feeId,
        code: input.code,
        amount: input.amount,
        validFrom: input.validFrom,
        validTo: input.validTo,
      },
      at,
    });
  });
  invalidateFees(db);
  return toFee(await db.selectFrom('kb_fees').selectAll().where('id', '=', feeId).executeTakeFirstOrThrow());
}

export async function deleteFee(db: Db, actor: Actor, id: string, at = new Date()): Promise<void> {
  await inTransaction(db, async (trx) => {
    const row = await trx.selectFrom('kb_fees').selectAll().where('id', '=', id).executeTakeFirst();
    if (!row) throw new AppError('not_found');
    await trx.deleteFrom('kb_fees').where('id', '=', id).execute();
    await recordEvent(trx, {
      type: 'knowledge.fee_saved',
      actor,
      officeId: null,
      payload: {
        id,
        code: row.code,
        amount: Number(row.amount),
        validFrom: row.valid_from,
        validTo: row.valid_to,
        deleted: true,
      },
      at,
    });
  });
  invalidateFees(db);
}

// ---- service standards and maklumat (per office) ----

export interface StandardInput {
  legalBasis: string;
  effectiveFrom: string;
  components: Record<StandardComponent, Record<Language, string>>;
}

/** Creates the version of a service's standard taking effect on a date, or replaces that version. */
export async function saveServiceStandard(
  db: Db,
  actor: Actor,
  officeId: string,
  serviceCode: string,
  input: StandardInput,
  at = new Date(),
): Promise<void> {
  if (!isCalendarDate(input.effectiveFrom))
    throw new AppError('validation_failed', { errors: [{ field: 'effectiveFrom', code: 'format' }] });
  const services = (await referenceData(db)).services;
  if (!services.some((s) => s.office_id === officeId && s.code === serviceCode))
    throw new AppError('unknown_service', { field: 'serviceCode' });
  await inTransaction(db, async (trx) => {
    await trx
      .deleteFrom('kb_service_standards')
      .where('office_id', '=', officeId)
      .where('service_code', '=', serviceCode)
      .where('effective_from', '=', input.effectiveFrom)
      .execute();
    await trx
      .insertInto('kb_service_standards')
      .values({
        id: newId(at.getTime()),
        office_id: officeId,
        service_code: serviceCode,
        legal_basis: input.legalBasis.trim(),
        effective_from: input.effectiveFrom,
        components: JSON.stringify(input.components),
        created_at: at.toISOString(),
        updated_at: at.toISOString(),
      })
      .execute();
    await recordEvent(trx, {
      type: 'knowledge.standard_saved',
      actor,
      officeId,
      payload: { serviceCode, effectiveFrom: input.effectiveFrom },
      at,
    });
  });
}

export async function saveMaklumat(
  db: Db,
  actor: Actor,
  officeId: string,
  input: { effectiveFrom: string; text: Record<Language, string> },
  at = new Date(),
): Promise<void> {
  if (!isCalendarDate(input.effectiveFrom))
    throw new AppError('validation_failed', { errors: [{ field: 'effectiveFrom', code: 'format' }] });
  await inTransaction(db, async (trx) => {
    await trx
      .deleteFrom('kb_maklumat')
      .where('office_id', '=', officeId)
      .where('effective_from', '=', input.effectiveFrom)
      .execute();
    await trx
      .insertInto('kb_maklumat')
      .values({
        id: newId(at.getTime()),
        office_id: officeId,
        effective_from: input.effectiveFrom,
        text_id: input.text.id,
        text_en: input.text.en,
        created_at: at.toISOString(),
        updated_at: at.toISOString(),
      })
      .execute();
    await recordEvent(trx, {
      type: 'knowledge.maklumat_saved',
      actor,
      officeId,
      payload: { effectiveFrom: input.effectiveFrom },
      at,
    });
  });
}

// ---- the colloquial dictionary ----

export interface Synonym {
  id: string;
  language: Language;
  term: string;
  means: string;
}

function cleanMeaning(means: string): string {
  const cleaned = means.trim().toLowerCase().replace(/\s+/g, ' ');
  if (!cleaned || cleaned.length > 200)
    throw new AppError('validation_failed', { errors: [{ field: 'means', code: 'invalid' }] });
  return cleaned;
}

export async function saveSynonym(
  db: Db,
  actor: Actor,
  id: string | null,
  input: { language?: Language; term?: string; means: string },
  at = new Date(),
): Promise<Synonym> {
  const means = cleanMeaning(input.means);
  const synonymId = id ?? newId(at.getTime());
  await inTransaction(db, async (trx) => {
    let language: Language;
    let term: string;
    if (id) {
      const row = await trx.selectFrom('kb_synonyms').selectAll().where('id', '=', id).executeTakeFirst();
      if (!row) throw new AppError('not_found');
      ({ language, term } = row);
      await trx
        .updateTable('kb_synonyms')
        .set({ means, updated_at: at.toISOString() })
        .where('id', '=', id)
        .execute();
    } else {
      term = (input.term ?? '').trim().toLowerCase();
      language = input.language!;
      if (!isSynonymTerm(term))
        throw new AppError('validation_failed', { errors: [{ field: 'term', code: 'pattern' }] });
      try {
        await trx
          .insertInto('kb_synonyms')
          .values({
            id: synonymId,
            language,
            term,
            means,
            created_at: at.toISOString(),
            updated_at: at.toISOString(),
          })
          .execute();
      } catch (error) {
        if (isUniqueViolation(error)) throw new AppError('conflict', { field: 'term' });
        throw error;
      }
    }
    await recordEvent(trx, {
      type: 'knowledge.synonym_saved',
      actor,
      officeId: null,
      payload: { language, term, means },
      at,
    });
  });
  invalidateCorpus(db);
  const row = await db
    .selectFrom('kb_synonyms')
    .selectAll()
    .where('id', '=', synonymId)
    .executeTakeFirstOrThrow();
  return { id: row.id, language: row.language, term: row.term, means: row.means };
}

export async function deleteSynonym(db: Db, actor: Actor, id: string, at = new Date()): Promise<void> {
  await inTransaction(db, async (trx) => {
    const row = await trx.selectFrom('kb_synonyms').selectAll().where('id', '=', id).executeTakeFirst();
    if (!row) throw new AppError('not_found');
    await trx.deleteFrom('kb_synonyms').where('id', '=', id).execute();
    await recordEvent(trx, {
      type: 'knowledge.synonym_saved',
      actor,
      officeId: null,
      payload: { language: row.language, term: row.term, means: row.means, deleted: true },
      at,
    });
  });
  invalidateCorpus(db);
}
