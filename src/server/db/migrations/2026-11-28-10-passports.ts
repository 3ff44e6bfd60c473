import type { Kysely } from 'kysely';
import { columnTypes, dialectOf } from '../dialect.js';

/**
 * Passport application records: applications with their current stage, the stage history, links to cases,
 * per-office completion settings, integration API keys and the event ids they have pushed (idempotency).
 */
export async function up(db: Kysely<any>): Promise<void> {
  const t = columnTypes(dialectOf(db));

  await db.schema
    .createTable('passport_applications')
    .addColumn('id', t.id, (c) => c.primaryKey())
    .addColumn('office_id', t.id, (c) => c.notNull().references('offices.id'))
    .addColumn('application_number', 'varchar(40)', (c) => c.notNull())
    .addColumn('applicant_name', 'varchar(200)', (c) => c.notNull())
    // Lower-case, accents folded: what staff search matches against.
    .addColumn('name_search', 'varchar(200)', (c) => c.notNull())
    .addColumn('birth_date', 'varchar(10)', (c) => c.notNull())
    // HMAC-SHA-256 of the NIK keyed with LOKET_SECRET; the NIK itself is never stored.
    .addColumn('nik_hash', 'varchar(64)')
    .addColumn('nik_last4', 'varchar(4)')
    .addColumn('contact_email', 'varchar(254)')
    .addColumn('contact_phone', 'varchar(40)')
    .addColumn('contact_consent', t.bool, (c) => c.notNull())
    .addColumn('language', 'varchar(2)', (c) => c.notNull())
    .addColumn('passport_kind', 'varchar(20)', (c) => c.notNull())
    .addColumn('validity_years', 'integer', (c) => c.notNull())
    .addColumn('service', 'varchar(20)', (c) => c.notNull())
    .addColumn('speed', 'varchar(10)', (c) => c.notNull())
    .addColumn('appointment_date', 'varchar(10)')
    .addColumn('priority_group', 'varchar(20)')
    .addColumn('stage', 'varchar(30)', (c) => c.notNull())
    .addColumn('stage_at', t.timestamp, (c) => c.notNull())
    .addColumn('stage_officer', 'varchar(120)')
    // Shown to the applicant: the missing documents, or the reason of a rejection.
    .addColumn('stage_note', 'varchar(500)')
    .addColumn('expected_at', t.timestamp)
    .addColumn('created_at', t.timestamp, (c) => c.notNull())
    .addColumn('updated_at', t.timestamp, (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addUniqueConstraint('passport_applications_number', ['office_id', 'application_number'])
    .execute();
  await db.schema
    .createIndex('passport_applications_number_only')
    .on('passport_applications')
    .column('application_number')
    .execute();
  await db.schema
    .createIndex('passport_applications_office_stage')
    .on('passport_applications')
    .columns(['office_id', 'stage', 'expected_at'])
    .execute();
  await db.schema
    .createIndex('passport_applications_name')
    .on('passport_applications')
    .columns(['office_id', 'name_search'])
    .execute();
  await db.schema
    .createIndex('passport_applications_birth_date')
    .on('passport_applications')
    .columns(['office_id', 'birth_date'])
    .execute();

  await db.schema
    .createTable('passport_stages')
    .addColumn('id', t.id, (c) => c.primaryKey())
    .addColumn('application_id', t.id, (c) => c.notNull().references('passport_applications.id'))
    .addColumn('stage', 'varchar(30)', (c) => c.notNull())
    .addColumn('at', t.timestamp, (c) => c.notNull())
    .addColumn('officer', 'varchar(120)')
    .addColumn('note', 'varchar(500)')
    // import | api | staff | demo
    .addColumn('source', 'varchar(10)', (c) => c.notNull())
    .addColumn('created_at', t.timestamp, (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('passport_stages_application')
    .on('passport_stages')
    .columns(['application_id', 'at'])
    .execute();

  // A case is about at most one application; an application may have many cases.
  await db.schema
    .createTable('passport_case_links')
    .addColumn('case_id', t.id, (c) => c.primaryKey().references('cases.id'))
    .addColumn('application_id', t.id, (c) => c.notNull().references('passport_applications.id'))
    .addColumn('linked_at', t.timestamp, (c) => c.notNull())
    .addColumn('linked_by', t.id, (c) => c.references('users.id'))
    .execute();
  await db.schema
    .createIndex('passport_case_links_application')
    .on('passport_case_links')
    .column('application_id')
    .execute();

  await db.schema
    .createTable('passport_settings')
    .addColumn('office_id', t.id, (c) => c.notNull().references('offices.id'))
    .addColumn('speed', 'varchar(10)', (c) => c.notNull())
    .addColumn('working_days', 'integer', (c) => c.notNull())
    .addColumn('source', 'varchar(500)', (c) => c.notNull())
    .addColumn('updated_at', t.timestamp, (c) => c.notNull())
    .addPrimaryKeyConstraint('passport_settings_pk', ['office_id', 'speed'])
    .execute();

  await db.schema
    .createTable('api_keys')
    .addColumn('id', t.id, (c) => c.primaryKey())
    .addColumn('office_id', t.id, (c) => c.notNull().references('offices.id'))
    .addColumn('name', 'varchar(120)', (c) => c.notNull())
    // The first characters of the key, shown so people can tell keys apart; the key itself is only hashed.
    .addColumn('prefix', 'varchar(16)', (c) => c.notNull())
    .addColumn('key_hash', 'varchar(64)', (c) => c.notNull().unique())
    .addColumn('permissions', 'varchar(200)', (c) => c.notNull())
    .addColumn('created_by', t.id, (c) => c.references('users.id'))
    .addColumn('created_at', t.timestamp, (c) => c.notNull())
    .addColumn('last_used_at', t.timestamp)
    .addColumn('revoked_at', t.timestamp)
    .execute();

  await db.schema
    .createTable('passport_event_receipts')
    .addColumn('office_id', t.id, (c) => c.notNull().references('offices.id'))
    .addColumn('event_id', 'varchar(100)', (c) => c.notNull())
    .addColumn('application_id', t.id, (c) => c.notNull())
    .addColumn('result', 'varchar(20)', (c) => c.notNull())
    .addColumn('received_at', t.timestamp, (c) => c.notNull())
    .addPrimaryKeyConstraint('passport_event_receipts_pk', ['office_id', 'event_id'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of [
    'passport_event_receipts',
    'api_keys',
    'passport_settings',
    'passport_case_links',
    'passport_stages',
    'passport_applications',
  ])
    await db.schema.dropTable(table).execute();
}
