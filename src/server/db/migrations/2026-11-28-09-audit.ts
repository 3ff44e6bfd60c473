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
  for (const table of ['audit_chainer', 'audit_checkpoints', 'audit_chain'])
    await db.schema.dropTable(table).execute();
}
