import type { Kysely } from 'kysely';
import { newId } from '../../lib/ids.js';
import { NATIONAL_DAYS_2026, PUBLIC_HOLIDAYS_2027_BY_RULE } from '../../modules/calendar/holidays.js';
import { seedOfficeServiceLevels } from '../../modules/service-levels/defaults.js';
import { columnTypes, dialectOf } from '../dialect.js';

/**
 * Service levels: office calendars (working hours, national and office closed days), policies with targets,
 * escalation rules, due times on cases, SLA alerts, staff notifications and their preferences.
 */
export async function up(db: Kysely<any>): Promise<void> {
  const t = columnTypes(dialectOf(db));

  await db.schema
    .createTable('office_working_hours')
    .addColumn('office_id', t.id, (c) => c.notNull().references('offices.id'))
    .addColumn('weekday', 'integer', (c) => c.notNull()) // ISO: 1 Monday … 7 Sunday
    .addColumn('opens', 'integer', (c) => c.notNull()) // minutes after local midnight
    .addColumn('closes', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('office_working_hours_pk', ['office_id', 'weekday', 'opens'])
    .execute();

  await db.schema
    .createTable('calendar_days')
    .addColumn('id', t.id, (c) => c.primaryKey())
    // Null: a national day, closed for every office.
    .addColumn('office_id', t.id, (c) => c.references('offices.id'))
    .addColumn('date', 'varchar(10)', (c) => c.notNull())
    .addColumn('kind', 'varchar(20)', (c) => c.notNull())
    .addColumn('name_id', 'varchar(200)', (c) => c.notNull())
    .addColumn('name_en', 'varchar(200)', (c) => c.notNull())
    .addColumn('source', 'varchar(500)')
    .addColumn('created_at', t.timestamp, (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('calendar_days_date')
    .on('calendar_days')
    .columns(['date', 'office_id'])
    .execute();

  await db.schema
    .createTable('service_level_policies')
    .addColumn('id', t.id, (c) => c.primaryKey())
    .addColumn('office_id', t.id, (c) => c.notNull().references('offices.id'))
    .addColumn('name', 'varchar(200)', (c) => c.notNull())
    // Matching: null matches anything; the policy matching most of these wins.
    .addColumn('case_type', 'varchar(20)')
    .addColumn('service_id', t.id, (c) => c.references('services.id'))
    .addColumn('category_id', t.id, (c) => c.references('categories.id'))
    .addColumn('priority', 'varchar(10)')
    .addColumn('first_response_target', 'integer')
    .addColumn('first_response_unit', 'varchar(20)', (c) => c.notNull())
    .addColumn('resolution_target', 'integer')
    .addColumn('resolution_unit', 'varchar(20)', (c) => c.notNull())
    .addColumn('warn_percent', 'integer', (c) => c.notNull())
    // When set, the warning comes this many working hours before the due time instead of at warn_percent.
    .addColumn('warn_hours', 'integer')
    .addColumn('source', 'varchar(500)', (c) => c.notNull())
    .addColumn('active', t.bool, (c) => c.notNull())
    .addColumn('created_at', t.timestamp, (c) => c.notNull())
    .addColumn('updated_at', t.timestamp, (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('service_level_policies_office')
    .on('service_level_policies')
    .column('office_id')
    .execute();

  await db.schema
    .createTable('escalation_rules')
    .addColumn('id', t.id, (c) => c.primaryKey())
    .addColumn('office_id', t.id, (c) => c.notNull().references('offices.id'))
    .addColumn('name', 'varchar(200)', (c) => c.notNull())
    // first_response.due_soon | first_response.breached | resolution.due_soon | resolution.breached
    .addColumn('milestone', 'varchar(30)', (c) => c.notNull())
    .addColumn('priority', 'varchar(10)')
    .addColumn('category_id', t.id, (c) => c.references('categories.id'))
    .addColumn('raise_priority', t.bool, (c) => c.notNull())
    .addColumn('assign_team_id', t.id, (c) => c.references('teams.id'))
    .addColumn('assign_user_id', t.id, (c) => c.references('users.id'))
    .addColumn('notify_supervisors', t.bool, (c) => c.notNull())
    .addColumn('active', t.bool, (c) => c.notNull())
    .addColumn('created_at', t.timestamp, (c) => c.notNull())
    .addColumn('updated_at', t.timestamp, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('escalation_rules_office').on('escalation_rules').column('office_id').execute();

  await db.schema.alterTable('cases').addColumn('first_response_due_at', t.timestamp).execute();
  await db.schema.alterTable('cases').addColumn('first_response_warn_at', t.timestamp).execute();
  await db.schema.alterTable('cases').addColumn('due_warn_at', t.timestamp).execute();
  // The next moment the SLA sweep must look at this case (a warning or a breach); null when nothing is pending.
  await db.schema.alterTable('cases').addColumn('sla_next_check_at', t.timestamp).execute();
  await db.schema.alterTable('cases').addColumn('sla_policy_id', t.id).execute();
  // Working minutes the clock stood still while the case waited on the citizen.
  await db.schema
    .alterTable('cases')
    .addColumn('sla_paused_minutes', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema.createIndex('cases_sla_next_check').on('cases').column('sla_next_check_at').execute();
  await db.schema
    .createIndex('cases_office_first_response_due')
    .on('cases')
    .columns(['office_id', 'first_response_due_at'])
    .execute();

  // One row per case, milestone and due time: a warning or breach is announced once, again only if the due moves.
  await db.schema
    .createTable('sla_alerts')
    .addColumn('case_id', t.id, (c) => c.notNull().references('cases.id'))
    .addColumn('milestone', 'varchar(30)', (c) => c.notNull())
    .addColumn('due_at', 'varchar(30)', (c) => c.notNull())
    .addColumn('created_at', t.timestamp, (c) => c.notNull())
    .addPrimaryKeyConstraint('sla_alerts_pk', ['case_id', 'milestone', 'due_at'])
    .execute();

  await db.schema
    .createTable('notifications')
    .addColumn('id', t.id, (c) => c.primaryKey())
    .addColumn('user_id', t.id, (c) => c.notNull().references('users.id'))
    .addColumn('kind', 'varchar(40)', (c) => c.notNull())
    .addColumn('case_id', t.id, (c) => c.references('cases.id'))
    .addColumn('tracking_code', 'varchar(24)')
    .addColumn('subject', 'varchar(200)')
    .addColumn('actor_name', 'varchar(200)')
    .addColumn('details', t.json, (c) => c.notNull())
    .addColumn('created_at', t.timestamp, (c) => c.notNull())
    .addColumn('read_at', t.timestamp)
    .execute();
  await db.schema
    .createIndex('notifications_user')
    .on('notifications')
    .columns(['user_id', 'created_at', 'id'])
    .execute();
  await db.schema
    .createIndex('notifications_user_unread')
    .on('notifications')
    .columns(['user_id', 'read_at'])
    .execute();

  await db.schema
    .createTable('notification_preferences')
    .addColumn('user_id', t.id, (c) => c.notNull().references('users.id'))
    .addColumn('kind', 'varchar(40)', (c) => c.notNull())
    .addColumn('in_app', t.bool, (c) => c.notNull())
    .addColumn('email', t.bool, (c) => c.notNull())
    .addPrimaryKeyConstraint('notification_preferences_pk', ['user_id', 'kind'])
    .execute();

  // National days: 2026 from the decree, 2027 public holidays by rule (cuti bersama 2027 is entered from its decree).
  const now = new Date().toISOString();
  const national = [...NATIONAL_DAYS_2026, ...PUBLIC_HOLIDAYS_2027_BY_RULE];
  for (const day of national) {
    await db
      .insertInto('calendar_days')
      .values({
        id: newId(),
        office_id: null,
        date: day.date,
        kind: day.kind,
        name_id: day.nameId,
        name_en: day.nameEn,
        source: day.source,
        created_at: now,
      })
      .execute();
  }
  // Offices that exist already get the default hours and policies; new offices get them when created.
  const offices = await db.selectFrom('offices').select('id').execute();
  for (const office of offices) await seedOfficeServiceLevels(db, office.id, new Date());
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of [
    'notification_preferences',
    'notifications',
    'sla_alerts',
    'escalation_rules',
    'service_level_policies',
    'calendar_days',
    'office_working_hours',
  ]) {
    await db.schema.dropTable(table).execute();
  }
  await db.schema.dropIndex('cases_office_first_response_due').execute();
  await db.schema.dropIndex('cases_sla_next_check').execute();
  for (const column of [
    'sla_paused_minutes',
    'sla_policy_id',
    'sla_next_check_at',
    'due_warn_at',
    'first_response_warn_at',
    'first_response_due_at',
  ]) {
    await db.schema.alterTable('cases').dropColumn(column).execute();
  }
}
