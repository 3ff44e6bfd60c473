import type { Kysely } from 'kysely';
import type { Db } from '../../db/connection.js';
import { dialectOf } from '../../db/dialect.js';
import { AppError } from '../../errors.js';
import type { Actor, EventPayloads, PassportChangeSource } from '../../events/catalogue.js';
import { reactionsTo } from '../../events/reactions.js';
import { newId } from '../../lib/ids.js';
import { officeCalendar } from '../calendar/storage.js';
import {
  type CompletionSetting,
  canMove,
  dateToInstant,
  expectedCompletion,
  type PassportKind,
  type PassportService,
  type PriorityGroup,
  type Speed,
  type Stage,
  searchableName,
} from './model.js';
import { completionSettings, findApplicationsByNumbers, type StoredApplication } from './storage.js';

/** A complete, validated application as the office's system knows it (one import row, one API record). */
export interface ApplicationInput {
  applicationNumber: string;
  applicantName: string;
  birthDate: string;
  /** HMAC of the NIK and its last four digits; undefined keeps what is stored. */
  nik?: { hash: string; last4: string } | null;
  contactEmail?: string | null;
  contactPhone?: string | null;
  contactConsent?: boolean;
  /** When the applicant gave the consent (ISO), if the office's system says: only this can outweigh a withdrawal. */
  contactConsentAt?: string | null;
  language?: 'id' | 'en';
  passportKind: PassportKind;
  validityYears: number;
  service: PassportService;
  speed: Speed;
  appointmentDate?: string | null;
  priorityGroup?: PriorityGroup | null;
  stage: Stage;
  stageAt: string;
  stageOfficer?: string | null;
  stageNote?: string | null;
}

/**
 * What a record does to the stored application. `stale`: the record describes an earlier moment than what is
 * stored (an old export imported after newer pushes) and is skipped; `invalid_transition`: it would move the
 * application backwards or out of a final stage.
 */
export type Plan =
  | { kind: 'create' }
  | { kind: 'update'; fields: string[]; stageChanged: boolean }
  | { kind: 'unchanged' }
  | { kind: 'stale' }
  | { kind: 'invalid_transition'; from: Stage; to: Stage };

const DETAIL_FIELDS = [
  ['applicantName', 'applicant_name'],
  ['birthDate', 'birth_date'],
  ['contactEmail', 'contact_email'],
  ['contactPhone', 'contact_phone'],
  ['contactConsent', 'contact_consent'],
  ['language', 'language'],
  ['passportKind', 'passport_kind'],
  ['validityYears', 'validity_years'],
  ['service', 'service'],
  ['speed', 'speed'],
  ['appointmentDate', 'appointment_date'],
  ['priorityGroup', 'priority_group'],
] as const;

/**
 * The applicant's withdrawal wins over what the office's system still says: a record with consent = yes does not
 * switch notifications back on after a withdrawal unless it carries a consent time later than the withdrawal
 * (a new, explicit consent). Otherwise the consent value is ignored and the stored one (off) is kept.
 */
export function respectWithdrawal(
  existing: StoredApplication | undefined,
  input: ApplicationInput,
): ApplicationInput {
  const withdrawal = existing?.consentWithdrawal;
  if (!withdrawal || input.contactConsent !== true || existing.contactConsent) return input;
  const givenAt = input.contactConsentAt ? Date.parse(input.contactConsentAt) : Number.NaN;
  if (givenAt > Date.parse(withdrawal.at)) return input;
  return { ...input, contactConsent: undefined };
}

/** Pure: compares a record with the stored application. Optional fields left undefined keep their value. */
export function planChange(existing: StoredApplication | undefined, record: ApplicationInput): Plan {
  if (!existing) return { kind: 'create' };
  const input = respectWithdrawal(existing, record);
  const fields: string[] = [];
  for (const [key] of DETAIL_FIELDS) {
    const value = input[key];
    if (value !== undefined && value !== existing[key]) fields.push(key);
  }
  if (input.nik !== undefined && (input.nik?.hash ?? null) !== existing.nikHash) fields.push('nik');
  let stageChanged = false;
  if (input.stage !== existing.stage) {
    if (Date.parse(input.stageAt) < Date.parse(existing.stageAt)) return { kind: 'stale' };
    if (!canMove(existing.stage, input.stage))
      return { kind: 'invalid_transition', from: existing.stage, to: input.stage };
    stageChanged = true;
  } else if (input.stageNote !== undefined && (input.stageNote ?? null) !== existing.stageNote) {
    fields.push('stageNote');
  }
  if (!stageChanged && fields.length === 0) return { kind: 'unchanged' };
  return { kind: 'update', fields, stageChanged };
}

export interface BatchResult {
  results: { applicationNumber: string; plan: Plan; applicationId?: string }[];
  created: number;
  updated: number;
  unchanged: number;
  stale: number;
  invalid: number;
}

interface OfficeRules {
  settings: Record<Speed, CompletionSetting>;
  expected(speed: Speed, start: Date): string | null;
}

async function officeRules(db: Db, officeId: string): Promise<OfficeRules> {
  const [settings, calendar] = await Promise.all([
    completionSettings(db, officeId),
    officeCalendar(db, officeId),
  ]);
  return {
    settings,
    expected(speed, start) {
      if (!calendar) return null;
      return expectedCompletion(calendar, start, settings[speed].workingDays)?.toISOString() ?? null;
    },
  };
}

/** When the completion clock starts: the day the missing documents came in, else the appointment day, else now. */
function clockStart(input: ApplicationInput, existing: StoredApplication | undefined): Date {
  if (existing?.stage === 'needs_documents' && input.stage !== 'needs_documents')
    return new Date(input.stageAt);
  const appointment = input.appointmentDate === undefined ? existing?.appointmentDate : input.appointmentDate;
  return appointment ? dateToInstant(appointment) : new Date(input.stageAt);
}

type EventDraft = {
  [T in 'passport.application_created' | 'passport.application_updated' | 'passport.stage_changed']: {
    type: T;
    payload: EventPayloads[T];
  };
}['passport.application_created' | 'passport.application_updated' | 'passport.stage_changed'];

/**
 * Applies records of one office in the caller's transaction: creates unknown applications, updates changed ones
 * (a stage change appends to the stage history), leaves identical ones alone — no write, no event. Statements are
 * batched (multi-row inserts), so one call handles thousands of records quickly. Records that are stale or would
 * make an invalid move are reported and skipped.
 */
export async function applyRecords(
  trx: Db,
  actor: Actor,
  officeId: string,
  inputs: readonly ApplicationInput[],
  options: { source: PassportChangeSource; now: Date; rules?: OfficeRules },
): Promise<BatchResult> {
  const { now, source } = options;
  const rules = options.rules ?? (await officeRules(trx, officeId));
  const existing = await findApplicationsByNumbers(
    trx,
    officeId,
    inputs.map((i) => i.applicationNumber),
  );
  const nowIso = now.toISOString();
  const creates: Record<string, unknown>[] = [];
  const stages: Record<string, unknown>[] = [];
  const events: EventDraft[] = [];
  const result: BatchResult = { results: [], created: 0, updated: 0, unchanged: 0, stale: 0, invalid: 0 };

  for (const record of inputs) {
    const current = existing.get(record.applicationNumber);
    const input = respectWithdrawal(current, record);
    const plan = planChange(current, input);
    result.results.push({ applicationNumber: input.applicationNumber, plan, applicationId: current?.id });
    if (plan.kind === 'unchanged') result.unchanged++;
    else if (plan.kind === 'stale') result.stale++;
    else if (plan.kind === 'invalid_transition') result.invalid++;
    if (plan.kind !== 'create' && plan.kind !== 'update') continue;

    const consent = input.contactConsent ?? current?.contactConsent ?? false;
    const email = input.contactEmail === undefined ? (current?.contactEmail ?? null) : input.contactEmail;
    const speed = input.speed;
    const stageChanged = plan.kind === 'create' || plan.stageChanged;
    // The promise is made once the applicant has come (or booked, for a new record) and again when missing
    // documents come in; other stage changes keep it, so a slow office cannot move its own deadline.
    const recompute =
      plan.kind === 'create' ||
      (plan.stageChanged && (current!.stage === 'booked' || current!.stage === 'needs_documents')) ||
      plan.fields.includes('speed') ||
      plan.fields.includes('appointmentDate');
    const expectedAt = recompute
      ? rules.expected(speed, clockStart(input, current))
      : (current?.expectedAt ?? null);

    if (plan.kind === 'create') {
      const id = newId(now.getTime());
      result.results[result.results.length - 1]!.applicationId = id;
      result.created++;
      creates.push({
        id,
        office_id: officeId,
        application_number: input.applicationNumber,
        applicant_name: input.applicantName,
        name_search: searchableName(input.applicantName),
        birth_date: input.birthDate,
        nik_hash: input.nik?.hash ?? null,
        nik_last4: input.nik?.last4 ?? null,
        contact_email: email,
        contact_phone: input.contactPhone ?? null,
        contact_consent: consent,
        consent_given_at: consent ? (input.contactConsentAt ?? null) : null,
        language: input.language ?? 'id',
        passport_kind: input.passportKind,
        validity_years: input.validityYears,
        service: input.service,
        speed,
        appointment_date: input.appointmentDate ?? null,
        priority_group: input.priorityGroup ?? null,
        stage: input.stage,
        stage_at: input.stageAt,
        stage_officer: input.stageOfficer ?? null,
        stage_note: input.stageNote ?? null,
        expected_at: expectedAt,
        created_at: nowIso,
        updated_at: nowIso,
        version: 1,
      });
      stages.push(stageRow(id, input, source, nowIso));
      events.push({
        type: 'passport.application_created',
        payload: {
          applicationId: id,
          applicationNumber: input.applicationNumber,
          stage: input.stage,
          source,
        },
      });
      continue;
    }

    const app = current!;
    result.updated++;
    const set: Record<string, unknown> = {
      updated_at: nowIso,
      version: app.version + 1,
      expected_at: expectedAt,
    };
    for (const [key, column] of DETAIL_FIELDS)
      if (plan.fields.includes(key)) set[column] = input[key] ?? null;
    if (plan.fields.includes('applicantName')) set.name_search = searchableName(input.applicantName);
    if (plan.fields.includes('contactConsent'))
      set.consent_given_at = input.contactConsent ? (input.contactConsentAt ?? null) : null;
    if (plan.fields.includes('nik')) {
      set.nik_hash = input.nik?.hash ?? null;
      set.nik_last4 = input.nik?.last4 ?? null;
    }
    if (plan.fields.includes('stageNote')) set.stage_note = input.stageNote ?? null;
    if (stageChanged) {
      Object.assign(set, {
        stage: input.stage,
        stage_at: input.stageAt,
        stage_officer: input.stageOfficer ?? null,
        stage_note: input.stageNote ?? null,
      });
      stages.push(stageRow(app.id, input, source, nowIso));
    }
    const updated = await trx
      .updateTable('passport_applications')
      .set(set)
      .where('id', '=', app.id)
      .where('version', '=', app.version)
      .executeTakeFirst();
    // Someone changed it since it was read in this transaction (PostgreSQL, concurrent writers): try again.
    if (Number(updated.numUpdatedRows) !== 1) throw new AppError('version_conflict');
    if (plan.fields.length > 0)
      events.push({
        type: 'passport.application_updated',
        payload: {
          applicationId: app.id,
          applicationNumber: app.applicationNumber,
          fields: plan.fields,
          source,
        },
      });
    if (stageChanged)
      events.push({
        type: 'passport.stage_changed',
        payload: {
          applicationId: app.id,
          applicationNumber: app.applicationNumber,
          from: app.stage,
          to: input.stage,
          at: input.stageAt,
          source,
          notify: consent && email !== null,
        },
      });
  }

  await insertChunked(trx, 'passport_applications', creates);
  await insertChunked(trx, 'passport_stages', stages);
  await recordPassportEvents(trx, actor, officeId, events, now);
  return result;
}

function stageRow(applicationId: string, input: ApplicationInput, source: string, nowIso: string) {
  return {
    id: newId(),
    application_id: applicationId,
    stage: input.stage,
    at: input.stageAt,
    officer: input.stageOfficer ?? null,
    note: input.stageNote ?? null,
    source,
    created_at: nowIso,
  };
}

/** Multi-row inserts, chunked to stay under SQLite's and PostgreSQL's bound-parameter limits. */
async function insertChunked(
  trx: Db,
  table: 'passport_applications' | 'passport_stages' | 'events',
  rows: Record<string, unknown>[],
): Promise<void> {
  if (rows.length === 0) return;
  const perRow = Object.keys(rows[0]!).length;
  const size = Math.max(1, Math.floor(30_000 / perRow));
  for (let i = 0; i < rows.length; i += size)
    // biome-ignore lint/suspicious/noExplicitAny: the table is one of three known ones; their row types differ.
    await (trx as Kysely<any>)
      .insertInto(table)
      .values(rows.slice(i, i + size))
      .execute();
}

/**
 * The batch counterpart of `recordEvent`: the same rows in one multi-row insert, then the same reactions
 * (events/reactions.ts) for each, in the caller's transaction.
 */
async function recordPassportEvents(
  trx: Db,
  actor: Actor,
  officeId: string,
  drafts: EventDraft[],
  at: Date,
): Promise<void> {
  if (drafts.length === 0) return;
  const rows = drafts.map((draft) => ({
    id: newId(at.getTime()),
    office_id: officeId,
    case_id: null,
    type: draft.type,
    actor_type: actor.type,
    actor_id: actor.id,
    actor_name: actor.name,
    payload: JSON.stringify(draft.payload),
    created_at: at.toISOString(),
  }));
  await insertChunked(trx, 'events', rows);
  const ctx = { dialect: dialectOf(trx as unknown as Kysely<unknown>) };
  for (let i = 0; i < drafts.length; i++) {
    const draft = drafts[i]!;
    const reactions = reactionsTo(draft.type);
    if (!reactions) continue;
    const recorded = {
      id: rows[i]!.id,
      type: draft.type,
      actor,
      payload: draft.payload,
      officeId,
      caseId: null,
      at,
    };
    for (const reaction of reactions)
      await (reaction as (...args: unknown[]) => Promise<void>)(trx, recorded, ctx);
  }
}

export { officeRules };
