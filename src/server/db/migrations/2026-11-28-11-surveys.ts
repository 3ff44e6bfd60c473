import type { Kysely } from 'kysely';
import { columnTypes, dialectOf } from '../dialect.js';

/**
 * Satisfaction and transparency (issue #8):
 * - `skm_responses`: SKM answers (PermenPANRB 14/2017), with the office's calendar day only — no time, no case,
 *   no address — so an answer cannot be traced back to a person;
 * - `skm_daily`: the running sums per office, service and day the IKM is computed from;
 * - `skm_used_tokens`: one-time links already answered (an HMAC of the case or application, not its id);
 * - `skm_follow_ups`: the follow-up plan supervisors write for a report period;
 * - `case_feedback`: the per-case rating (1–5 and a comment) on resolved cases, seen by staff on the case;
 * - `transparency_daily`, `transparency_monthly` + `transparency_counted`: the dashboard's incremental aggregates, kept in the same
 *   transaction as the case and passport events that change them (modules/transparency/rollup.ts).
 */
export async function up(db: Kysely<any>): Promise<void> {
  const t = columnTypes(dialectOf(db));

  await db.schema
    .createTable('skm_responses')
    .addColumn('id', t.id, (c) => c.primaryKey())
    .addColumn('office_id', t.id, (c) => c.notNull().references('offices.id'))
    .addColumn('service_code', 'varchar(40)', (c) => c.notNull())
    .addColumn('day', 'varchar(10)', (c) => c.notNull())
    .addColumn('source', 'varchar(10)', (c) => c.notNull())
    .addColumn('language', 'varchar(2)', (c) => c.notNull())
    .addColumn('u1', 'integer', (c) => c.notNull())
    .addColumn('u2', 'integer', (c) => c.notNull())
    .addColumn('u3', 'integer', (c) => c.notNull())
    .addColumn('u4', 'integer', (c) => c.notNull())
    .addColumn('u5', 'integer', (c) => c.notNull())
    .addColumn('u6', 'integer', (c) => c.notNull())
    .addColumn('u7', 'integer', (c) => c.notNull())
    .addColumn('u8', 'integer', (c) => c.notNull())
    .addColumn('u9', 'integer', (c) => c.notNull())
    .addColumn('age_band', 'varchar(10)')
    .addColumn('sex', 'varchar(10)')
    .addColumn('education', 'varchar(20)')
    .addColumn('occupation', 'varchar(20)')
    .execute();
  await db.schema
    .createIndex('skm_responses_office_day')
    .on('skm_responses')
    .columns(['office_id', 'day'])
    .execute();

  await db.schema
    .createTable('skm_daily')
    .addColumn('office_id', t.id, (c) => c.notNull().references('offices.id'))
    .addColumn('service_code', 'varchar(40)', (c) => c.notNull())
    .addColumn('day', 'varchar(10)', (c) => c.notNull())
    .addColumn('respondents', 'integer', (c) => c.notNull())
    .addColumn('s1', 'integer', (c) => c.notNull())
    .addColumn('s2', 'integer', (c) => c.notNull())
    .addColumn('s3', 'integer', (c) => c.notNull())
    .addColumn('s4', 'integer', (c) => c.notNull())
    .addColumn('s5', 'integer', (c) => c.notNull())
    .addColumn('s6', 'integer', (c) => c.notNull())
    .addColumn('s7', 'integer', (c) => c.notNull())
    .addColumn('s8', 'integer', (c) => c.notNull())
    .addColumn('s9', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('skm_daily_pk', ['office_id', 'day', 'service_code'])
    .execute();

  await db.schema
    .createTable('skm_used_tokens')
    .addColumn('token_key', 'varchar(64)', (c) => c.primaryKey())
    .addColumn('used_day', 'varchar(10)', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('skm_follow_ups')
    .addColumn('office_id', t.id, (c) => c.notNull().references('offices.id'))
    .addColumn('period_from', 'varchar(10)', (c) => c.notNull())
    .addColumn('period_to', 'varchar(10)', (c) => c.notNull())
    .addColumn('plan', 'text', (c) => c.notNull())
    .addColumn('updated_by', t.id)
    .addColumn('updated_at', t.timestamp, (c) => c.notNull())
    .addPrimaryKeyConstraint('skm_follow_ups_pk', ['office_id', 'period_from', 'period_to'])
    .execute();

  await db.schema
    .createTable('case_feedback')
    .addColumn('case_id', t.id, (c) => c.primaryKey().references('cases.id'))
    .addColumn('rating', 'integer', (c) => c.notNull())
    .addColumn('comment', 'text')
    .addColumn('created_at', t.timestamp, (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('transparency_daily')
    .addColumn('office_id', t.id, (c) => c.notNull().references('offices.id'))
    .addColumn('day', 'varchar(10)', (c) => c.notNull())
    .addColumn('metric', 'varchar(30)', (c) => c.notNull())
    .addColumn('bucket', 'varchar(80)', (c) => c.notNull())
    .addColumn('n', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('transparency_daily_pk', ['office_id', 'day', 'metric', 'bucket'])
    .execute();

  // The same counts per month: a year's dashboard reads 12 month rows per bucket plus the days of at most two
  // partial months, instead of 365 day rows.
  await db.schema
    .createTable('transparency_monthly')
    .addColumn('office_id', t.id, (c) => c.notNull().references('offices.id'))
    .addColumn('month', 'varchar(7)', (c) => c.notNull())
    .addColumn('metric', 'varchar(30)', (c) => c.notNull())
    .addColumn('bucket', 'varchar(80)', (c) => c.notNull())
    .addColumn('n', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('transparency_monthly_pk', ['office_id', 'month', 'metric', 'bucket'])
    .execute();

  await db.schema
    .createTable('transparency_counted')
    .addColumn('case_id', t.id, (c) => c.primaryKey())
    .addColumn('office_id', t.id, (c) => c.notNull())
    .addColumn('received_day', 'varchar(10)', (c) => c.notNull())
    .addColumn('resolved_day', 'varchar(10)', (c) => c.notNull())
    .addColumn('resolution_days', 'integer', (c) => c.notNull())
    .addColumn('sla', 'varchar(10)')
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of [
    'transparency_counted',
    'transparency_monthly',
    'transparency_daily',
    'case_feedback',
    'skm_follow_ups',
    'skm_used_tokens',
    'skm_daily',
    'skm_responses',
  ]) {
    await db.schema.dropTable(table).ifExists().execute();
  }
}
