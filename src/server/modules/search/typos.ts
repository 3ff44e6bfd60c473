/**
 * Typo tolerance: a word the vocabulary does not know is replaced by the most frequent known word within a
 * small edit distance (1 for words of 4–7 letters, 2 for longer ones). Shorter words are left alone: at three
 * letters almost every word is one edit away from another.
 */
export function allowedDistance(word: string): number {
  if (word.length < 4 || /\d/.test(word)) return 0;
  return word.length < 8 ? 1 : 2;
}

/** Levenshtein distance with transpositions counted as one edit, or max + 1 once it exceeds max. */
export function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let prevPrev: number[] = [];
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let value = Math.min(prev[j]! + 1, row[j - 1]! + 1, prev[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        value = Math.min(value, prevPrev[j - 2]! + 1);
      row.push(value);
      if (value < rowMin) rowMin = value;
    }
    if (rowMin > max) return max + 1;
    prevPrev = prev;
    prev = row;
  }
  return prev[b.length]!;
}

/** Known words bucketed by length, with how many documents use each. */
export class Vocabulary {
  readonly #frequency = new Map<string, number>();
  #byLength: string[][] = [];

  add(word: string, documents = 1): void {
    const known = this.#frequency.get(word);
    this.#frequency.set(word, (known ?? 0) + documents);
    if (known !== undefined) return;
    const bucket = this.#byLength[word.length] ?? [];
    bucket.push(word);
    this.#byLength[word.length] = bucket;
  }

  has(word: string): boolean {
    return this.#frequency.has(word);
  }

  /** Number of documents containing the word (0 when unknown). */
  frequency(word: string): number {
    return this.#frequency.get(word) ?? 0;
  }

  get size(): number {
    return this.#frequency.size;
  }

  /** The best known word within the allowed distance: fewest edits, then most frequent, then alphabetical. */
  correct(word: string): string | undefined {
    const max = allowedDistance(word);
    if (max === 0) return undefined;
    let best: { word: string; distance: number; frequency: number } | undefined;
    for (let length = word.length - max; length <= word.length + max; length++) {
      for (const candidate of this.#byLength[length] ?? []) {
        const distance = editDistance(word, candidate, max);
        if (distance > max) continue;
        const frequency = this.frequency(candidate);
        if (
          !best ||
          distance < best.distance ||
          (distance === best.distance && frequency > best.frequency) ||
          (distance === best.distance && frequency === best.frequency && candidate < best.word)
        )
          best = { word: candidate, distance, frequency };
      }
    }
    return best?.word;
  }
}
