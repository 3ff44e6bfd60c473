import type { Language } from '../i18n';
import type { LocalizedName } from './types';

const locales: Record<Language, string> = { id: 'id-ID', en: 'en-GB' };

export function formatDateTime(iso: string | null | undefined, language: Language): string {
  if (!iso) return '—';
  return new Intl.DateTimeFormat(locales[language], { dateStyle: 'medium', timeStyle: 'short' }).format(
    new Date(iso),
  );
}

/** "5 min ago", "3 days ago" — short and relative for lists; the exact time goes in a title/datetime. */
export function formatRelative(iso: string, language: Language, now = Date.now()): string {
  const seconds = Math.round((new Date(iso).getTime() - now) / 1000);
  const format = new Intl.RelativeTimeFormat(locales[language], { numeric: 'auto', style: 'short' });
  const abs = Math.abs(seconds);
  if (abs < 60) return format.format(Math.round(seconds), 'second');
  if (abs < 3600) return format.format(Math.round(seconds / 60), 'minute');
  if (abs < 86_400) return format.format(Math.round(seconds / 3600), 'hour');
  if (abs < 30 * 86_400) return format.format(Math.round(seconds / 86_400), 'day');
  return formatDateTime(iso, language);
}

export function localName(name: LocalizedName | null | undefined, language: Language): string {
  if (!name) return '';
  return name[language] || name.id;
}
