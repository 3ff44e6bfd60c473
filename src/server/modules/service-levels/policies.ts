import type { Selectable } from 'kysely';
import type { CaseType, Priority } from '../../../shared/enums.js';
import type { Db } from '../../db/connection.js';
import { toBool, toIso } from '../../db/dialect.js';
import type {
  EscalationRuleTable,
  ServiceLevelPolicyTable,
  SlaMilestone,
  TargetUnit,
} from '../../db/schema.js';

export interface Target {
  value: number;
  unit: TargetUnit;
}

export interface ServiceLevelPolicy {
  id: string;
  officeId: string;
  name: string;
  caseType: CaseType | null;
  serviceId: string | null;
  categoryId: string | null;
  priority: Priority | null;
  firstResponse: Target | null;
  resolution: Target | null;
  /** The warning comes when this share of the target's working time is left… */
  warnPercent: number;
  /** …or, when set, this many working hours before the due time. */
  warnHours: number | null;
  source: string;
  active: boolean;
  updatedAt: string;
}

export interface EscalationRule {
  id: string;
  officeId: string;
  name: string;
  milestone: SlaMilestone;
  priority: Priority | null;
  categoryId: string | null;
  raisePriority: boolean;
  assignTeamId: string | null;
  assignUserId: string | null;
  notifySupervisors: boolean;
  active: boolean;
  updatedAt: string;
}

export function toPolicy(row: Selectable<ServiceLevelPolicyTable>): ServiceLevelPolicy {
  return {
    id: row.id,
    officeId: row.office_id,
    name: row.name,
    caseType: row.case_type,
    serviceId: row.service_id,
    categoryId: row.category_id,
    priority: row.priority,
    firstResponse:
      row.first_response_target === null
        ? null
        : { value: row.first_response_target, unit: row.first_response_unit },
    resolution:
      row.resolution_target === null ? null : { value: row.resolution_target, unit: row.resolution_unit },
    warnPercent: row.warn_percent,
    warnHours: row.warn_hours ?? null,
    source: row.source,
    active: toBool(row.active),
    updatedAt: toIso(row.updated_at),
  };
}

export function toEscalationRule(row: Selectable<EscalationRuleTable>): EscalationRule {
  return {
    id: row.id,
    officeId: row.office_id,
    name: row.name,
    milestone: row.milestone,
    priority: row.priority,
    categoryId: row.category_id,
    raisePriority: toBool(row.raise_priority),
    assignTeamId: row.assign_team_id,
    assignUserId: row.assign_user_id,
    notifySupervisors: toBool(row.notify_supervisors),
    active: toBool(row.active),
    updatedAt: toIso(row.updated_at),
  };
}

/** What a policy is matched on. */
export interface Classification {
  type: CaseType;
  serviceId: string | null;
  categoryId: string | null;
  priority: Priority;
}

/**
 * How specific a policy is: the number of conditions it sets, then — between equally specific ones — category
 * before service before priority before case type (a category's own rule knows the matter best).
 */
export function specificity(policy: ServiceLevelPolicy): number {
  const conditions = [policy.categoryId, policy.serviceId, policy.priority, policy.caseType];
  const count = conditions.filter((c) => c !== null).length;
  const weight =
    (policy.categoryId ? 8 : 0) +
    (policy.serviceId ? 4 : 0) +
    (policy.priority ? 2 : 0) +
    (policy.caseType ? 1 : 0);
  return count * 16 + weight;
}

export function matches(policy: ServiceLevelPolicy, c: Classification): boolean {
  return (
    policy.active &&
    (policy.caseType === null || policy.caseType === c.type) &&
    (policy.serviceId === null || policy.serviceId === c.serviceId) &&
    (policy.categoryId === null || policy.categoryId === c.categoryId) &&
    (policy.priority === null || policy.priority === c.priority)
  );
}

/** The most specific active policy matching the case, from policies sorted by `sortBySpecificity`. */
export function selectPolicy(
  sorted: readonly ServiceLevelPolicy[],
  c: Classification,
): ServiceLevelPolicy | undefined {
  return sorted.find((policy) => matches(policy, c));
}

export function sortBySpecificity(policies: ServiceLevelPolicy[]): ServiceLevelPolicy[] {
  return [...policies].sort((a, b) => specificity(b) - specificity(a) || a.id.localeCompare(b.id));
}

// ---- cache: every case creation picks a policy; policies change rarely ----

const TTL_MS = 10_000;

interface Snapshot {
  loadedAt: number;
  policiesByOffice: Map<string, ServiceLevelPolicy[]>;
  rulesByOffice: Map<string, EscalationRule[]>;
}

const snapshots = new WeakMap<object, Snapshot>();
const keyOf = (db: Db) => db.getExecutor().adapter;

async function load(db: Db): Promise<Snapshot> {
  const [policies, rules] = await Promise.all([
    db.selectFrom('service_level_policies').selectAll().where('active', '=', true).execute(),
    db.selectFrom('escalation_rules').selectAll().where('active', '=', true).execute(),
  ]);
  const policiesByOffice = new Map<string, ServiceLevelPolicy[]>();
  for (const policy of policies.map(toPolicy)) {
    const list = policiesByOffice.get(policy.officeId) ?? [];
    list.push(policy);
    policiesByOffice.set(policy.officeId, list);
  }
  for (const [office, list] of policiesByOffice) policiesByOffice.set(office, sortBySpecificity(list));
  const rulesByOffice = new Map<string, EscalationRule[]>();
  for (const rule of rules.map(toEscalationRule)) {
    const list = rulesByOffice.get(rule.officeId) ?? [];
    list.push(rule);
    rulesByOffice.set(rule.officeId, list);
  }
  const snapshot = { loadedAt: Date.now(), policiesByOffice, rulesByOffice };
  snapshots.set(keyOf(db), snapshot);
  return snapshot;
}

async function snapshot(db: Db): Promise<Snapshot> {
  const current = snapshots.get(keyOf(db));
  if (current && Date.now() - current.loadedAt < TTL_MS) return current;
  return load(db);
}

/** Active policies of an office, most specific first. */
export async function officePolicies(db: Db, officeId: string): Promise<readonly ServiceLevelPolicy[]> {
  return (await snapshot(db)).policiesByOffice.get(officeId) ?? [];
}

export async function findPolicyById(
  db: Db,
  officeId: string,
  id: string,
): Promise<ServiceLevelPolicy | undefined> {
  return (await officePolicies(db, officeId)).find((p) => p.id === id);
}

export async function officeEscalationRules(db: Db, officeId: string): Promise<readonly EscalationRule[]> {
  return (await snapshot(db)).rulesByOffice.get(officeId) ?? [];
}

export function invalidateServiceLevels(db: Db): void {
  snapshots.delete(keyOf(db));
}
