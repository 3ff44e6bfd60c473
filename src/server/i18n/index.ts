import type { Language } from '../../shared/enums.js';
import { en } from './en.js';
import { id, type MessageKey } from './id.js';

export type { MessageKey };

const catalogues: Record<Language, Record<MessageKey, string>> = { id, en };

export function isMessageKey(key: string): key is MessageKey {
  return key in id;
}

/** Looks a message up and fills `{name}` placeholders. */
export function t(language: Language, key: MessageKey, params: Record<string, string | number> = {}): string {
  const template = catalogues[language][key];
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in params ? String(params[name]) : whole,
  );
}

/**
 * Picks `id` or `en` from an Accept-Language header by quality; Indonesian is the default and wins ties.
 * Also accepts a bare language code (a query parameter or a stored preference).
 */
export function negotiateLanguage(header: string | undefined): Language {
  if (!header) return 'id';
  let best: Language = 'id';
  let bestQuality = 0;
  for (const part of header.split(',')) {
    const [range = '', ...params] = part.trim().toLowerCase().split(';');
    const quality = qualityOf(params);
    const primary = range.trim().split('-')[0];
    const language = primary === 'en' ? 'en' : primary === 'id' || primary === 'in' ? 'id' : undefined;
    if (language && (quality > bestQuality || (quality === bestQuality && language === 'id'))) {
      best = language;
      bestQuality = quality;
    }
  }
  return best;
}

function qualityOf(params: string[]): number {
  const q = params.find((p) => p.trim().startsWith('q='));
  const value = q ? Number(q.trim().slice(2)) : 1;
  return Number.isFinite(value) ? value : 0;
}
