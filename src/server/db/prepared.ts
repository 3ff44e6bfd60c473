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
  const result = await db.executeQuery<Row>(CompiledQuery.raw(text, [...parameters]));
  return result.rows;
}
