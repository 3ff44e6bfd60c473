import type { CaseType, Channel, Language, Priority } from '../../../shared/enums.js';
import type { Db } from '../../db/connection.js';
import { toBool } from '../../db/dialect.js';
import type { NewCaseRow } from '../../db/schema.js';
import { AppError } from '../../errors.js';
import type { Actor } from '../../events/catalogue.js';
import { recordEvent } from '../../events/record-event.js';
import { localDay } from '../../lib/calendar-dates.js';
import { newId } from '../../lib/ids.js';
import { inTransaction } from '../../lib/transaction.js';
import { findCategoryByCode, findOfficeByCode, findServiceByCode, type Office } from '../offices/storage.js';
import { indexDocument } from '../search/search-index.js';
import { dueTimesForNewCase } from '../service-levels/due-times.js';
import { generateAccessKey, hashAccessKey } from './access-key.js';
import { type Case, toCase } from './model.js';
import { insertCase, trackingCodeExists } from './storage.js';
import { generateTrackingCode } from './tracking-code.js';

export interface NewCase {
  type: CaseType;
  officeCode: string;
  subject: string;
  description: string;
  serviceCode?: string;
  categoryCode?: string;
  channel: Channel;
  language: Language;
  priority?: Priority;
  contact?: { name?: string; email?: string; phone?: string };
  anonymous?: boolean;
  confidential?: boolean;
}

export interface CreatedCase {
  case: Case;
  /** Shown to the submitter once; only its hash is stored. */
  accessKey: string;
}

/** Registers a case from any channel and gives it a tracking code and access key. */
export async function createCase(
  db: Db,
  actor: Actor,
  input: NewCase,
  options: { secret: string; now?: Date },
): Promise<CreatedCase> {
  const now = options.now ?? new Date();
  const subject = requireText(input.subject, 'subject');
  const description = requireText(input.description.replace(/\r\n?/g, '\n'), 'description');
  const accessKey = generateAccessKey();
  const store = async (trx: Db) => {
    const office = await findOfficeByCode(trx, input.officeCode);
    if (!office) throw new AppError('unknown_office', { field: 'officeCode' });
    const { serviceId, categoryId } = await resolveClassification(trx, office.id, input);
    const code = await uniqueTrackingCode(trx, office, now);
    const priority = input.priority ?? 'normal';
    // From the office's cached policies and calendar: no query once they are warm.
    const dueTimes = await dueTimesForNewCase(
      trx,
      office.id,
      { type: input.type, serviceId, categoryId, priority },
      now,
    );
    const at = now.toISOString();
    const id = newId(now.getTime());
    const row = {
      id,
      office_id: office.id,
      tracking_code: code,
      access_key_hash: hashAccessKey(options.secret, accessKey)!,
      type: input.type,
      status: 'received',
      subject,
      description,
      service_id: serviceId,
      category_id: categoryId,
      channel: input.channel,
      language: input.language,
      priority,
      contact_name: cleanOptional(input.contact?.name),
      contact_email: cleanOptional(input.contact?.email)?.toLowerCase() ?? null,
      contact_phone: cleanOptional(input.contact?.phone),
      anonymous: input.anonymous ?? false,
      confidential: input.confidential ?? false,
      assignee_id: null,
      team_id: null,
      rejection_reason: null,
      received_at: at,
      first_response_at: null,
      waiting_since: null,
      resolved_at: null,
      closed_at: null,
      ...dueTimes,
      sla_paused_minutes: 0,
      updated_at: at,
      version: 1,
      merged_into_id: null,
    } satisfies NewCaseRow;
    await insertCase(trx, row);
    await indexDocument(trx, 'case', id, `${subject}\n${description}`, input.language);
    await recordEvent(trx, {
      type: 'case.created',
      actor,
      officeId: office.id,
      caseId: id,
      payload: {
        trackingCode: code,
        type: input.type,
        channel: input.channel,
        priority: input.priority ?? 'normal',
      },
      at: now,
      // The contact details stay out of the stored event; the reactions get them from here, without a read.
      facts: {
        case: {
          contactName: row.contact_name,
          contactEmail: row.contact_email,
          contactPhone: row.contact_phone,
          anonymous: row.anonymous,
          confidential: row.confidential,
          categoryId: row.category_id,
          receivedAt: now,
        },
      },
    });
    return row;
  };
  // `store` reads and writes only this database (the reactions to case.created too), so running it twice does no
  // harm: submissions, the busiest writes, then share a commit without a savepoint each (db/group-commit.ts).
  const row = await inTransaction(db, store, { rerunnable: true });
  return { case: toCase(row), accessKey };
}

async function resolveClassification(
  db: Db,
  officeId: string,
  input: Pick<NewCase, 'serviceCode' | 'categoryCode'>,
): Promise<{ serviceId: string | null; categoryId: string | null }> {
  const service = input.serviceCode ? await findServiceByCode(db, officeId, input.serviceCode) : undefined;
  // Switched-off services and categories take no new cases; existing cases keep theirs.
  if (input.serviceCode && (!service || !toBool(service.active))) {
    throw new AppError('unknown_service', { field: 'serviceCode' });
  }
  if (!input.categoryCode) return { serviceId: service?.id ?? null, categoryId: null };
  const category = await findCategoryByCode(db, officeId, input.categoryCode);
  if (!category || !toBool(category.active))
    throw new AppError('unknown_category', { field: 'categoryCode' });
  if (service && category.service_id !== service.id) {
    throw new AppError('category_service_mismatch', { field: 'categoryCode' });
  }
  return { serviceId: category.service_id, categoryId: category.id };
}

/** Year as the office's clock shows it: a case received on 31 December 23:30 in Surabaya belongs to that year. */
function yearIn(timeZone: string, at: Date): number {
  return Number(localDay(timeZone, at).slice(0, 4));
}

/** A tracking code no case has yet. `generate` is there for the test that makes codes clash. */
export async function uniqueTrackingCode(
  db: Db,
  office: Office,
  now: Date,
  generate = generateTrackingCode,
): Promise<string> {
  const year = yearIn(office.timeZone, now);
  // A billion codes per office and year: a clash is rare, and checking first keeps the transaction valid on
  // PostgreSQL, where a failed INSERT would abort it.
  for (;;) {
    const code = generate(office.code, year);
    if (!(await trackingCodeExists(db, code))) return code;
  }
}

export function requireText(value: string, field: string): string {
  const trimmed = value.trim();
  if (trimmed === '') {
    throw new AppError('validation_failed', { errors: [{ field, code: 'blank' }] });
  }
  return trimmed;
}

function cleanOptional(value: string | undefined): string | null {
  const trimmed = value?.trim();
  return trimmed ? trimmed : null;
}
