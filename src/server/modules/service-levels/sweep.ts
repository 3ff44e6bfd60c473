import { Type } from 'typebox';
import { PRIORITIES, type Priority } from '../../../shared/enums.js';
import type { Db } from '../../db/connection.js';
import type { CaseRow, SlaMilestone } from '../../db/schema.js';
import { SYSTEM_ACTOR } from '../../events/catalogue.js';
import { recordEvent } from '../../events/record-event.js';
import { defineJob, definePeriodicJob } from '../../jobs/registry.js';
import { inTransaction } from '../../lib/transaction.js';
import { assignCase } from '../cases/assign-case.js';
import { updateCaseAtVersion } from '../cases/storage.js';
import { type NotificationKind, notifyStaff } from '../notifications/notify.js';
import { findOfficeById } from '../offices/storage.js';
import { CLOCK_RUNNING, nextCheck } from './due-times.js';
import { type EscalationRule, officeEscalationRules } from './policies.js';

/**
 * The service-level sweep: one periodic job (each minute), not one job per case. It reads only the cases whose
 * `sla_next_check_at` has come (an index), announces each warning and breach once — `sla_alerts` keeps one row per
 * case, milestone and due time — tells the team's supervisors and the assignee, applies the office's escalation
 * rules, and moves the case's next check to its next milestone.
 */
export const slaSweepJob = defineJob('sla.sweep', {
  payload: Type.Object({ slot: Type.String() }),
  maxAttempts: 3,
  async run(ctx) {
    const result = await sweepServiceLevels(ctx.db, ctx.now());
    if (result.alerts) ctx.log.info(result, 'service-level sweep');
  },
});

definePeriodicJob(slaSweepJob, { everyMs: 60_000, payload: (slot) => ({ slot: slot.toISOString() }) });

const BATCH = 200;
const MAX_BATCHES = 25;

export async function sweepServiceLevels(db: Db, now: Date): Promise<{ checked: number; alerts: number }> {
  let checked = 0;
  let alerts = 0;
  for (let batch = 0; batch < MAX_BATCHES; batch++) {
    const due = await db
      .selectFrom('cases')
      .select('id')
      .where('sla_next_check_at', '<=', now.toISOString())
      .orderBy('sla_next_check_at')
      .limit(BATCH)
      .execute();
    for (const { id } of due) alerts += await inTransaction(db, (trx) => checkCase(trx, id, now));
    checked += due.length;
    if (due.length < BATCH) break;
  }
  return { checked, alerts };
}

interface Reached {
  milestone: SlaMilestone;
  dueAt: string;
}

/** Milestones passed at `now`; a breach makes the warning before it moot (a late sweep sends one message). */
export function reachedMilestones(row: CaseRow, now: Date): Reached[] {
  const reached: Reached[] = [];
  const passed = (value: Date | string | null) =>
    value !== null && new Date(value).getTime() <= now.getTime();
  const iso = (value: Date | string) => new Date(value).toISOString();
  if (row.first_response_at === null && row.first_response_due_at !== null) {
    if (passed(row.first_response_due_at))
      reached.push({ milestone: 'first_response.breached', dueAt: iso(row.first_response_due_at) });
    else if (passed(row.first_response_warn_at))
      reached.push({ milestone: 'first_response.due_soon', dueAt: iso(row.first_response_due_at) });
  }
  if (row.due_at !== null) {
    if (passed(row.due_at)) reached.push({ milestone: 'resolution.breached', dueAt: iso(row.due_at) });
    else if (passed(row.due_warn_at))
      reached.push({ milestone: 'resolution.due_soon', dueAt: iso(row.due_at) });
  }
  return reached;
}

async function checkCase(trx: Db, caseId: string, now: Date): Promise<number> {
  const row = await trx.selectFrom('cases').selectAll().where('id', '=', caseId).executeTakeFirst();
  if (!row || row.sla_next_check_at === null || new Date(row.sla_next_check_at).getTime() > now.getTime())
    return 0;
  if (!CLOCK_RUNNING.includes(row.status)) {
    await trx.updateTable('cases').set({ sla_next_check_at: null }).where('id', '=', caseId).execute();
    return 0;
  }
  let announced = 0;
  for (const reached of reachedMilestones(row, now)) {
    const inserted = await trx
      .insertInto('sla_alerts')
      .values({
        case_id: row.id,
        milestone: reached.milestone,
        due_at: reached.dueAt,
        created_at: now.toISOString(),
      })
      .onConflict((oc) => oc.doNothing())
      .executeTakeFirst();
    if (Number(inserted.numInsertedOrUpdatedRows ?? 0) === 0) continue;
    announced++;
    await announce(trx, row, reached, now);
    for (const rule of await matchingRules(trx, row, reached.milestone))
      await escalate(trx, row.id, rule, reached, now);
  }
  await trx
    .updateTable('cases')
    .set({ sla_next_check_at: nextCheck(row, now.getTime()) })
    .where('id', '=', caseId)
    .execute();
  return announced;
}

async function announce(trx: Db, row: CaseRow, reached: Reached, now: Date): Promise<void> {
  const breached = reached.milestone.endsWith('.breached');
  if (breached)
    await recordEvent(trx, {
      type: 'case.sla_breached',
      actor: SYSTEM_ACTOR,
      officeId: row.office_id,
      caseId: row.id,
      payload: {
        milestone: reached.milestone as 'first_response.breached' | 'resolution.breached',
        dueAt: reached.dueAt,
      },
      at: now,
    });
  else
    await recordEvent(trx, {
      type: 'case.sla_warning',
      actor: SYSTEM_ACTOR,
      officeId: row.office_id,
      caseId: row.id,
      payload: {
        milestone: reached.milestone as 'first_response.due_soon' | 'resolution.due_soon',
        dueAt: reached.dueAt,
      },
      at: now,
    });
  const recipients = await supervisorsOf(trx, row.office_id, row.team_id);
  if (row.assignee_id) recipients.push(row.assignee_id);
  await notify(trx, row, breached ? 'sla_breached' : 'sla_due_soon', recipients, reached, now);
}

async function notify(
  trx: Db,
  row: CaseRow,
  kind: NotificationKind,
  recipients: string[],
  reached: Reached,
  now: Date,
): Promise<void> {
  const office = await findOfficeById(trx, row.office_id);
  await notifyStaff(
    trx,
    recipients,
    {
      kind,
      officeId: row.office_id,
      caseId: row.id,
      trackingCode: row.tracking_code,
      subject: row.subject,
      actorName: null,
      details: { milestone: reached.milestone, dueAt: reached.dueAt, timeZone: office?.timeZone ?? null },
    },
    now,
  );
}

/**
 * The supervisors of the case's team; without a team (or a team without supervisors), the office's. Supervisors
 * without an office (national) are not woken for every office's cases.
 */
export async function supervisorsOf(trx: Db, officeId: string, teamId: string | null): Promise<string[]> {
  const base = trx
    .selectFrom('users')
    .innerJoin('user_roles', 'user_roles.user_id', 'users.id')
    .select('users.id')
    .where('user_roles.role', '=', 'supervisor')
    .where('users.disabled_at', 'is', null)
    .where('users.office_id', '=', officeId);
  if (teamId) {
    const inTeam = await base
      .innerJoin('team_members', 'team_members.user_id', 'users.id')
      .where('team_members.team_id', '=', teamId)
      .execute();
    if (inTeam.length) return inTeam.map((u) => u.id);
  }
  return (await base.execute()).map((u) => u.id);
}

async function matchingRules(trx: Db, row: CaseRow, milestone: SlaMilestone): Promise<EscalationRule[]> {
  return (await officeEscalationRules(trx, row.office_id)).filter(
    (rule) =>
      rule.milestone === milestone &&
      (rule.priority === null || rule.priority === row.priority) &&
      (rule.categoryId === null || rule.categoryId === row.category_id),
  );
}

/**
 * Applies one escalation rule. Raising the priority does not recompute the due times: the case is judged against
 * the promise made when it was classified, and a shorter target would only announce the same breach again.
 */
async function escalate(
  trx: Db,
  caseId: string,
  rule: EscalationRule,
  reached: Reached,
  now: Date,
): Promise<void> {
  const row = await trx.selectFrom('cases').selectAll().where('id', '=', caseId).executeTakeFirstOrThrow();
  const payload: {
    raisedPriority?: { from: Priority; to: Priority };
    assignedTeamId?: string;
    assignedUserId?: string;
  } = {};
  const higher = PRIORITIES[PRIORITIES.indexOf(row.priority) + 1];
  let version = row.version;
  if (rule.raisePriority && higher) {
    await updateCaseAtVersion(trx, row.id, version, { priority: higher, updated_at: now.toISOString() });
    version++;
    await recordEvent(trx, {
      type: 'case.updated',
      actor: SYSTEM_ACTOR,
      officeId: row.office_id,
      caseId: row.id,
      payload: { changes: { priority: { from: row.priority, to: higher } } },
      at: now,
    });
    payload.raisedPriority = { from: row.priority, to: higher };
  }
  if (rule.assignTeamId || rule.assignUserId) {
    try {
      await assignCase(
        trx,
        SYSTEM_ACTOR,
        row.tracking_code,
        {
          expectedVersion: version,
          ...(rule.assignTeamId ? { teamId: rule.assignTeamId } : {}),
          ...(rule.assignUserId ? { assigneeId: rule.assignUserId } : {}),
        },
        now,
      );
      if (rule.assignTeamId) payload.assignedTeamId = rule.assignTeamId;
      if (rule.assignUserId) payload.assignedUserId = rule.assignUserId;
    } catch {
      // The rule names a team or person who can no longer take cases: the other actions still apply, and the
      // escalation event below shows that no reassignment happened.
    }
  }
  await recordEvent(trx, {
    type: 'case.escalated',
    actor: SYSTEM_ACTOR,
    officeId: row.office_id,
    caseId: row.id,
    payload: { ruleId: rule.id, ruleName: rule.name, milestone: reached.milestone, ...payload },
    at: now,
  });
  if (rule.notifySupervisors) {
    const after = await trx
      .selectFrom('cases')
      .selectAll()
      .where('id', '=', caseId)
      .executeTakeFirstOrThrow();
    await notify(
      trx,
      after,
      'escalated',
      await supervisorsOf(trx, after.office_id, after.team_id),
      reached,
      now,
    );
  }
}
