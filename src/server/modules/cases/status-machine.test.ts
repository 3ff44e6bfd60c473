import { describe, expect, it } from 'vitest';
import { CASE_STATUSES, type CaseStatus } from '../../../shared/enums.js';
import { canTransition, isFinal, requiresReason, TRANSITIONS } from './status-machine.js';

const LEGAL: ReadonlySet<string> = new Set([
  'received→in_progress',
  'received→rejected',
  'in_progress→waiting_on_citizen',
  'in_progress→resolved',
  'waiting_on_citizen→in_progress',
  'resolved→closed',
  'resolved→in_progress',
]);

const ALL_PAIRS: [CaseStatus, CaseStatus, boolean][] = CASE_STATUSES.flatMap((from) =>
  CASE_STATUSES.map((to): [CaseStatus, CaseStatus, boolean] => [from, to, LEGAL.has(`${from}→${to}`)]),
);

describe('canTransition', () => {
  it('covers all 36 pairs of the six statuses', () => {
    expect(CASE_STATUSES).toHaveLength(6);
    expect(ALL_PAIRS).toHaveLength(36);
    expect(ALL_PAIRS.filter(([, , legal]) => legal)).toHaveLength(LEGAL.size);
  });

  it.each(ALL_PAIRS)('%s → %s is legal: %s', (from, to, legal) => {
    expect(canTransition(from, to)).toBe(legal);
  });

  it('never allows staying in the same status', () => {
    for (const status of CASE_STATUSES) expect(canTransition(status, status)).toBe(false);
  });

  it('lists only known statuses and no duplicates in TRANSITIONS', () => {
    expect(Object.keys(TRANSITIONS).sort()).toEqual([...CASE_STATUSES].sort());
    for (const targets of Object.values(TRANSITIONS)) {
      expect(new Set(targets).size).toBe(targets.length);
      for (const target of targets) expect(CASE_STATUSES).toContain(target);
    }
  });
});

describe('isFinal', () => {
  it.each(CASE_STATUSES.map((status) => [status, status === 'closed' || status === 'rejected'] as const))(
    '%s is final: %s',
    (status, final) => {
      expect(isFinal(status)).toBe(final);
    },
  );
});

describe('requiresReason', () => {
  it.each(CASE_STATUSES.map((status) => [status, status === 'rejected'] as const))(
    'moving to %s requires a reason: %s',
    (status, required) => {
      expect(requiresReason(status)).toBe(required);
    },
  );
});
