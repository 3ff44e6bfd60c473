import { en } from './en';
import { id, type MessageKey, type Messages } from './id';

export type { MessageKey };
export type Language = 'id' | 'en';
export const LANGUAGES: readonly Language[] = ['id', 'en'];

export const catalogues: Record<Language, Messages> = { id, en };

export type Params = Record<string, string | number>;

/** A message in the language, with `{name}` placeholders filled. Unknown placeholders stay as they are. */
export function translate(language: Language, key: MessageKey, params: Params = {}): string {
  const message = catalogues[language][key] ?? catalogues.id[key] ?? key;
  return message.replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in params ? String(params[name]) : whole,
  );
}

export function isMessageKey(key: string): key is MessageKey {
  return key in id;
}

export type Translate = (key: MessageKey, params?: Params) => string;
