import type { CaseStatus } from '../../../shared/enums.js';
import type { Db } from '../../db/connection.js';
import { toIsoOrNull } from '../../db/dialect.js';
import { type BusinessCalendar, NoWorkingTime } from '../calendar/business-calendar.js';
import { officeCalendar } from '../calendar/storage.js';
import {
  type Classification,
  officePolicies,
  type ServiceLevelPolicy,
  selectPolicy,
  type Target,
} from './policies.js';
// Offices get their default hours and policies when created: the reaction lives with the code that needs them.
import './reactions.js';

/** The service-level columns of a case (all of them, always, so the case insert stays one compiled statement). */
export interface SlaColumns {
  sla_policy_id: string | null;
  first_response_due_at: string | null;
  first_response_warn_at: string | null;
  due_at: string | null;
  due_warn_at: string | null;
  sla_next_check_at: string | null;
}

const NO_SLA: SlaColumns = {
  sla_policy_id: null,
  first_response_due_at: null,
  first_response_warn_at: null,
  due_at: null,
  due_warn_at: null,
  sla_next_check_at: null,
};

/** Statuses in which the clock runs. Waiting on the citizen pauses it; final statuses stop it. */
export const CLOCK_RUNNING: readonly CaseStatus[] = ['received', 'in_progress'];
const FINAL: readonly CaseStatus[] = ['resolved', 'closed', 'rejected'];

/**
 * Due and warning times for a target counted from `start` on the calendar, pushed back by the working time the
 * case has spent waiting on the citizen. Pure.
 */
export function computeDueTimes(
  calendar: BusinessCalendar,
  policy: ServiceLevelPolicy | undefined,
  start: Date,
  pausedMinutes: number,
): SlaColumns {
  if (!policy) return NO_SLA;
  try {
    const firstResponse =
      policy.firstResponse && deadline(calendar, policy.firstResponse, start, pausedMinutes, policy);
    const resolution =
      policy.resolution && deadline(calendar, policy.resolution, start, pausedMinutes, policy);
    const warnings = [firstResponse?.warn, resolution?.warn].filter((d): d is Date => d !== undefined);
    const next = warnings.length ? new Date(Math.min(...warnings.map((d) => d.getTime()))) : null;
    return {
      sla_policy_id: policy.id,
      first_response_due_at: firstResponse?.due.toISOString() ?? null,
      first_response_warn_at: firstResponse?.warn.toISOString() ?? null,
      due_at: resolution?.due.toISOString() ?? null,
      due_warn_at: resolution?.warn.toISOString() ?? null,
      sla_next_check_at: next?.toISOString() ?? null,
    };
  } catch (error) {
    // An office whose calendar has no working time at all has no due times rather than failing its cases.
    if (error instanceof NoWorkingTime) return { ...NO_SLA, sla_policy_id: policy.id };
    throw error;
  }
}

function deadline(
  calendar: BusinessCalendar,
  target: Target,
  start: Date,
  pausedMinutes: number,
  policy: ServiceLevelPolicy,
): { due: Date; warn: Date } {
  const targetMinutes =
    target.unit === 'working_hours' ? target.value * 60 : target.value * calendar.workingDayMinutes;
  const unpaused =
    target.unit === 'working_hours'
      ? calendar.addWorkingMinutes(start, target.value * 60)
      : calendar.addWorkingDays(start, target.value);
  const due = pausedMinutes > 0 ? calendar.addWorkingMinutes(unpaused, pausedMinutes) : unpaused;
  const lead =
    policy.warnHours !== null
      ? Math.min(targetMinutes, policy.warnHours * 60)
      : Math.round((targetMinutes * policy.warnPercent) / 100);
  return { due, warn: lead > 0 ? calendar.addWorkingMinutes(due, -lead) : due };
}

/**
 * Due times for a case being created: the office's cached policies and calendar, no query when they are warm.
 */
export async function dueTimesForNewCase(
  db: Db,
  officeId: string,
  classification: Classification,
  receivedAt: Date,
): Promise<SlaColumns> {
  const [policies, calendar] = await Promise.all([
    officePolicies(db, officeId),
    officeCalendar(db, officeId),
  ]);
  if (!calendar) return NO_SLA;
  return computeDueTimes(calendar, selectPolicy(policies, classification), receivedAt, 0);
}

/** What the clock needs of a case beyond the domain model. */
interface ClockRow {
  received_at: Date | string;
  first_response_at: Date | string | null;
  waiting_since: Date | string | null;
  first_response_due_at: Date | string | null;
  first_response_warn_at: Date | string | null;
  due_at: Date | string | null;
  due_warn_at: Date | string | null;
  sla_paused_minutes: number;
}

async function clockRow(db: Db, caseId: string): Promise<ClockRow> {
  return db
    .selectFrom('cases')
    .select([
      'received_at',
      'first_response_at',
      'waiting_since',
      'first_response_due_at',
      'first_response_warn_at',
      'due_at',
      'due_warn_at',
      'sla_paused_minutes',
    ])
    .where('id', '=', caseId)
    .executeTakeFirstOrThrow();
}

type ClockChanges = Partial<Omit<SlaColumns, 'sla_policy_id'>> & { sla_paused_minutes?: number };

/**
 * How a status change moves the clock: waiting on the citizen pauses it (the sweep stops looking at the case);
 * leaving that wait pushes every due and warning time back by the working time spent waiting; final statuses stop
 * it. Other changes leave it alone (no query).
 */
export async function clockChangesOnTransition(
  db: Db,
  current: { id: string; officeId: string; status: CaseStatus },
  to: CaseStatus,
  now: Date,
): Promise<ClockChanges> {
  if (to === 'waiting_on_citizen' || FINAL.includes(to)) return { sla_next_check_at: null };
  if (!CLOCK_RUNNING.includes(to)) return {};
  const resuming = current.status === 'waiting_on_citizen';
  const reopening = FINAL.includes(current.status);
  if (!resuming && !reopening) return {};
  const [row, calendar] = await Promise.all([clockRow(db, current.id), officeCalendar(db, current.officeId)]);
  if (!calendar) return {};
  let paused = 0;
  const shifted: ClockChanges = {};
  if (resuming && row.waiting_since !== null) {
    paused = Math.max(0, calendar.workingMinutesBetween(new Date(row.waiting_since), now));
    const shift = (value: Date | string | null) =>
      value === null ? null : calendar.addWorkingMinutes(new Date(value), paused).toISOString();
    shifted.first_response_due_at = shift(row.first_response_due_at);
    shifted.first_response_warn_at = shift(row.first_response_warn_at);
    shifted.due_at = shift(row.due_at);
    shifted.due_warn_at = shift(row.due_warn_at);
    shifted.sla_paused_minutes = row.sla_paused_minutes + paused;
  }
  const merged = { ...row, ...shifted };
  return { ...shifted, sla_next_check_at: nextCheck(merged, -Infinity) };
}

/**
 * A changed classification (category, service, priority) may select another policy: due times are computed
 * again from the receipt, keeping the waiting time already counted.
 */
export async function recomputeDueTimes(
  db: Db,
  current: { id: string; officeId: string; status: CaseStatus } & Classification,
): Promise<SlaColumns & { sla_next_check_at: string | null }> {
  const [row, policies, calendar] = await Promise.all([
    clockRow(db, current.id),
    officePolicies(db, current.officeId),
    officeCalendar(db, current.officeId),
  ]);
  if (!calendar) return NO_SLA;
  const columns = computeDueTimes(
    calendar,
    selectPolicy(policies, current),
    new Date(row.received_at),
    row.sla_paused_minutes,
  );
  const next = CLOCK_RUNNING.includes(current.status) ? nextCheck({ ...row, ...columns }, -Infinity) : null;
  return { ...columns, sla_next_check_at: next };
}

/** The earliest pending milestone after `after` (ms), or null: what `sla_next_check_at` holds. */
export function nextCheck(
  row: Pick<
    ClockRow,
    'first_response_at' | 'first_response_warn_at' | 'first_response_due_at' | 'due_warn_at' | 'due_at'
  >,
  after: number,
): string | null {
  const instants: (Date | string | null)[] = [row.due_warn_at, row.due_at];
  if (row.first_response_at === null) instants.push(row.first_response_warn_at, row.first_response_due_at);
  let earliest = Infinity;
  for (const value of instants) {
    if (value === null) continue;
    const at = new Date(value).getTime();
    if (at > after && at < earliest) earliest = at;
  }
  return earliest === Infinity ? null : new Date(earliest).toISOString();
}

// ---- how a case stands, for the console ----

export type SlaState = 'none' | 'on_track' | 'due_soon' | 'breached' | 'paused' | 'met';

export interface SlaStanding {
  /** Which clock the state is about: the first response until there is one, then the resolution. */
  clock: 'first_response' | 'resolution' | null;
  state: SlaState;
  dueAt: string | null;
  /** Working minutes left (negative: overdue by); frozen at the start of a wait on the citizen. */
  remainingWorkingMinutes: number | null;
}

export interface SlaCase {
  status: CaseStatus;
  firstResponseAt: string | null;
  firstResponseDueAt: string | null;
  firstResponseWarnAt: string | null;
  dueAt: string | null;
  dueWarnAt: string | null;
  waitingSince: string | null;
  resolvedAt: string | null;
}

/** Pure: where a case stands against its due times at `now`. */
export function slaStanding(c: SlaCase, calendar: BusinessCalendar | undefined, now: Date): SlaStanding {
  const firstResponsePending =
    c.firstResponseAt === null && c.firstResponseDueAt !== null && !FINAL.includes(c.status);
  const clock = firstResponsePending ? 'first_response' : c.dueAt !== null ? 'resolution' : null;
  if (clock === null) return { clock, state: 'none', dueAt: null, remainingWorkingMinutes: null };
  const dueAt = clock === 'first_response' ? c.firstResponseDueAt! : c.dueAt!;
  const warnAt = clock === 'first_response' ? c.firstResponseWarnAt : c.dueWarnAt;
  const due = new Date(dueAt);
  if (FINAL.includes(c.status)) {
    const doneAt = c.resolvedAt ? new Date(c.resolvedAt) : now;
    return { clock, state: doneAt <= due ? 'met' : 'breached', dueAt, remainingWorkingMinutes: null };
  }
  const reference = c.status === 'waiting_on_citizen' && c.waitingSince ? new Date(c.waitingSince) : now;
  const remaining = calendar ? calendar.workingMinutesBetween(reference, due) : null;
  let state: SlaState;
  if (c.status === 'waiting_on_citizen') state = 'paused';
  else if (now.getTime() > due.getTime()) state = 'breached';
  else if (warnAt && now.getTime() >= new Date(warnAt).getTime()) state = 'due_soon';
  else state = 'on_track';
  return { clock, state, dueAt, remainingWorkingMinutes: remaining };
}

export function toSlaCase(row: {
  status: CaseStatus;
  first_response_at: Date | string | null;
  first_response_due_at: Date | string | null;
  first_response_warn_at: Date | string | null;
  due_at: Date | string | null;
  due_warn_at: Date | string | null;
  waiting_since: Date | string | null;
  resolved_at: Date | string | null;
}): SlaCase {
  return {
    status: row.status,
    firstResponseAt: toIsoOrNull(row.first_response_at),
    firstResponseDueAt: toIsoOrNull(row.first_response_due_at),
    firstResponseWarnAt: toIsoOrNull(row.first_response_warn_at),
    dueAt: toIsoOrNull(row.due_at),
    dueWarnAt: toIsoOrNull(row.due_warn_at),
    waitingSince: toIsoOrNull(row.waiting_since),
    resolvedAt: toIsoOrNull(row.resolved_at),
  };
}
