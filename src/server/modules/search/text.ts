import { stemmer as englishStem } from '@orama/stemmers/english';
import { Stemmer } from 'sastrawijs';
import type { Language } from '../../../shared/enums.js';

/**
 * Text → search terms, the same on both engines: normalise (lower case, no accents, letters and digits only),
 * drop common words, stem (Indonesian with the dictionary-based Sastrawi stemmer, English with Snowball). Each
 * word is indexed both as typed and as its stem, so "kependudukan" finds "penduduk" and a half-typed word still
 * matches by prefix.
 */
const STOPWORDS = new Set(
  (
    'yang dan di ke dari ini itu untuk dengan pada adalah atau juga akan tidak sudah saya kami kita anda ada bisa ' +
    'dalam oleh karena jadi agar apa bagaimana mohon tolong sih nya pak bu the and of to in for on is are be it ' +
    'a an my we you i with at by was were this that from as or'
  ).split(' '),
);

let indonesian: Stemmer | undefined;

export function words(text: string): string[] {
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w.length >= 2 && w.length <= 40 && !STOPWORDS.has(w));
}

// A word's stem never changes, and the dictionary-based stemmer is the costly step of indexing a long text.
const STEM_MEMO_LIMIT = 100_000;
const stems: Record<Language, Map<string, string>> = { id: new Map(), en: new Map() };

export function stem(word: string, language: Language): string {
  if (/^\p{N}+$/u.test(word)) return word;
  const memo = stems[language];
  let stemmed = memo.get(word);
  if (stemmed !== undefined) return stemmed;
  if (language === 'en') stemmed = englishStem(word);
  else {
    indonesian ??= new Stemmer();
    stemmed = indonesian.stem(word);
  }
  if (memo.size < STEM_MEMO_LIMIT) memo.set(word, stemmed);
  return stemmed;
}

/** The terms a document is indexed under. */
export function documentTerms(text: string, language: Language): string {
  const terms = new Set<string>();
  for (const word of words(text)) {
    terms.add(word);
    const stemmed = stem(word, language);
    if (stemmed.length >= 2) terms.add(stemmed);
  }
  return [...terms].join(' ');
}

/**
 * A query as a list of alternatives per word: every word must match, in any of its forms. The query's language
 * is unknown, so each word is stemmed both ways.
 */
export function queryAlternatives(query: string): string[][] {
  return words(query)
    .slice(0, 12)
    .map((word) => [...new Set([word, stem(word, 'id'), stem(word, 'en')].filter((w) => w.length >= 2))]);
}
