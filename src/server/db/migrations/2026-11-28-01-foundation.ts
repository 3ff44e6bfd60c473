import type { Kysely } from 'kysely';
import { columnTypes, dialectOf } from '../dialect.js';

/** Offices, their services and categories, staff placeholders, cases, messages and the event trail. */
export async function up(db: Kysely<any>): Promise<void> {
  const t = columnTypes(dialectOf(db));

  await db.schema
    .createTable('offices')
    .addColumn('id', t.id, (c) => c.primaryKey())
    .addColumn('code', 'varchar(8)', (c) => c.notNull().unique())
    .addColumn('name_id', 'varchar(200)', (c) => c.notNull())
    .addColumn('name_en', 'varchar(200)', (c) => c.notNull())
    .addColumn('time_zone', 'varchar(64)', (c) => c.notNull())
    .addColumn('address', 'varchar(500)')
    .addColumn('phone', 'varchar(40)')
    .addColumn('email', 'varchar(254)')
    .addColumn('website', 'varchar(500)')
    .addColumn('contact_is_example', t.bool, (c) => c.notNull())
    .addColumn('created_at', t.timestamp, (c) => c.notNull())
    .addColumn('updated_at', t.timestamp, (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('services')
    .addColumn('id', t.id, (c) => c.primaryKey())
    .addColumn('office_id', t.id, (c) => c.notNull().references('offices.id'))
    .addColumn('code', 'varchar(40)', (c) => c.notNull())
    .addColumn('name_id', 'varchar(200)', (c) => c.notNull())
    .addColumn('name_en', 'varchar(200)', (c) => c.notNull())
    .addColumn('sort_order', 'integer', (c) => c.notNull())
    .addColumn('active', t.bool, (c) => c.notNull())
    .addUniqueConstraint('services_office_code_unique', ['office_id', 'code'])
    .execute();

  await db.schema
    .createTable('categories')
    .addColumn('id', t.id, (c) => c.primaryKey())
    .addColumn('office_id', t.id, (c) => c.notNull().references('offices.id'))
    .addColumn('service_id', t.id, (c) => c.notNull().references('services.id'))
    .addColumn('code', 'varchar(40)', (c) => c.notNull())
    .addColumn('name_id', 'varchar(200)', (c) => c.notNull())
    .addColumn('name_en', 'varchar(200)', (c) => c.notNull())
    .addColumn('sort_order', 'integer', (c) => c.notNull())
    .addColumn('active', t.bool, (c) => c.notNull())
    .addUniqueConstraint('categories_office_code_unique', ['office_id', 'code'])
    .execute();
  await db.schema.createIndex('categories_service').on('categories').column('service_id').execute();

  await db.schema
    .createTable('teams')
    .addColumn('id', t.id, (c) => c.primaryKey())
    .addColumn('office_id', t.id, (c) => c.notNull().references('offices.id'))
    .addColumn('code', 'varchar(40)', (c) => c.notNull())
    .addColumn('name_id', 'varchar(200)', (c) => c.notNull())
    .addColumn('name_en', 'varchar(200)', (c) => c.notNull())
    .addColumn('created_at', t.timestamp, (c) => c.notNull())
    .addUniqueConstraint('teams_office_code_unique', ['office_id', 'code'])
    .execute();

  await db.schema
    .createTable('users')
    .addColumn('id', t.id, (c) => c.primaryKey())
    .addColumn('office_id', t.id, (c) => c.references('offices.id'))
    .addColumn('email', 'varchar(254)', (c) => c.notNull().unique())
    .addColumn('display_name', 'varchar(200)', (c) => c.notNull())
    .addColumn('role', 'varchar(40)', (c) => c.notNull())
    .addColumn('created_at', t.timestamp, (c) => c.notNull())
    .addColumn('disabled_at', t.timestamp)
    .execute();

  await db.schema
    .createTable('cases')
    .addColumn('id', t.id, (c) => c.primaryKey())
    .addColumn('office_id', t.id, (c) => c.notNull().references('offices.id'))
    .addColumn('tracking_code', 'varchar(24)', (c) => c.notNull().unique())
    .addColumn('access_key_hash', 'varchar(64)', (c) => c.notNull())
    .addColumn('type', 'varchar(20)', (c) => c.notNull())
    .addColumn('status', 'varchar(20)', (c) => c.notNull())
    .addColumn('subject', 'varchar(200)', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('service_id', t.id, (c) => c.references('services.id'))
    .addColumn('category_id', t.id, (c) => c.references('categories.id'))
    .addColumn('channel', 'varchar(20)', (c) => c.notNull())
    .addColumn('language', 'varchar(5)', (c) => c.notNull())
    .addColumn('priority', 'varchar(10)', (c) => c.notNull())
    .addColumn('contact_name', 'varchar(200)')
    .addColumn('contact_email', 'varchar(254)')
    .addColumn('contact_phone', 'varchar(40)')
    .addColumn('anonymous', t.bool, (c) => c.notNull())
    .addColumn('confidential', t.bool, (c) => c.notNull())
    .addColumn('assignee_id', t.id, (c) => c.references('users.id'))
    .addColumn('team_id', t.id, (c) => c.references('teams.id'))
    .addColumn('rejection_reason', 'varchar(1000)')
    .addColumn('received_at', t.timestamp, (c) => c.notNull())
    .addColumn('first_response_at', t.timestamp)
    .addColumn('waiting_since', t.timestamp)
    .addColumn('resolved_at', t.timestamp)
    .addColumn('closed_at', t.timestamp)
    .addColumn('due_at', t.timestamp)
    .addColumn('updated_at', t.timestamp, (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .execute();
  // The staff list pages by (received_at, id) within an office, optionally by status or due date.
  await db.schema
    .createIndex('cases_office_received')
    .on('cases')
    .columns(['office_id', 'received_at', 'id'])
    .execute();
  await db.schema
    .createIndex('cases_office_status')
    .on('cases')
    .columns(['office_id', 'status', 'received_at'])
    .execute();
  await db.schema.createIndex('cases_received').on('cases').columns(['received_at', 'id']).execute();
  await db.schema.createIndex('cases_due').on('cases').columns(['due_at', 'id']).execute();

  await db.schema
    .createTable('case_messages')
    .addColumn('id', t.id, (c) => c.primaryKey())
    .addColumn('case_id', t.id, (c) => c.notNull().references('cases.id'))
    .addColumn('kind', 'varchar(20)', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('author_type', 'varchar(10)', (c) => c.notNull())
    .addColumn('author_id', t.id)
    .addColumn('author_name', 'varchar(200)')
    .addColumn('created_at', t.timestamp, (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('case_messages_case')
    .on('case_messages')
    .columns(['case_id', 'created_at'])
    .execute();

  await db.schema
    .createTable('events')
    .addColumn('id', t.id, (c) => c.primaryKey())
    .addColumn('office_id', t.id, (c) => c.references('offices.id'))
    .addColumn('case_id', t.id, (c) => c.references('cases.id'))
    .addColumn('type', 'varchar(60)', (c) => c.notNull())
    .addColumn('actor_type', 'varchar(10)', (c) => c.notNull())
    .addColumn('actor_id', t.id)
    .addColumn('actor_name', 'varchar(200)')
    .addColumn('payload', t.json, (c) => c.notNull())
    .addColumn('created_at', t.timestamp, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('events_case').on('events').columns(['case_id', 'created_at']).execute();
  await db.schema.createIndex('events_created').on('events').columns(['created_at', 'id']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of [
    'events',
    'case_messages',
    'cases',
    'users',
    'teams',
    'categories',
    'services',
    'offices',
  ]) {
    await db.schema.dropTable(table).execute();
  }
}
