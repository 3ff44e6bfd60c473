import type { AppContext } from '../../context.js';
import { AppError } from '../../errors.js';
import { isCalendarDate, localDay } from '../../lib/calendar-dates.js';
import { isLate, normaliseApplicationNumber, type PassportApplication, type Stage } from './model.js';
import { toApplication } from './storage.js';

/**
 * What the applicant is told to do next, per stage. The texts are in the portal and server catalogues under
 * these keys; `needs_documents` and `rejected` add the office's note (which documents, why).
 */
export const NEXT_STEP: Readonly<Record<Stage, string>> = {
  booked: 'come_on_appointment',
  documents_verified: 'pay',
  paid: 'biometrics',
  biometrics_taken: 'interview',
  interviewed: 'wait',
  adjudicated: 'wait',
  printed: 'wait_ready',
  ready_for_pickup: 'collect',
  collected: 'none',
  needs_documents: 'bring_documents',
  rejected: 'rejected',
  cancelled: 'cancelled',
};

export interface PublicApplicationStatus {
  applicationNumber: string;
  officeCode: string;
  /** Initials only: enough for the applicant to recognise the record, nothing for anyone else. */
  applicantInitials: string;
  stage: Stage;
  stageAt: string;
  nextStep: string;
  note: string | null;
  expectedAt: string | null;
  /** The expected day on the office's calendar, `YYYY-MM-DD`. */
  expectedDate: string | null;
  late: boolean;
  speed: PassportApplication['speed'];
  service: PassportApplication['service'];
  appointmentDate: string | null;
  stages: { stage: Stage; at: string }[];
}

export function initials(name: string): string {
  return name
    .split(/\s+/)
    .filter(Boolean)
    .map((part) => `${part[0]!.toUpperCase()}.`)
    .join(' ');
}

/**
 * The application a number and date of birth open. Any wrong combination — unknown number, wrong date, a typo —
 * fails the same way (`application_not_found`), so nobody learns which numbers exist. Failures count per client
 * address and per number (the look-up limiters of the case status check, under their own keys); once either is
 * at its limit every attempt answers `rate_limited`, right or wrong.
 */
export async function checkApplicationStatus(
  { db, limiters }: Pick<AppContext, 'db' | 'limiters'>,
  clientAddress: string,
  rawNumber: string,
  birthDate: string,
  now = new Date(),
): Promise<PublicApplicationStatus> {
  const number = normaliseApplicationNumber(rawNumber) ?? '';
  const ipKey = `passport:${clientAddress}`;
  const numberKey = `passport:${number}`;
  if (limiters.enabled) {
    const wait = Math.max(
      limiters.lookupFailures.blockedFor(ipKey),
      limiters.codeFailures.blockedFor(numberKey),
    );
    if (wait > 0) throw new AppError('rate_limited', { retryAfterSeconds: wait });
  }
  const row =
    number && isCalendarDate(birthDate)
      ? await db
          .selectFrom('passport_applications as a')
          .innerJoin('offices as o', 'o.id', 'a.office_id')
          .selectAll('a')
          .select(['o.code as office_code', 'o.time_zone'])
          .where('a.application_number', '=', number)
          .where('a.birth_date', '=', birthDate)
          .executeTakeFirst()
      : undefined;
  if (!row) {
    if (limiters.enabled) {
      limiters.lookupFailures.hit(ipKey);
      if (number) limiters.codeFailures.hit(numberKey);
    }
    throw new AppError('application_not_found');
  }
  const app = toApplication(row);
  const stages = await db
    .selectFrom('passport_stages')
    .select(['stage', 'at'])
    .where('application_id', '=', app.id)
    .orderBy('at')
    .orderBy('id')
    .execute();
  return {
    applicationNumber: app.applicationNumber,
    officeCode: row.office_code,
    applicantInitials: initials(app.applicantName),
    stage: app.stage,
    stageAt: app.stageAt,
    nextStep: NEXT_STEP[app.stage],
    note: app.stage === 'needs_documents' || app.stage === 'rejected' ? app.stageNote : null,
    expectedAt: showsExpected(app.stage) ? app.expectedAt : null,
    expectedDate:
      showsExpected(app.stage) && app.expectedAt ? localDate(app.expectedAt, row.time_zone) : null,
    late: isLate(app, now),
    speed: app.speed,
    service: app.service,
    appointmentDate: app.appointmentDate,
    stages: stages.map((s) => ({
      stage: s.stage as Stage,
      at: typeof s.at === 'string' ? s.at : s.at.toISOString(),
    })),
  };
}

/** A promise date means something only while the office is still working on the passport. */
function showsExpected(stage: Stage): boolean {
  return !['ready_for_pickup', 'collected', 'rejected', 'cancelled', 'needs_documents'].includes(stage);
}

export function localDate(iso: string, timeZone: string): string {
  return localDay(timeZone, new Date(iso));
}
