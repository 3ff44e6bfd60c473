import type { CaseStatus, CaseType, Channel, Language, Priority } from '../../shared/enums.js';

/** A service the demo office offers, with the case categories under it. Codes are lowercase-kebab. */
export interface DemoService {
  code: string;
  nameId: string;
  nameEn: string;
  categories: { code: string; nameId: string; nameEn: string }[];
}

/**
 * One step in a demo case's life, replayed through the real commands so the timeline and events are genuine.
 * `afterHours` counts from the case's reception.
 */
export type DemoStep =
  | { afterHours: number; action: 'reply'; body: string; staffName: string }
  | { afterHours: number; action: 'note'; body: string; staffName: string }
  | { afterHours: number; action: 'citizen'; body: string }
  | {
      afterHours: number;
      action: 'status';
      to: Exclude<CaseStatus, 'received'>;
      reason?: string;
      staffName: string;
    };

export interface DemoCase {
  type: CaseType;
  serviceCode: string;
  categoryCode: string;
  subject: string;
  description: string;
  channel: Channel;
  language: Language;
  priority: Priority;
  contact?: { name?: string; email?: string; phone?: string };
  anonymous: boolean;
  confidential: boolean;
  /** Days before the seed runs that the case was received (fractional allowed). */
  receivedDaysAgo: number;
  steps: DemoStep[];
}
