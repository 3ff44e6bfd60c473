import type { Language } from '../../../shared/enums.js';
import type { QueryGroup } from '../search/knowledge-index.js';
import { applySynonyms } from '../search/synonyms.js';
import { words } from '../search/text.js';
import { type Corpus, cachedStem } from './corpus.js';

/** A query after the dictionary and typo correction, as the words searched for. */
export interface PreparedQuery {
  /** The words searched for, after synonyms and corrections. */
  words: string[];
  groups: QueryGroup[];
  /** The query as understood, when it differs from what was typed (shown as "showing results for …"). */
  corrected: string | null;
}

const MAX_WORDS = 16;
/** A word in more than this share of the documents selects almost nothing (e.g. "paspor" at a passport office). */
const COMMON_SHARE = 0.2;
/** …judged only once the knowledge base is large enough for shares to mean something. */
const COMMON_MIN_DOCUMENTS = 100;

/**
 * Words that carry no meaning in a question typed to an office: chat particles, greetings and politeness, and
 * question scaffolding. Dropped from queries only (documents keep them).
 */
const FILLERS: Record<Language, Set<string>> = {
  id: new Set(
    (
      'ya yah sih dong deh kok nih tuh kah lah min kak gan sis bang mas mbak pak bu halo hai hallo permisi ' +
      'terima kasih makasih tolong mohon apakah gimana bagaimana apa aja saja kira kira sebenarnya emang memang ' +
      'beliau ingin mau pengen jika bila apabila kalau'
    ).split(' '),
  ),
  en: new Set(
    (
      'hi hello hey please thanks thank dear sir madam kindly just really actually ' +
      'how what which does do did can could would should will shall may might get got me your you im ' +
      'tell want need know about there any some'
    ).split(' '),
  ),
};
/** Typo correction is for short queries: in a long one, an unknown word is more likely a name than a typo. */
const TYPO_QUERY_WORDS = 8;

export function prepareQuery(
  text: string,
  language: Language,
  corpus: Corpus,
  options: { prefixLast?: boolean } = {},
): PreparedQuery {
  const typed = words(text);
  const expanded = words(applySynonyms(text, corpus.synonyms))
    .filter((word) => !FILLERS[language].has(word))
    .slice(0, MAX_WORDS);
  const correct = expanded.length <= TYPO_QUERY_WORDS && corpus.vocabulary.size > 0;
  let changed = expanded.join(' ') !== typed.join(' ');
  const result = expanded.map((word, index) => {
    const last = index === expanded.length - 1 && options.prefixLast === true;
    if (!correct || known(word, language, corpus) || (last && word.length < 4)) return word;
    const fixed = corpus.vocabulary.correct(word);
    if (!fixed) return word;
    changed = true;
    return fixed;
  });
  const groups = result.map((word, index) => {
    const terms = [...new Set([word, cachedStem(word, language)].filter((w) => w.length >= 2))];
    const documents = Math.max(0, ...terms.map((term) => corpus.vocabulary.frequency(term)));
    return {
      terms,
      prefix: options.prefixLast === true && index === result.length - 1 && word.length >= 3,
      common: corpus.documents >= COMMON_MIN_DOCUMENTS && documents > corpus.documents * COMMON_SHARE,
    };
  });
  return { words: result, groups, corrected: changed ? result.join(' ') : null };
}

function known(word: string, language: Language, corpus: Corpus): boolean {
  return (
    /^\p{N}+$/u.test(word) || corpus.vocabulary.has(word) || corpus.vocabulary.has(cachedStem(word, language))
  );
}
