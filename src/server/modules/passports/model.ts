import { createHmac } from 'node:crypto';
import type { BusinessCalendar } from '../calendar/business-calendar.js';

/** Closed vocabularies of a passport application (issue #7). */
export const STAGES = [
  'booked',
  'documents_verified',
  'paid',
  'biometrics_taken',
  'interviewed',
  'adjudicated',
  'printed',
  'ready_for_pickup',
  'collected',
  'needs_documents',
  'rejected',
  'cancelled',
] as const;
export type Stage = (typeof STAGES)[number];

/** The ordinary journey, in order; the other stages are branches off it. */
export const MAIN_PATH: readonly Stage[] = STAGES.slice(0, 9);
export const PASSPORT_KINDS = ['non_electronic', 'electronic'] as const;
export type PassportKind = (typeof PASSPORT_KINDS)[number];
export const VALIDITIES = [5, 10] as const;
export const SERVICES = ['new', 'renewal', 'replacement_lost', 'replacement_damaged'] as const;
export type PassportService = (typeof SERVICES)[number];
export const SPEEDS = ['regular', 'same_day'] as const;
export type Speed = (typeof SPEEDS)[number];
export const PRIORITY_GROUPS = ['elderly', 'disability', 'child_under_5', 'pregnant'] as const;
export type PriorityGroup = (typeof PRIORITY_GROUPS)[number];

/** Stages after which nothing changes any more. */
export const FINAL_STAGES: readonly Stage[] = ['collected', 'rejected', 'cancelled'];
/** Stages in which the office owes work: only these can be late. */
export const WORKING_STAGES: readonly Stage[] = [
  'booked',
  'documents_verified',
  'paid',
  'biometrics_taken',
  'interviewed',
  'adjudicated',
  'printed',
];

/** Stages from which the office may ask for missing documents, and back to which the applicant returns. */
const DOCUMENT_STAGES: readonly Stage[] = [
  'booked',
  'documents_verified',
  'paid',
  'biometrics_taken',
  'interviewed',
  'adjudicated',
];

/**
 * The allowed moves. Along the main path an application moves forward, possibly over stages the office's system
 * did not report (an export may jump from `booked` to `paid`); it never moves back. `needs_documents` pauses it
 * until the documents are complete (back to the stage where work continues); `rejected` ends it after the
 * documents were seen; `cancelled` ends it at any point before collection.
 */
export function allowedNextStages(from: Stage): readonly Stage[] {
  if (FINAL_STAGES.includes(from)) return [];
  if (from === 'needs_documents') return [...DOCUMENT_STAGES.slice(1), 'rejected', 'cancelled'];
  const index = MAIN_PATH.indexOf(from);
  const next: Stage[] = [...MAIN_PATH.slice(index + 1)];
  if (DOCUMENT_STAGES.includes(from)) next.push('needs_documents');
  if (index >= 1 && DOCUMENT_STAGES.includes(from)) next.push('rejected');
  next.push('cancelled');
  return next;
}

export function canMove(from: Stage, to: Stage): boolean {
  return allowedNextStages(from).includes(to);
}

export const CONSENT_WITHDRAWAL_SOURCES = ['unsubscribe', 'staff'] as const;
export type ConsentWithdrawalSource = (typeof CONSENT_WITHDRAWAL_SOURCES)[number];

/** Stages whose note the applicant must read (what is missing, why it was refused). */
export function stageNeedsNote(stage: Stage): boolean {
  return stage === 'needs_documents' || stage === 'rejected';
}

export interface PassportApplication {
  id: string;
  officeId: string;
  applicationNumber: string;
  applicantName: string;
  birthDate: string;
  nikLast4: string | null;
  contactEmail: string | null;
  contactPhone: string | null;
  contactConsent: boolean;
  /** When the consent in force was given, as the office's system reported it (null: not reported). */
  consentGivenAt: string | null;
  /**
   * The applicant's last withdrawal of consent (unsubscribe link or staff): a later record with consent = yes
   * switches notifications back on only if it carries a consent time after this (see `respectWithdrawal`).
   */
  consentWithdrawal: { at: string; source: ConsentWithdrawalSource } | null;
  language: 'id' | 'en';
  passportKind: PassportKind;
  validityYears: number;
  service: PassportService;
  speed: Speed;
  appointmentDate: string | null;
  priorityGroup: PriorityGroup | null;
  stage: Stage;
  stageAt: string;
  stageOfficer: string | null;
  stageNote: string | null;
  expectedAt: string | null;
  createdAt: string;
  updatedAt: string;
  version: number;
}

/** Late: the expected completion has passed while the office still owes work. */
export function isLate(app: Pick<PassportApplication, 'stage' | 'expectedAt'>, now: Date): boolean {
  return (
    app.expectedAt !== null &&
    WORKING_STAGES.includes(app.stage) &&
    Date.parse(app.expectedAt) < now.getTime()
  );
}

/** The NIK as a keyed hash: equal NIKs can be matched, the number cannot be read back. */
export function nikHash(secret: string, nik: string): string {
  return createHmac('sha256', secret).update(`nik:${nik}`).digest('hex');
}

/** An Indonesian NIK: 16 digits (spaces and dots as people type them are dropped). */
export function normaliseNik(raw: string): string | undefined {
  const digits = raw.replace(/[\s.-]/g, '');
  return /^\d{16}$/.test(digits) ? digits : undefined;
}

/** Application numbers compared without spaces and case: "sby 2611 0001" is "SBY26110001". */
export function normaliseApplicationNumber(raw: string): string | undefined {
  const value = raw.replace(/\s+/g, '').toUpperCase();
  return /^[A-Z0-9][A-Z0-9/._-]{3,39}$/.test(value) ? value : undefined;
}

/** Lower case without accents, for name search. */
export function searchableName(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}

export interface CompletionSetting {
  speed: Speed;
  workingDays: number;
  source: string;
}

/**
 * The service standard's completion time, used until an office saves its own (regulations.md: regular service
 * "commonly quoted as 4 working days; percepatan is same day (*confirm*)"). The source travels with the number.
 */
export const DEFAULT_COMPLETION: Readonly<Record<Speed, CompletionSetting>> = {
  regular: {
    speed: 'regular',
    workingDays: 4,
    source:
      'Standar pelayanan paspor Ditjen Imigrasi: layanan reguler 4 hari kerja (perlu dikonfirmasi kantor)',
  },
  same_day: {
    speed: 'same_day',
    workingDays: 0,
    source: 'Layanan percepatan paspor selesai di hari yang sama, PP 45/2024 (perlu dikonfirmasi kantor)',
  },
};

/**
 * When the passport should be ready: `workingDays` working days after the day the clock starts (the appointment
 * day, or the day the missing documents were completed), at the office's closing time; same-day service (0 days)
 * is due at the close of that day, or of the next working day if it is not one.
 */
export function expectedCompletion(
  calendar: BusinessCalendar,
  start: Date,
  workingDays: number,
): Date | null {
  try {
    if (workingDays > 0) return calendar.addWorkingDays(start, workingDays);
    let day = calendar.localDay(start.getTime());
    for (let i = 0; i < 60; i++, day++) {
      const intervals = calendar.intervals(day);
      if (intervals.length > 0) return new Date(intervals[intervals.length - 1]![1]);
    }
    return null;
  } catch {
    return null; // A calendar without working time: no promise can be computed.
  }
}

/** The instant for a local date, at noon UTC: inside that calendar day in every zone from −11 to +11 hours. */
export function dateToInstant(date: string): Date {
  return new Date(`${date}T12:00:00Z`);
}
