import type { MessageKey } from '../../i18n';

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

export const stageKey = (stage: string) => `passport.stage.${stage}` as MessageKey;

export interface Application {
  id: string;
  officeCode: string;
  applicationNumber: string;
  applicantName: string;
  birthDate: string;
  nikLast4: string | null;
  contactEmail: string | null;
  contactPhone: string | null;
  contactConsent: boolean;
  consentGivenAt: string | null;
  /** The applicant's last withdrawal: a later import or push with consent = yes does not override it. */
  consentWithdrawal: { at: string; source: 'unsubscribe' | 'staff' } | null;
  passportKind: string;
  validityYears: number;
  service: string;
  speed: string;
  appointmentDate: string | null;
  priorityGroup: string | null;
  stage: Stage;
  stageAt: string;
  stageOfficer: string | null;
  stageNote: string | null;
  expectedAt: string | null;
  late: boolean;
  version: number;
  allowedActions: string[];
  nextStages: Stage[];
}

export interface ApplicationDetail extends Application {
  stages: { stage: Stage; at: string; officer: string | null; note: string | null; source: string }[];
  cases: { caseId: string; trackingCode: string; subject: string; status: string; linkedAt: string }[];
}
