import type { Language } from '../../shared/enums.js';
import { en } from './en.js';
import { id, type PortalMessageKey } from './id.js';

export type { PortalMessageKey };

export const catalogues: Record<Language, Record<PortalMessageKey, string>> = { id, en };

export type Translate = (key: PortalMessageKey, params?: Record<string, string | number>) => string;

/** The portal's message lookup for one language, filling `{name}` placeholders. */
export function translator(language: Language): Translate {
  const catalogue = catalogues[language];
  return (key, params = {}) =>
    catalogue[key].replace(/\{(\w+)\}/g, (whole, name: string) =>
      name in params ? String(params[name]) : whole,
    );
}
