import type { Db } from '../../db/connection.js';
import { toIso } from '../../db/dialect.js';
import { STAGES, type Stage, WORKING_STAGES } from './model.js';

export interface PassportReport {
  /** Applications with an appointment in the period, by their current stage. */
  perStage: { stage: Stage; count: number }[];
  /** How long applications stayed in each stage before the next one, in hours (calendar time). */
  timeInStage: { stage: Stage; averageHours: number; samples: number }[];
  late: {
    count: number;
    oldest: { id: string; applicationNumber: string; stage: Stage; expectedAt: string }[];
  };
  total: number;
}

/** The report of one office for appointment dates from `from` to `to` (inclusive, `YYYY-MM-DD`). */
export async function passportReport(
  db: Db,
  officeId: string,
  from: string,
  to: string,
  now: Date,
): Promise<PassportReport> {
  const inPeriod = db
    .selectFrom('passport_applications')
    .where('office_id', '=', officeId)
    .where('appointment_date', '>=', from)
    .where('appointment_date', '<=', to);
  const perStageRows = await inPeriod
    .select(['stage', (eb) => eb.fn.countAll<number | string>().as('count')])
    .groupBy('stage')
    .execute();
  const counts = new Map(perStageRows.map((r) => [r.stage, Number(r.count)]));
  const perStage = STAGES.map((stage) => ({ stage, count: counts.get(stage) ?? 0 }));

  const stageRows = await db
    .selectFrom('passport_stages as s')
    .innerJoin('passport_applications as a', 'a.id', 's.application_id')
    .select(['s.application_id', 's.stage', 's.at'])
    .where('a.office_id', '=', officeId)
    .where('a.appointment_date', '>=', from)
    .where('a.appointment_date', '<=', to)
    .orderBy('s.application_id')
    .orderBy('s.at')
    .execute();
  const sums = new Map<string, { total: number; samples: number }>();
  for (let i = 0; i + 1 < stageRows.length; i++) {
    const row = stageRows[i]!;
    const next = stageRows[i + 1]!;
    if (next.application_id !== row.application_id) continue;
    const ms = Date.parse(toIso(next.at)) - Date.parse(toIso(row.at));
    const sum = sums.get(row.stage) ?? { total: 0, samples: 0 };
    sum.total += ms;
    sum.samples++;
    sums.set(row.stage, sum);
  }
  const timeInStage = STAGES.filter((s) => sums.has(s)).map((stage) => {
    const sum = sums.get(stage)!;
    return {
      stage,
      averageHours: Math.round((sum.total / sum.samples / 3_600_000) * 10) / 10,
      samples: sum.samples,
    };
  });

  const lateQuery = inPeriod
    .where('stage', 'in', WORKING_STAGES as Stage[])
    .where('expected_at', '<', now.toISOString());
  const lateCount = await lateQuery
    .select((eb) => eb.fn.countAll<number | string>().as('count'))
    .executeTakeFirst();
  const oldest = await lateQuery
    .select(['id', 'application_number', 'stage', 'expected_at'])
    .orderBy('expected_at')
    .limit(20)
    .execute();
  return {
    perStage,
    timeInStage,
    late: {
      count: Number(lateCount?.count ?? 0),
      oldest: oldest.map((r) => ({
        id: r.id,
        applicationNumber: r.application_number,
        stage: r.stage as Stage,
        expectedAt: toIso(r.expected_at!),
      })),
    },
    total: perStage.reduce((sum, s) => sum + s.count, 0),
  };
}
