import type { Translate } from '../i18n';
import type { SlaStanding } from './types';

/** Working time as the console says it: "3 h 20 min" of working time, whole minutes. */
export function formatWorkingMinutes(minutes: number, t: Translate): string {
  const total = Math.abs(Math.round(minutes));
  const hours = Math.floor(total / 60);
  const rest = total % 60;
  if (hours === 0) return t('sla.minutes', { minutes: rest });
  if (rest === 0) return t('sla.hours', { hours });
  return t('sla.hoursMinutes', { hours, minutes: rest });
}

/** The sentence under a due time: time left, time overdue, paused or met. */
export function remainingText(sla: SlaStanding, t: Translate): string {
  if (sla.state === 'met') return t('sla.met');
  if (sla.state === 'none' || sla.remainingWorkingMinutes === null) return '';
  const amount = formatWorkingMinutes(sla.remainingWorkingMinutes, t);
  if (sla.state === 'paused') return t('sla.pausedLeft', { amount });
  if (sla.remainingWorkingMinutes < 0 || sla.state === 'breached') return t('sla.overdueBy', { amount });
  return t('sla.left', { amount });
}

/** A symbol for each state, so the state never rests on colour alone. */
export const SLA_ICONS: Record<SlaStanding['state'], string> = {
  none: '',
  on_track: '●',
  due_soon: '▲',
  breached: '✕',
  paused: 'Ⅱ',
  met: '✓',
};
