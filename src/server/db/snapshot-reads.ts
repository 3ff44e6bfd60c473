import BetterSqlite3 from 'better-sqlite3';
import type { Compilable, Kysely } from 'kysely';

/** Runs compiled hot queries synchronously inside one read transaction. */
export interface SnapshotReader {
  all<Row>(name: string, build: () => Compilable<unknown>, parameters: readonly unknown[]): Row[];
}

interface Reader extends SnapshotReader {
  connection: BetterSqlite3.Database;
  begin: BetterSqlite3.Statement;
  commit: BetterSqlite3.Statement;
}

const readers = new WeakMap<object, Reader>();

/**
 * Gives a SQLite database a second, read-only connection for the busiest read (a citizen following a case).
 *
 * Why: on the one shared connection every statement waits for Kysely's connection lock — behind a whole group
 * commit when writes are busy — and runs as its own read transaction (two file-lock system calls each). On its
 * own connection a look-up runs its statements synchronously in one read transaction: it sees exactly the
 * committed state (never a writer's open savepoints), consistent across its statements, without waiting for the
 * writer. WAL mode lets the reader and the writer work side by side.
 */
export function enableSnapshotReads(db: Kysely<any>, file: string): void {
  const connection = new BetterSqlite3(file, { readonly: true, fileMustExist: true });
  connection.pragma('busy_timeout = 5000');
  const statements = new Map<string, BetterSqlite3.Statement>();
  readers.set(db, {
    connection,
    begin: connection.prepare('begin'),
    commit: connection.prepare('commit'),
    all<Row>(name: string, build: () => Compilable<unknown>, parameters: readonly unknown[]): Row[] {
      let statement = statements.get(name);
      if (!statement) {
        statement = connection.prepare(build().compile().sql);
        statements.set(name, statement);
      }
      return statement.all(...parameters) as Row[];
    },
  });
}

export function closeSnapshotReads(db: Kysely<any>): void {
  readers.get(db)?.connection.close();
  readers.delete(db);
}

/**
 * Runs `work` on the read-only connection in one read transaction, or returns `undefined` when the database has
 * none (PostgreSQL, in-memory SQLite) — the caller then reads through Kysely as usual.
 */
export function readSnapshot<T>(db: Kysely<any>, work: (reader: SnapshotReader) => T): T | undefined {
  const reader = readers.get(db);
  if (!reader) return undefined;
  reader.begin.run();
  try {
    return work(reader);
  } finally {
    reader.commit.run();
  }
}
