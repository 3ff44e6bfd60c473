import { type Kysely, type Migration, type MigrationResultSet, Migrator } from 'kysely';
import * as foundation from './migrations/2026-11-28-01-foundation.js';
import * as portal from './migrations/2026-11-28-02-portal.js';
import * as accounts from './migrations/2026-11-28-03-accounts.js';
import * as search from './migrations/2026-11-28-04-search.js';
import * as knowledge from './migrations/2026-11-28-05-knowledge.js';
import * as jobs from './migrations/2026-11-28-06-jobs.js';
import * as serviceLevels from './migrations/2026-11-28-07-service-levels.js';
import * as email from './migrations/2026-11-28-08-email.js';
import * as audit from './migrations/2026-11-28-09-audit.js';
import * as passports from './migrations/2026-11-28-10-passports.js';
import * as surveys from './migrations/2026-11-28-11-surveys.js';
import * as publications from './migrations/2026-11-28-12-publications.js';
import * as chat from './migrations/2026-11-28-13-chat.js';
import * as messaging from './migrations/2026-11-28-14-messaging.js';
import * as integrityAttachments from './migrations/2026-11-28-15-integrity-attachments.js';
import * as jobClaims from './migrations/2026-11-28-16-job-claims.js';

/** Migrations in the order they run: Kysely sorts by name, so names start with the ISO date and a sequence. */
const migrations: Record<string, Migration> = {
  '2026-11-28-01-foundation': foundation,
  '2026-11-28-02-portal': portal,
  '2026-11-28-03-accounts': accounts,
  '2026-11-28-04-search': search,
  '2026-11-28-05-knowledge': knowledge,
  '2026-11-28-06-jobs': jobs,
  '2026-11-28-07-service-levels': serviceLevels,
  '2026-11-28-08-email': email,
  '2026-11-28-09-audit': audit,
  '2026-11-28-10-passports': passports,
  '2026-11-28-11-surveys': surveys,
  '2026-11-28-12-publications': publications,
  '2026-11-28-13-chat': chat,
  '2026-11-28-14-messaging': messaging,
  '2026-11-28-15-integrity-attachments': integrityAttachments,
  '2026-11-28-16-job-claims': jobClaims,
};

function migrator(db: Kysely<any>): Migrator {
  // Features are built side by side and land in any order, so a database may have run a later-numbered migration
  // before an earlier one arrives; each migration is independent of the ones numbered between.
  return new Migrator({
    db,
    provider: { getMigrations: async () => migrations },
    allowUnorderedMigrations: true,
  });
}

/** Brings the schema up to date. Running it again is a no-op; on PostgreSQL concurrent runs wait on a lock. */
export async function migrateToLatest(db: Kysely<any>): Promise<string[]> {
  return applied(await migrator(db).migrateToLatest());
}

/** True when every known migration has run. */
export async function isMigrated(db: Kysely<any>): Promise<boolean> {
  const all = await migrator(db).getMigrations();
  return all.every((migration) => migration.executedAt !== undefined);
}

function applied({ error, results }: MigrationResultSet): string[] {
  if (error) throw error;
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}
