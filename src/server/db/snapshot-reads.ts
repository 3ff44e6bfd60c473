import BetterSqlite3 from 'better-sqlite3';
import type { Kysely } from 'kysely';

interface Reader {
  connection: BetterSqlite3.Database;
  statements: Map<string, { statement: BetterSqlite3.Statement; columns: string[] }>;
}

const readers = new WeakMap<object, Reader>();

/**
 * Gives a SQLite database a second, read-only connection for the busiest read (a citizen following a case).
 *
 * Why: on the one shared connection every statement waits for Kysely's connection lock — behind a whole group
 * commit when writes are busy. On its own connection the look-up runs synchronously, as one statement: it sees
 * exactly the committed state (never a writer's open savepoints), consistent across the tables it joins, without
 * waiting for the writer. WAL mode lets the reader and the writer work side by side.
 */
export function enableSnapshotReads(db: Kysely<any>, file: string): void {
  const connection = new BetterSqlite3(file, { readonly: true, fileMustExist: true });
  connection.pragma('busy_timeout = 5000');
  readers.set(db, { connection, statements: new Map() });
}

export function closeSnapshotReads(db: Kysely<any>): void {
  readers.get(db)?.connection.close();
  readers.delete(db);
}

/** Whether the database has a read-only connection, so `readSnapshot` answers at once. */
export function hasSnapshotReads(db: Kysely<any>): boolean {
  return readers.has(db);
}

/**
 * Runs one statement, written for SQLite, on the read-only connection — or returns `undefined` when the database
 * has none (PostgreSQL, in-memory SQLite): the caller then reads through Kysely as usual. One statement is one
 * read transaction, so everything it returns comes from the same snapshot.
 */
export function readSnapshot<Row>(
  db: Kysely<any>,
  text: string,
  parameters: readonly unknown[],
): Row[] | undefined {
  const reader = readers.get(db);
  if (!reader) return undefined;
  let prepared = reader.statements.get(text);
  if (!prepared) {
    // Rows come as arrays and become objects here: better-sqlite3 builds row objects through V8's slower API path
    // (~2 µs of a look-up's ~10 µs measured).
    const statement = reader.connection.prepare(text).raw(true);
    prepared = { statement, columns: statement.columns().map((column) => column.name) };
    reader.statements.set(text, prepared);
  }
  const { statement, columns } = prepared;
  return (statement.all(...parameters) as unknown[][]).map((values) => rowFromValues(columns, values) as Row);
}

/** An object from column names and values in the same order. */
export function rowFromValues(
  columns: readonly string[],
  values: readonly unknown[],
): Record<string, unknown> {
  const row: Record<string, unknown> = {};
  for (let i = 0; i < columns.length; i++) row[columns[i]!] = values[i];
  return row;
}
