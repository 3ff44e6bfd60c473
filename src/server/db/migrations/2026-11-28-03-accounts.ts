import type { Kysely } from 'kysely';
import { columnTypes, dialectOf } from '../dialect.js';

/** Staff accounts: passwords, two-factor, roles, teams, sessions; canned responses; related and merged cases. */
export async function up(db: Kysely<any>): Promise<void> {
  const t = columnTypes(dialectOf(db));

  await db.schema.alterTable('users').addColumn('password_hash', 'varchar(200)').execute();
  await db.schema.alterTable('users').addColumn('totp_secret', 'varchar(200)').execute();
  await db.schema.alterTable('users').addColumn('totp_enabled_at', t.timestamp).execute();
  await db.schema.alterTable('users').addColumn('totp_last_step', 'bigint').execute();
  await db.schema
    .alterTable('users')
    .addColumn('failed_logins', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema.alterTable('users').addColumn('locked_until', t.timestamp).execute();
  await db.schema.alterTable('users').addColumn('last_login_at', t.timestamp).execute();
  await db.schema
    .alterTable('users')
    .addColumn('language', 'varchar(5)', (c) => c.notNull().defaultTo('id'))
    .execute();
  await db.schema.alterTable('users').addColumn('updated_at', t.timestamp).execute();

  await db.schema
    .createTable('user_roles')
    .addColumn('user_id', t.id, (c) => c.notNull().references('users.id'))
    .addColumn('role', 'varchar(40)', (c) => c.notNull())
    .addPrimaryKeyConstraint('user_roles_pk', ['user_id', 'role'])
    .execute();

  await db.schema
    .createTable('team_members')
    .addColumn('team_id', t.id, (c) => c.notNull().references('teams.id'))
    .addColumn('user_id', t.id, (c) => c.notNull().references('users.id'))
    .addPrimaryKeyConstraint('team_members_pk', ['team_id', 'user_id'])
    .execute();
  await db.schema.createIndex('team_members_user').on('team_members').column('user_id').execute();

  await db.schema
    .createTable('sessions')
    .addColumn('id', 'varchar(64)', (c) => c.primaryKey())
    .addColumn('user_id', t.id, (c) => c.notNull().references('users.id'))
    .addColumn('csrf_token', 'varchar(64)', (c) => c.notNull())
    .addColumn('two_factor_pending', t.bool, (c) => c.notNull())
    .addColumn('user_agent', 'varchar(200)')
    .addColumn('created_at', t.timestamp, (c) => c.notNull())
    .addColumn('last_seen_at', t.timestamp, (c) => c.notNull())
    .addColumn('expires_at', t.timestamp, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('sessions_user').on('sessions').column('user_id').execute();

  await db.schema
    .createTable('recovery_codes')
    .addColumn('id', t.id, (c) => c.primaryKey())
    .addColumn('user_id', t.id, (c) => c.notNull().references('users.id'))
    .addColumn('code_hash', 'varchar(64)', (c) => c.notNull())
    .addColumn('used_at', t.timestamp)
    .execute();
  await db.schema.createIndex('recovery_codes_user').on('recovery_codes').column('user_id').execute();

  await db.schema
    .createTable('canned_responses')
    .addColumn('id', t.id, (c) => c.primaryKey())
    .addColumn('office_id', t.id, (c) => c.notNull().references('offices.id'))
    .addColumn('team_id', t.id, (c) => c.references('teams.id'))
    .addColumn('language', 'varchar(5)', (c) => c.notNull())
    .addColumn('title', 'varchar(200)', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('created_at', t.timestamp, (c) => c.notNull())
    .addColumn('updated_at', t.timestamp, (c) => c.notNull())
    .execute();

  await db.schema
    .alterTable('cases')
    .addColumn('merged_into_id', t.id, (c) => c.references('cases.id'))
    .execute();
  await db.schema
    .createTable('case_links')
    .addColumn('case_id', t.id, (c) => c.notNull().references('cases.id'))
    .addColumn('related_case_id', t.id, (c) => c.notNull().references('cases.id'))
    .addColumn('created_at', t.timestamp, (c) => c.notNull())
    .addPrimaryKeyConstraint('case_links_pk', ['case_id', 'related_case_id'])
    .execute();
  await db.schema.createIndex('cases_assignee').on('cases').columns(['assignee_id', 'status']).execute();
  await db.schema.createIndex('cases_team').on('cases').columns(['team_id', 'status']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of [
    'case_links',
    'canned_responses',
    'recovery_codes',
    'sessions',
    'team_members',
    'user_roles',
  ]) {
    await db.schema.dropTable(table).execute();
  }
  await db.schema.dropIndex('cases_assignee').execute();
  await db.schema.dropIndex('cases_team').execute();
  await db.schema.alterTable('cases').dropColumn('merged_into_id').execute();
  for (const column of [
    'password_hash',
    'totp_secret',
    'totp_enabled_at',
    'totp_last_step',
    'failed_logins',
    'locked_until',
    'last_login_at',
    'language',
    'updated_at',
  ]) {
    await db.schema.alterTable('users').dropColumn(column).execute();
  }
}
