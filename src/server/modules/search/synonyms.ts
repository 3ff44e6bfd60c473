/**
 * The colloquial dictionary applied to a text before it is split into words: each token (letters and digits,
 * possibly joined by hyphens, so `e-paspor` and `anak2` are one token) found in the dictionary is replaced by
 * what it means (`brp` → `berapa`, `e-paspor` → `paspor elektronik`). One pass: replacements are not replaced
 * again.
 */
const TOKEN = /[\p{L}\p{N}]+(?:-[\p{L}\p{N}]+)*/gu;

export function applySynonyms(text: string, dictionary: ReadonlyMap<string, string>): string {
  if (dictionary.size === 0) return text;
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(TOKEN, (token) => dictionary.get(token) ?? token);
}

/** A dictionary term: one token as above, lower case. */
export function isSynonymTerm(term: string): boolean {
  return /^[\p{Ll}\p{N}]+(?:-[\p{Ll}\p{N}]+)*$/u.test(term) && term.length <= 60;
}
