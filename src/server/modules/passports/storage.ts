import type { Selectable } from 'kysely';
import type { Db } from '../../db/connection.js';
import { toBool, toIso, toIsoOrNull } from '../../db/dialect.js';
import type { PassportApplicationTable } from '../../db/schema.js';
import {
  type CompletionSetting,
  DEFAULT_COMPLETION,
  type PassportApplication,
  type PassportKind,
  type PassportService,
  type PriorityGroup,
  SPEEDS,
  type Speed,
  type Stage,
} from './model.js';

export type ApplicationRow = Selectable<PassportApplicationTable>;

export interface StoredApplication extends PassportApplication {
  nikHash: string | null;
}

export function toApplication(row: ApplicationRow): StoredApplication {
  return {
    id: row.id,
    officeId: row.office_id,
    applicationNumber: row.application_number,
    applicantName: row.applicant_name,
    birthDate: row.birth_date,
    nikHash: row.nik_hash,
    nikLast4: row.nik_last4,
    contactEmail: row.contact_email,
    contactPhone: row.contact_phone,
    contactConsent: toBool(row.contact_consent),
    consentGivenAt: toIsoOrNull(row.consent_given_at),
    consentWithdrawal: row.consent_withdrawn_at
      ? {
          at: toIso(row.consent_withdrawn_at),
          source: row.consent_withdrawn_source === 'unsubscribe' ? 'unsubscribe' : 'staff',
        }
      : null,
    language: row.language === 'en' ? 'en' : 'id',
    passportKind: row.passport_kind as PassportKind,
    validityYears: row.validity_years,
    service: row.service as PassportService,
    speed: row.speed as Speed,
    appointmentDate: row.appointment_date,
    priorityGroup: row.priority_group as PriorityGroup | null,
    stage: row.stage as Stage,
    stageAt: toIso(row.stage_at),
    stageOfficer: row.stage_officer,
    stageNote: row.stage_note,
    expectedAt: toIsoOrNull(row.expected_at),
    createdAt: toIso(row.created_at),
    updatedAt: toIso(row.updated_at),
    version: row.version,
  };
}

export async function findApplication(db: Db, id: string): Promise<StoredApplication | undefined> {
  const row = await db
    .selectFrom('passport_applications')
    .selectAll()
    .where('id', '=', id)
    .executeTakeFirst();
  return row && toApplication(row);
}

export async function findApplicationByNumber(
  db: Db,
  officeId: string,
  applicationNumber: string,
): Promise<StoredApplication | undefined> {
  const row = await db
    .selectFrom('passport_applications')
    .selectAll()
    .where('office_id', '=', officeId)
    .where('application_number', '=', applicationNumber)
    .executeTakeFirst();
  return row && toApplication(row);
}

/** Existing applications of one office by number, read in chunks that keep within both engines' parameter limits. */
export async function findApplicationsByNumbers(
  db: Db,
  officeId: string,
  numbers: readonly string[],
): Promise<Map<string, StoredApplication>> {
  const found = new Map<string, StoredApplication>();
  for (let i = 0; i < numbers.length; i += 900) {
    const rows = await db
      .selectFrom('passport_applications')
      .selectAll()
      .where('office_id', '=', officeId)
      .where('application_number', 'in', numbers.slice(i, i + 900))
      .execute();
    for (const row of rows) found.set(row.application_number, toApplication(row));
  }
  return found;
}

export interface StageEntry {
  id: string;
  stage: Stage;
  at: string;
  officer: string | null;
  note: string | null;
  source: string;
}

export async function listStages(db: Db, applicationId: string): Promise<StageEntry[]> {
  const rows = await db
    .selectFrom('passport_stages')
    .select(['id', 'stage', 'at', 'officer', 'note', 'source'])
    .where('application_id', '=', applicationId)
    .orderBy('at')
    .orderBy('id')
    .execute();
  return rows.map((r) => ({ ...r, stage: r.stage as Stage, at: toIso(r.at) }));
}

/** The office's completion times per speed: its saved settings, else the defaults from the service standard. */
export async function completionSettings(
  db: Db,
  officeId: string,
): Promise<Record<Speed, CompletionSetting>> {
  const rows = await db
    .selectFrom('passport_settings')
    .select(['speed', 'working_days', 'source'])
    .where('office_id', '=', officeId)
    .execute();
  const result = { ...DEFAULT_COMPLETION };
  for (const row of rows)
    if ((SPEEDS as readonly string[]).includes(row.speed))
      result[row.speed as Speed] = {
        speed: row.speed as Speed,
        workingDays: row.working_days,
        source: row.source,
      };
  return result;
}

export async function saveCompletionSetting(
  db: Db,
  officeId: string,
  setting: CompletionSetting,
  now: Date,
): Promise<void> {
  const values = {
    office_id: officeId,
    speed: setting.speed,
    working_days: setting.workingDays,
    source: setting.source,
    updated_at: now.toISOString(),
  };
  await db
    .insertInto('passport_settings')
    .values(values)
    .onConflict((oc) =>
      oc.columns(['office_id', 'speed']).doUpdateSet({
        working_days: values.working_days,
        source: values.source,
        updated_at: values.updated_at,
      }),
    )
    .execute();
}

export interface LinkedCase {
  caseId: string;
  trackingCode: string;
  subject: string;
  status: string;
  linkedAt: string;
}

export async function listLinkedCases(db: Db, applicationId: string): Promise<LinkedCase[]> {
  const rows = await db
    .selectFrom('passport_case_links as l')
    .innerJoin('cases as c', 'c.id', 'l.case_id')
    .select(['c.id', 'c.tracking_code', 'c.subject', 'c.status', 'l.linked_at'])
    .where('l.application_id', '=', applicationId)
    .orderBy('l.linked_at')
    .execute();
  return rows.map((r) => ({
    caseId: r.id,
    trackingCode: r.tracking_code,
    subject: r.subject,
    status: r.status,
    linkedAt: toIso(r.linked_at),
  }));
}

/** The application a case is linked to, if any. */
export async function applicationOfCase(db: Db, caseId: string): Promise<StoredApplication | undefined> {
  const row = await db
    .selectFrom('passport_case_links as l')
    .innerJoin('passport_applications as a', 'a.id', 'l.application_id')
    .selectAll('a')
    .where('l.case_id', '=', caseId)
    .executeTakeFirst();
  return row && toApplication(row);
}
