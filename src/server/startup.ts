import type { FastifyBaseLogger } from 'fastify';
import type { Config } from './config.js';
import { type Database, openDatabase } from './db/connection.js';
import { migrateToLatest } from './db/migrate.js';
import { writeDemoKeys } from './demo/demo-keys-file.js';
import { isEmpty, seedDemo } from './demo/seed-demo.js';
import { seedDemoIntegrity } from './demo/seed-demo-integrity.js';
import { seedDemoStaff } from './demo/seed-demo-staff.js';
import { ensureFirstAdmin } from './modules/accounts/first-admin.js';

export interface PreparedDatabase {
  database: Database;
  migrations: string[];
  demoKeysFile?: string;
  demoStaffFile?: string;
  /** Set when this start created the first administrator. */
  firstAdmin?: { email: string; generatedPassword?: string };
}

/** Opens the configured database, brings its schema up to date and, on a new database, adds the demo data. */
export async function prepareDatabase(
  config: Config,
  log?: Pick<FastifyBaseLogger, 'info' | 'error'>,
): Promise<PreparedDatabase> {
  const database = openDatabase(config.databaseUrl, {
    sqliteSynchronous: config.sqliteSynchronous,
    // The server's own connection: checkpoints stay off its event loop.
    backgroundCheckpoints: true,
    onCheckpointFailure: (message) => log?.error({ message }, 'SQLite checkpoint thread failed'),
  });
  try {
    const migrations = await migrateToLatest(database.db);
    if (migrations.length) log?.info({ migrations }, 'database migrated');
    // The administrator comes first: demo staff would otherwise count as "accounts exist".
    const firstAdmin = await ensureFirstAdmin(database.db, config);
    if (firstAdmin) log?.info({ email: firstAdmin.email }, 'first administrator created');
    let demoKeysFile: string | undefined;
    let demoStaffFile: string | undefined;
    if (config.demo && (await isEmpty(database.db))) {
      const seeded = await seedDemo(database.db, config.secret);
      demoKeysFile = writeDemoKeys(config.dataDir, seeded);
      demoStaffFile = await seedDemoStaff(database.db, config.dataDir);
      await seedDemoIntegrity(database.db, config.dataDir, config.secret);
      log?.info({ cases: seeded.length }, 'demo data added');
    }
    return { database, migrations, demoKeysFile, demoStaffFile, firstAdmin };
  } catch (error) {
    await database.close();
    throw error;
  }
}
