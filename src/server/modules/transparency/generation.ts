/**
 * A counter of changes to the aggregates made by this process (case and passport counts, SKM answers), so caches
 * of computed figures know when to recompute. Bumped when the writing statement runs: a transaction that then
 * rolls back only costs one needless recomputation.
 */
let generation = 0;

export function aggregatesChanged(): void {
  generation++;
}

export function aggregatesGeneration(): number {
  return generation;
}
