import type { Db } from '../../db/connection.js';
import { type StaffCredentials, toCredentials } from './model.js';
import type { Role } from './roles.js';

/** Normalized e-mail: accounts are found case-insensitively on both engines. */
export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

async function withRolesAndTeams(
  db: Db,
  rows: Awaited<ReturnType<typeof selectUsers>>,
): Promise<StaffCredentials[]> {
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.id);
  const [roles, teams] = await Promise.all([
    db.selectFrom('user_roles').select(['user_id', 'role']).where('user_id', 'in', ids).execute(),
    db.selectFrom('team_members').select(['user_id', 'team_id']).where('user_id', 'in', ids).execute(),
  ]);
  return rows.map((row) =>
    toCredentials(
      row,
      roles.filter((r) => r.user_id === row.id).map((r) => r.role),
      teams.filter((t) => t.user_id === row.id).map((t) => t.team_id),
    ),
  );
}

function selectUsers(db: Db, where: { id?: string; email?: string; officeId?: string | null }) {
  return db
    .selectFrom('users')
    .selectAll()
    .$if(where.id !== undefined, (q) => q.where('id', '=', where.id!))
    .$if(where.email !== undefined, (q) => q.where('email', '=', where.email!))
    .$if(where.officeId !== undefined, (q) =>
      where.officeId === null
        ? q
        : q.where((eb) => eb.or([eb('office_id', '=', where.officeId!), eb('office_id', 'is', null)])),
    )
    .orderBy('display_name')
    .orderBy('id')
    .execute();
}

export async function findUserById(db: Db, id: string): Promise<StaffCredentials | undefined> {
  return (await withRolesAndTeams(db, await selectUsers(db, { id })))[0];
}

export async function findUserByEmail(db: Db, email: string): Promise<StaffCredentials | undefined> {
  return (await withRolesAndTeams(db, await selectUsers(db, { email: normalizeEmail(email) })))[0];
}

/** Users of one office (and national ones), or of all offices when officeId is null. */
export async function listUsers(db: Db, officeId: string | null): Promise<StaffCredentials[]> {
  return withRolesAndTeams(db, await selectUsers(db, { officeId }));
}

export async function countUsers(db: Db): Promise<number> {
  const row = await db
    .selectFrom('users')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function replaceRoles(db: Db, userId: string, roles: readonly Role[]): Promise<void> {
  await db.deleteFrom('user_roles').where('user_id', '=', userId).execute();
  if (roles.length) {
    await db
      .insertInto('user_roles')
      .values(roles.map((role) => ({ user_id: userId, role })))
      .execute();
  }
}

export async function replaceTeams(db: Db, userId: string, teamIds: readonly string[]): Promise<void> {
  await db.deleteFrom('team_members').where('user_id', '=', userId).execute();
  if (teamIds.length) {
    await db
      .insertInto('team_members')
      .values(teamIds.map((teamId) => ({ user_id: userId, team_id: teamId })))
      .execute();
  }
}
