import type BetterSqlite3 from 'better-sqlite3';
import { type Compilable, CompiledQuery, type Kysely } from 'kysely';

/**
 * Hot queries compiled once per database and run with new parameters. Kysely builds and compiles every query
 * anew; on the busiest paths (a citizen's case look-up, case creation) that costs more than SQLite takes to run
 * the statement. Each prepared query is built once with placeholder values, in the same shape every time, so
 * its parameters come in the order the builder put them.
 *
 * The compiled text goes straight to the driver: plugins do not see it, so parameters must already be driver
 * values (see `driverValue` in dialect.ts for booleans).
 */
const compiledByDatabase = new WeakMap<object, Map<string, string>>();

export async function runPrepared<Row>(
  db: Kysely<any>,
  name: string,
  build: () => Compilable<unknown>,
  parameters: readonly unknown[],
): Promise<Row[]> {
  // The dialect adapter is shared by a database and its transactions: one compilation serves both.
  const key = db.getExecutor().adapter;
  let compiled = compiledByDatabase.get(key);
  if (!compiled) {
    compiled = new Map();
    compiledByDatabase.set(key, compiled);
  }
  let text = compiled.get(name);
  if (text === undefined) {
    text = build().compile().sql;
    compiled.set(name, text);
  }
  return runStatement<Row>(db, text, parameters);
}

/** A SQLite connection that statements may run on directly, and who sees their text (`onQuery`). */
interface DirectConnection {
  connection: BetterSqlite3.Database;
  onQuery: ((sql: string) => void) | undefined;
}

const directByDatabase = new WeakMap<object, DirectConnection>();

/**
 * Lets compiled statements in a transaction of this SQLite database run on its connection directly.
 *
 * Why: through Kysely each statement passes its executor, connection provider and result transformation, with
 * a few promises on the way — on case creation, a dozen statements in one transaction, that was a sixth of the
 * server's CPU per case. Why it is the same: SQLite has one connection, and while a transaction is open it
 * belongs to that transaction alone (Kysely holds its lock until commit), so code holding the transaction runs
 * exactly where Kysely would run it. Outside a transaction Kysely's lock is needed (another caller's transaction
 * may be open on the connection), so those statements still go through Kysely.
 */
export function enableDirectStatements(
  db: Kysely<any>,
  connection: BetterSqlite3.Database,
  onQuery?: (sql: string) => void,
): void {
  directByDatabase.set(db.getExecutor().adapter, { connection, onQuery });
}

/** Runs a compiled statement: directly inside a SQLite transaction (see above), through Kysely otherwise. */
export async function runStatement<Row>(
  db: Kysely<any>,
  text: string,
  parameters: readonly unknown[],
): Promise<Row[]> {
  const direct = db.isTransaction ? directByDatabase.get(db.getExecutor().adapter) : undefined;
  if (!direct) {
    const result = await db.executeQuery<Row>(CompiledQuery.raw(text, [...parameters]));
    return result.rows;
  }
  direct.onQuery?.(text);
  const statement = direct.connection.prepare(text);
  if (statement.reader) return statement.all(parameters) as Row[];
  statement.run(parameters);
  return [];
}
