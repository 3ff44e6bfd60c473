import { describe, expect, it } from 'vitest';
import { translate } from '../i18n';
import { formatWorkingMinutes, remainingText } from './sla';

const t = (key: Parameters<typeof translate>[1], params?: Record<string, string | number>) =>
  translate('en', key, params);

describe('service-level texts', () => {
  it('formats working time in hours and minutes', () => {
    expect(formatWorkingMinutes(45, t)).toBe('45 min');
    expect(formatWorkingMinutes(120, t)).toBe('2 h');
    expect(formatWorkingMinutes(-200, t)).toBe('3 h 20 min');
  });

  it('says what is left, overdue, paused or met', () => {
    const base = { clock: 'resolution' as const, dueAt: '2026-06-04T09:00:00.000Z' };
    expect(remainingText({ ...base, state: 'on_track', remainingWorkingMinutes: 600 }, t)).toBe(
      '10 h working time left',
    );
    expect(remainingText({ ...base, state: 'breached', remainingWorkingMinutes: -30 }, t)).toBe(
      'overdue by 30 min working time',
    );
    expect(remainingText({ ...base, state: 'paused', remainingWorkingMinutes: 90 }, t)).toContain('paused');
    expect(remainingText({ ...base, state: 'met', remainingWorkingMinutes: null }, t)).toBe('met');
    expect(remainingText({ clock: null, dueAt: null, state: 'none', remainingWorkingMinutes: null }, t)).toBe(
      '',
    );
  });
});
