import { type Kysely, sql } from 'kysely';
import { columnTypes, dialectOf } from '../dialect.js';

/**
 * The audit chain (modules/audit/): one entry per event, each with the SHA-256 of the event's canonical content
 * and of the previous entry; daily signed checkpoints; the chainer's position. `events`, `audit_chain` and
 * `audit_checkpoints` become append-only: triggers refuse UPDATE, DELETE (and TRUNCATE on PostgreSQL). That is
 * tamper-evidence, not prevention — whoever owns the database can drop a trigger — and `loket audit verify`
 * finds what such a person changed.
 */
const APPEND_ONLY = ['events', 'audit_chain', 'audit_checkpoints'] as const;

export async function up(db: Kysely<any>): Promise<void> {
  const dialect = dialectOf(db);
  const t = columnTypes(dialect);
  await db.schema
    .createTable('audit_chain')
    .addColumn('seq', 'bigint', (c) => c.primaryKey())
    .addColumn('event_id', t.id, (c) => c.notNull().unique())
    .addColumn('event_hash', 'varchar(64)', (c) => c.notNull())
    .addColumn('previous_hash', 'varchar(64)', (c) => c.notNull())
    .addColumn('entry_hash', 'varchar(64)', (c) => c.notNull())
    .addColumn('chained_at', t.timestamp, (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('audit_checkpoints')
    .addColumn('day', 'varchar(10)', (c) => c.primaryKey())
    .addColumn('seq', 'bigint', (c) => c.notNull())
    .addColumn('entry_hash', 'varchar(64)', (c) => c.notNull())
    .addColumn('created_at', t.timestamp, (c) => c.notNull())
    .addColumn('public_key', 'varchar(200)', (c) => c.notNull())
    .addColumn('signature', 'varchar(200)', (c) => c.notNull())
    .execute();
  // Where the chainer stopped (PostgreSQL: a transaction-id horizon; see modules/audit/chainer.ts). One row.
  await db.schema
    .createTable('audit_chainer')
    .addColumn('id', 'integer', (c) => c.primaryKey())
    .addColumn('horizon', 'varchar(40)', (c) => c.notNull())
    .execute();
  await db.insertInto('audit_chainer').values({ id: 1, horizon: '0' }).execute();

  await createIntegrityTables(db, t);
  await createPrivacyTables(db, t);

  if (dialect === 'postgres') {
    // The id of the transaction that wrote each event: the chainer only reads events of transactions that have
    // finished (below the snapshot's xmin), so a long transaction's event is never skipped. A column default
    // costs the insert nothing measurable and needs no change to recordEvent.
    await sql`alter table events add column commit_xid xid8 not null default pg_current_xact_id()`.execute(
      db,
    );
    await sql`create index events_commit_xid on events (commit_xid)`.execute(db);
    await sql`
      create function loket_refuse_change() returns trigger language plpgsql as $$
      begin
        raise exception 'loket: % on % is refused: the table is append-only (audit trail)', tg_op, tg_table_name
          using errcode = 'P0001';
      end $$`.execute(db);
    for (const table of APPEND_ONLY) {
      await sql`create trigger ${sql.raw(`${table}_append_only`)} before update or delete on ${sql.table(table)}
        for each row execute function loket_refuse_change()`.execute(db);
      await sql`create trigger ${sql.raw(`${table}_no_truncate`)} before truncate on ${sql.table(table)}
        for each statement execute function loket_refuse_change()`.execute(db);
    }
  } else {
    for (const table of APPEND_ONLY) {
      for (const operation of ['update', 'delete']) {
        await sql`create trigger ${sql.raw(`${table}_no_${operation}`)} before ${sql.raw(operation)} on ${sql.table(table)}
          begin select raise(abort, ${sql.lit(`loket: ${operation} on ${table} is refused: the table is append-only (audit trail)`)}); end`.execute(
          db,
        );
      }
    }
  }
}

/**
 * Integrity reports (modules/integrity/): kept apart from `cases`, so no case list, search, export, SLA sweep or
 * notification can ever include one. Their ids are random (UUIDv4, not time-ordered) and their times are days.
 * Content, messages and contact details are ciphertext; see modules/integrity/crypto.ts.
 */
async function createIntegrityTables(db: Kysely<any>, t: ReturnType<typeof columnTypes>): Promise<void> {
  await db.schema
    .createTable('integrity_officer_keys')
    .addColumn('user_id', t.id, (c) => c.primaryKey().references('users.id'))
    .addColumn('office_id', t.id, (c) => c.notNull().references('offices.id'))
    .addColumn('public_key', 'varchar(100)', (c) => c.notNull())
    .addColumn('encrypted_private_key', 'varchar(400)', (c) => c.notNull())
    // active: reports are sealed to this key · pending: waits for an active officer to grant access
    .addColumn('status', 'varchar(10)', (c) => c.notNull())
    .addColumn('created_at', t.timestamp, (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('integrity_reports')
    .addColumn('id', t.id, (c) => c.primaryKey())
    .addColumn('office_id', t.id, (c) => c.notNull().references('offices.id'))
    .addColumn('receipt_hash', 'varchar(64)', (c) => c.notNull().unique())
    .addColumn('category', 'varchar(20)', (c) => c.notNull())
    .addColumn('status', 'varchar(20)', (c) => c.notNull())
    .addColumn('received_day', 'varchar(10)', (c) => c.notNull())
    .addColumn('last_activity_day', 'varchar(10)', (c) => c.notNull())
    .addColumn('content', 'text', (c) => c.notNull())
    .addColumn('reporter_key', 'varchar(200)', (c) => c.notNull())
    // HMAC of (report, user) for the person reported, so a database read does not say who is accused.
    .addColumn('reported_user_mac', 'varchar(64)')
    .addColumn('message_count', 'integer', (c) => c.notNull())
    // Reporter activity not yet written to the event trail (written in daily batches: see integrity/jobs.ts).
    .addColumn('unrecorded_activity', 'integer', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('integrity_reports_office')
    .on('integrity_reports')
    .columns(['office_id', 'status'])
    .execute();
  await db.schema
    .createTable('integrity_report_keys')
    .addColumn('report_id', t.id, (c) => c.notNull().references('integrity_reports.id'))
    .addColumn('user_id', t.id, (c) => c.notNull().references('users.id'))
    .addColumn('sealed_key', 'varchar(300)', (c) => c.notNull())
    .addPrimaryKeyConstraint('integrity_report_keys_pk', ['report_id', 'user_id'])
    .execute();
  await db.schema
    .createTable('integrity_messages')
    .addColumn('id', t.id, (c) => c.primaryKey())
    .addColumn('report_id', t.id, (c) => c.notNull().references('integrity_reports.id'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('author', 'varchar(10)', (c) => c.notNull())
    .addColumn('author_user_id', t.id, (c) => c.references('users.id'))
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('day', 'varchar(10)', (c) => c.notNull())
    .addUniqueConstraint('integrity_messages_position', ['report_id', 'position'])
    .execute();
  // An officer's unlocked private key for one session, sealed with a key derived from the session token (which
  // only the officer's browser holds): never in the clear, gone when it expires or the officer locks it.
  await db.schema
    .createTable('integrity_unlocks')
    .addColumn('session_id', 'varchar(100)', (c) => c.primaryKey())
    .addColumn('user_id', t.id, (c) => c.notNull().references('users.id'))
    .addColumn('sealed_key', 'varchar(400)', (c) => c.notNull())
    .addColumn('expires_at', t.timestamp, (c) => c.notNull())
    .execute();
}

/** Personal-data housekeeping (modules/privacy/): retention per case type, data-subject requests. */
async function createPrivacyTables(db: Kysely<any>, t: ReturnType<typeof columnTypes>): Promise<void> {
  await db.schema
    .createTable('retention_policies')
    .addColumn('office_id', t.id, (c) => c.notNull().references('offices.id'))
    .addColumn('case_type', 'varchar(20)', (c) => c.notNull())
    // Contact details are anonymised this many months after the case closed; null keeps them.
    .addColumn('anonymise_after_months', 'integer')
    .addColumn('updated_at', t.timestamp, (c) => c.notNull())
    .addPrimaryKeyConstraint('retention_policies_pk', ['office_id', 'case_type'])
    .execute();
  await db.schema
    .createTable('data_subject_requests')
    .addColumn('id', t.id, (c) => c.primaryKey())
    .addColumn('office_id', t.id, (c) => c.notNull().references('offices.id'))
    .addColumn('kind', 'varchar(12)', (c) => c.notNull())
    .addColumn('status', 'varchar(12)', (c) => c.notNull())
    // How the person is found: a tracking code and/or the contact e-mail they used.
    .addColumn('tracking_code', 'varchar(20)')
    .addColumn('email', 'varchar(320)')
    .addColumn('details', 'varchar(4000)')
    .addColumn('received_at', t.timestamp, (c) => c.notNull())
    .addColumn('due_at', t.timestamp, (c) => c.notNull())
    .addColumn('completed_at', t.timestamp)
    .addColumn('outcome', 'varchar(4000)')
    .addColumn('handled_by', t.id, (c) => c.references('users.id'))
    .execute();
  await db.schema
    .createIndex('data_subject_requests_office')
    .on('data_subject_requests')
    .columns(['office_id', 'status', 'due_at'])
    .execute();
  // The retention sweep: closed cases by closing time.
  await db.schema
    .createIndex('cases_closed_at')
    .on('cases')
    .columns(['office_id', 'type', 'closed_at'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  const dialect = dialectOf(db);
  if (dialect === 'postgres') {
    for (const table of APPEND_ONLY) {
      await sql`drop trigger if exists ${sql.raw(`${table}_append_only`)} on ${sql.table(table)}`.execute(db);
      await sql`drop trigger if exists ${sql.raw(`${table}_no_truncate`)} on ${sql.table(table)}`.execute(db);
    }
    await sql`drop function if exists loket_refuse_change()`.execute(db);
    await sql`alter table events drop column commit_xid`.execute(db);
  } else {
    for (const table of APPEND_ONLY)
      for (const operation of ['update', 'delete'])
        await sql`drop trigger if exists ${sql.raw(`${table}_no_${operation}`)}`.execute(db);
  }
  await db.schema.dropIndex('cases_closed_at').execute();
  for (const table of [
    'data_subject_requests',
    'retention_policies',
    'integrity_unlocks',
    'integrity_messages',
    'integrity_report_keys',
    'integrity_reports',
    'integrity_officer_keys',
    'audit_chainer',
    'audit_checkpoints',
    'audit_chain',
  ])
    await db.schema.dropTable(table).execute();
}
