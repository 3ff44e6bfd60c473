import { parseArgs } from 'node:util';
import { ConfigError, loadConfig } from '../server/config.js';
import { openDatabase } from '../server/db/connection.js';
import { migrateToLatest } from '../server/db/migrate.js';
import { writeDemoKeys } from '../server/demo/demo-keys-file.js';
import { isEmpty, seedDemo } from '../server/demo/seed-demo.js';
import { findCaseByTrackingCode, listCaseEvents, listMessages } from '../server/modules/cases/storage.js';
import { parseTrackingCode } from '../server/modules/cases/tracking-code.js';
import { seedBulkCases } from './seed-bulk.js';

const USAGE = `Usage: loket <command>

  migrate                 bring the database schema up to date
  seed --demo             add the demo office and cases to an empty database
  seed --bulk N           add N synthetic cases to the demo office (for benchmarks)
  case show CODE          print a case with its timeline (staff view)

Configuration comes from the same environment variables as the server (LOKET_DATABASE_URL, …).`;

type Command = (args: string[]) => Promise<number>;

const commands: Record<string, Command> = {
  migrate: async () =>
    withDatabase(async ({ db }) => {
      const applied = await migrateToLatest(db);
      console.log(applied.length ? `Applied: ${applied.join(', ')}` : 'Already up to date.');
      return 0;
    }),

  seed: async (args) => {
    const { values } = parseArgs({ args, options: { demo: { type: 'boolean' }, bulk: { type: 'string' } } });
    if (!values.demo && !values.bulk) return usage();
    return withDatabase(async ({ db }, config) => {
      await migrateToLatest(db);
      if (values.demo) {
        if (!(await isEmpty(db))) {
          console.error('The database already has data; demo data goes only into an empty database.');
          return 1;
        }
        const seeded = await seedDemo(db, config.secret);
        console.log(`Added the demo office and ${seeded.length} cases.`);
        console.log(`Tracking codes and access keys: ${writeDemoKeys(config.dataDir, seeded)}`);
      }
      if (values.bulk) {
        const count = Number(values.bulk);
        if (!Number.isInteger(count) || count < 1) return usage();
        const started = Date.now();
        const sample = await seedBulkCases(db, config.secret, count);
        console.log(`Added ${count} cases in ${((Date.now() - started) / 1000).toFixed(1)} s.`);
        console.log(JSON.stringify(sample));
      }
      return 0;
    });
  },

  case: async ([action, rawCode]) => {
    if (action !== 'show' || !rawCode) return usage();
    const code = parseTrackingCode(rawCode);
    if (!code) {
      console.error(`Not a valid tracking code: ${rawCode}`);
      return 1;
    }
    return withDatabase(async ({ db }) => {
      const found = await findCaseByTrackingCode(db, code);
      if (!found) {
        console.error(`No case ${code}.`);
        return 1;
      }
      const [events, messages] = await Promise.all([
        listCaseEvents(db, found.id),
        listMessages(db, found.id),
      ]);
      const { accessKeyHash: _hidden, ...shown } = found;
      console.log(JSON.stringify({ ...shown, messages, events }, null, 2));
      return 0;
    });
  },
};

async function withDatabase(
  work: (database: ReturnType<typeof openDatabase>, config: ReturnType<typeof loadConfig>) => Promise<number>,
): Promise<number> {
  const config = loadConfig();
  const database = openDatabase(config.databaseUrl, { sqliteSynchronous: config.sqliteSynchronous });
  try {
    return await work(database, config);
  } finally {
    await database.close();
  }
}

function usage(): number {
  console.error(USAGE);
  return 64;
}

async function run(argv: string[]): Promise<number> {
  const [name, ...args] = argv;
  const command = name ? commands[name] : undefined;
  if (!command) return usage();
  try {
    return await command(args);
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(`Configuration error in ${error.message}`);
      return 2;
    }
    throw error;
  }
}

process.exitCode = await run(process.argv.slice(2));
