import type { Kysely } from 'kysely';
import type { CaseType, Priority } from '../../../shared/enums.js';
import type { TargetUnit } from '../../db/schema.js';
import { newId } from '../../lib/ids.js';

/**
 * What every new office starts with: Monday–Friday 08:00–16:00 (the demo office's published hours) and service
 * levels from the public rules in docs (regulations.md). Numbers marked *confirm* are defaults to check against
 * the office's own standar pelayanan; each policy shows its source to the administrator who edits it.
 */
export const DEFAULT_WORKING_HOURS: { weekday: number; opens: number; closes: number }[] = [
  1, 2, 3, 4, 5,
].map((weekday) => ({ weekday, opens: 8 * 60, closes: 16 * 60 }));

interface DefaultPolicy {
  name: string;
  caseType?: CaseType;
  priority?: Priority;
  firstResponse: [number, TargetUnit] | null;
  resolution: [number, TargetUnit] | null;
  source: string;
}

const LAPOR = 'SP4N-LAPOR!: verify and route within 3 working days, follow up within 5 working days';
const TIERS =
  'Tiered completion classes of local service standards: light ≤ 2, normative ≤ 5, no inspection ≤ 14, inspection ≤ 60 working days (*confirm*)';

export const DEFAULT_POLICIES: DefaultPolicy[] = [
  {
    name: 'Semua kasus / All cases',
    firstResponse: [3, 'working_days'],
    resolution: [14, 'working_days'],
    source: `${LAPOR}; completion: "not needing inspection" tier. ${TIERS}`,
  },
  {
    name: 'Pengaduan / Complaints',
    caseType: 'complaint',
    firstResponse: [3, 'working_days'],
    resolution: [14, 'working_days'],
    source: `${LAPOR}; a complaint needing an inspection may be given up to 60 working days by a category policy. ${TIERS}`,
  },
  {
    name: 'Permintaan informasi / Requests',
    caseType: 'request',
    firstResponse: [3, 'working_days'],
    resolution: [5, 'working_days'],
    source: `${LAPOR}; completion: "normative" tier. ${TIERS}`,
  },
  {
    name: 'Pendapat dan pujian / Opinions and compliments',
    caseType: 'opinion',
    firstResponse: [5, 'working_days'],
    resolution: null,
    source: `${LAPOR} (follow-up limit used as the first response; an opinion has no completion target)`,
  },
  {
    name: 'Pujian / Compliments',
    caseType: 'compliment',
    firstResponse: [5, 'working_days'],
    resolution: null,
    source: `${LAPOR} (follow-up limit used as the first response; a compliment has no completion target)`,
  },
  {
    name: 'Prioritas tinggi / High priority',
    priority: 'high',
    firstResponse: [1, 'working_days'],
    resolution: [5, 'working_days'],
    source: `Office practice (*confirm*): high priority answered within a working day; completion: "normative" tier. ${TIERS}`,
  },
  {
    name: 'Mendesak / Urgent',
    priority: 'urgent',
    firstResponse: [4, 'working_hours'],
    resolution: [2, 'working_days'],
    source: `Office practice (*confirm*): urgent cases answered within half a working day; completion: "light" tier. ${TIERS}`,
  },
];

/** Adds the default working hours, service-level policies and escalation rule to an office without them. */
// biome-ignore lint/suspicious/noExplicitAny: migration 07 calls this too, with the schema of its day rather than today's.
export async function seedOfficeServiceLevels(db: Kysely<any>, officeId: string, now: Date): Promise<void> {
  const at = now.toISOString();
  const existing = await db
    .selectFrom('office_working_hours')
    .select('office_id')
    .where('office_id', '=', officeId)
    .limit(1)
    .executeTakeFirst();
  if (!existing) {
    await db
      .insertInto('office_working_hours')
      .values(DEFAULT_WORKING_HOURS.map((hours) => ({ office_id: officeId, ...hours })))
      .execute();
  }
  const policy = await db
    .selectFrom('service_level_policies')
    .select('id')
    .where('office_id', '=', officeId)
    .limit(1)
    .executeTakeFirst();
  if (policy) return;
  await db
    .insertInto('service_level_policies')
    .values(
      DEFAULT_POLICIES.map((p) => ({
        id: newId(now.getTime()),
        office_id: officeId,
        name: p.name,
        case_type: p.caseType ?? null,
        service_id: null,
        category_id: null,
        priority: p.priority ?? null,
        first_response_target: p.firstResponse?.[0] ?? null,
        first_response_unit: p.firstResponse?.[1] ?? 'working_days',
        resolution_target: p.resolution?.[0] ?? null,
        resolution_unit: p.resolution?.[1] ?? 'working_days',
        warn_percent: 20,
        source: p.source,
        active: true,
        created_at: at,
        updated_at: at,
      })),
    )
    .execute();
  await db
    .insertInto('escalation_rules')
    .values({
      id: newId(now.getTime()),
      office_id: officeId,
      name: 'Lewat batas waktu: naikkan prioritas / Breached: raise priority',
      milestone: 'resolution.breached',
      priority: null,
      category_id: null,
      raise_priority: true,
      assign_team_id: null,
      assign_user_id: null,
      notify_supervisors: true,
      active: true,
      created_at: at,
      updated_at: at,
    })
    .execute();
}
