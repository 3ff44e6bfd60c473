import type { Db } from '../../db/connection.js';
import { isUniqueViolation } from '../../db/dialect.js';
import { AppError } from '../../errors.js';
import type { Actor } from '../../events/catalogue.js';
import { recordEvent } from '../../events/record-event.js';
import { newId } from '../../lib/ids.js';
import { inTransaction } from '../../lib/transaction.js';

export interface Team {
  id: string;
  officeId: string;
  code: string;
  name: { id: string; en: string };
  memberIds: string[];
}

export async function listTeams(db: Db, officeId: string | null): Promise<Team[]> {
  const rows = await db
    .selectFrom('teams')
    .selectAll()
    .$if(officeId !== null, (q) => q.where('office_id', '=', officeId!))
    .orderBy('code')
    .execute();
  if (rows.length === 0) return [];
  const members = await db
    .selectFrom('team_members')
    .select(['team_id', 'user_id'])
    .where(
      'team_id',
      'in',
      rows.map((r) => r.id),
    )
    .execute();
  return rows.map((row) => ({
    id: row.id,
    officeId: row.office_id,
    code: row.code,
    name: { id: row.name_id, en: row.name_en },
    memberIds: members.filter((m) => m.team_id === row.id).map((m) => m.user_id),
  }));
}

export async function findTeam(db: Db, id: string): Promise<Team | undefined> {
  const row = await db.selectFrom('teams').select('office_id').where('id', '=', id).executeTakeFirst();
  if (!row) return undefined;
  return (await listTeams(db, row.office_id)).find((t) => t.id === id);
}

export async function createTeam(
  db: Db,
  actor: Actor,
  input: { officeId: string; code: string; nameId: string; nameEn: string },
  now = new Date(),
): Promise<Team> {
  const id = newId(now.getTime());
  try {
    await inTransaction(db, async (trx) => {
      await trx
        .insertInto('teams')
        .values({
          id,
          office_id: input.officeId,
          code: input.code,
          name_id: input.nameId.trim(),
          name_en: input.nameEn.trim(),
          created_at: now.toISOString(),
        })
        .execute();
      await recordEvent(trx, {
        type: 'team.created',
        actor,
        officeId: input.officeId,
        payload: { code: input.code },
        at: now,
      });
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new AppError('conflict', { field: 'code' });
    throw error;
  }
  return (await findTeam(db, id))!;
}

export async function renameTeam(
  db: Db,
  actor: Actor,
  team: Team,
  input: { nameId?: string; nameEn?: string },
  now = new Date(),
): Promise<Team> {
  const changes: Record<string, { from: unknown; to: unknown }> = {};
  if (input.nameId !== undefined && input.nameId.trim() !== team.name.id)
    changes.nameId = { from: team.name.id, to: input.nameId.trim() };
  if (input.nameEn !== undefined && input.nameEn.trim() !== team.name.en)
    changes.nameEn = { from: team.name.en, to: input.nameEn.trim() };
  if (Object.keys(changes).length === 0) return team;
  await inTransaction(db, async (trx) => {
    await trx
      .updateTable('teams')
      .set({
        ...(changes.nameId ? { name_id: input.nameId!.trim() } : {}),
        ...(changes.nameEn ? { name_en: input.nameEn!.trim() } : {}),
      })
      .where('id', '=', team.id)
      .execute();
    await recordEvent(trx, {
      type: 'team.updated',
      actor,
      officeId: team.officeId,
      payload: { changes },
      at: now,
    });
  });
  return (await findTeam(db, team.id))!;
}
