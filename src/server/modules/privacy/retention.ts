import { Type } from 'typebox';
import { CASE_TYPES, type CaseType } from '../../../shared/enums.js';
import type { Db } from '../../db/connection.js';
import { toIso } from '../../db/dialect.js';
import type { Actor } from '../../events/catalogue.js';
import { SYSTEM_ACTOR } from '../../events/catalogue.js';
import { recordEvent } from '../../events/record-event.js';
import { defineJob, definePeriodicJob } from '../../jobs/registry.js';
import { inTransaction } from '../../lib/transaction.js';
import { anonymiseCaseContact } from './anonymise.js';

export interface RetentionRule {
  caseType: CaseType;
  /** Contact details go this many months after closing; null keeps them. */
  anonymiseAfterMonths: number | null;
  updatedAt: string | null;
}

/** Every case type of the office with its rule (types without a row keep contact details). */
export async function listRetention(db: Db, officeId: string): Promise<RetentionRule[]> {
  const rows = await db
    .selectFrom('retention_policies')
    .selectAll()
    .where('office_id', '=', officeId)
    .execute();
  return CASE_TYPES.map((caseType) => {
    const row = rows.find((r) => r.case_type === caseType);
    return {
      caseType,
      anonymiseAfterMonths: row?.anonymise_after_months ?? null,
      updatedAt: row ? toIso(row.updated_at) : null,
    };
  });
}

export async function saveRetention(
  db: Db,
  actor: Actor,
  officeId: string,
  caseType: string,
  months: number | null,
  now: Date,
): Promise<void> {
  await inTransaction(db, async (trx) => {
    await trx
      .deleteFrom('retention_policies')
      .where('office_id', '=', officeId)
      .where('case_type', '=', caseType)
      .execute();
    await trx
      .insertInto('retention_policies')
      .values({
        office_id: officeId,
        case_type: caseType,
        anonymise_after_months: months,
        updated_at: now.toISOString(),
      })
      .execute();
    await recordEvent(trx, {
      type: 'privacy.retention_saved',
      actor,
      officeId,
      payload: { caseType, months },
      at: now,
    });
  });
}

/** The date N calendar months before `now` (UTC), clamped to the month's last day. */
export function monthsBefore(now: Date, months: number): Date {
  const target = new Date(
    Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - months, 1, now.getUTCHours(), now.getUTCMinutes()),
  );
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(now.getUTCDate(), lastDay));
  return target;
}

/**
 * Anonymises contact details of closed cases past their office's retention (anonymise.ts: the case's fields,
 * e-mail records, app conversation, logged call, message names); returns how many cases changed. Retention works
 * per case: the person's contact and identities stay while another of their cases or calls still uses them.
 */
export async function applyRetention(db: Db, now: Date, batch = 500, signal?: AbortSignal): Promise<number> {
  const rules = await db
    .selectFrom('retention_policies')
    .selectAll()
    .where('anonymise_after_months', 'is not', null)
    .execute();
  let changed = 0;
  for (const rule of rules) {
    const cutoff = monthsBefore(now, rule.anonymise_after_months!).toISOString();
    const due = await db
      .selectFrom('cases')
      .select('id')
      .where('office_id', '=', rule.office_id)
      .where('type', '=', rule.case_type as (typeof CASE_TYPES)[number])
      .where('status', 'in', ['closed', 'rejected'])
      .where('closed_at', '<=', cutoff)
      .where((eb) =>
        eb.or([
          eb('contact_name', 'is not', null),
          eb('contact_email', 'is not', null),
          eb('contact_phone', 'is not', null),
          eb.exists(
            eb
              .selectFrom('email_messages as m')
              .select('m.id')
              .whereRef('m.case_id', '=', 'cases.id')
              .where((m) => m.or([m('m.sender', 'is not', null), m('m.recipient', 'is not', null)])),
          ),
          // A WhatsApp or Telegram conversation keeps the number or chat id after the case's fields are gone.
          eb.exists(
            eb.selectFrom('channel_messages as cm').select('cm.id').whereRef('cm.case_id', '=', 'cases.id'),
          ),
        ]),
      )
      .limit(batch)
      .execute();
    for (const { id } of due) {
      // A stopping worker leaves the rest for the next run.
      if (signal?.aborted) return changed;
      if (await anonymiseCaseContact(db, SYSTEM_ACTOR, id, 'retention', now)) changed++;
    }
  }
  return changed;
}

export const retentionJob = defineJob('privacy.retention', {
  payload: Type.Object({}),
  async run(ctx) {
    const changed = await applyRetention(ctx.db, ctx.now(), 500, ctx.signal);
    if (changed) ctx.log.info({ cases: changed }, 'contact details anonymised by retention');
  },
});

definePeriodicJob(retentionJob, { everyMs: 24 * 3_600_000, payload: () => ({}) });
