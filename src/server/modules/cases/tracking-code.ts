import { checkCharacter, normalizeCrockford, randomCrockford } from '../../lib/crockford.js';

/**
 * Tracking codes look like `SBY-26-7K3Q9MX`: office code, two-digit year, six random Crockford characters and a
 * check character. Random, so nobody can walk through other people's cases; the access key is still required.
 */
const RANDOM_LENGTH = 6;
// The year accepts look-alike letters too (O for 0, I or L for 1); the office code is letters only.
const PATTERN = /^([A-Z]{2,5})-?([0-9OIL]{2})-?([0-9A-Z]{7})$/;

export function generateTrackingCode(officeCode: string, year: number): string {
  const yy = String(year % 100).padStart(2, '0');
  const random = randomCrockford(RANDOM_LENGTH);
  return `${officeCode}-${yy}-${random}${checkCharacter(yy + random)}`;
}

/** The canonical form of a typed-in tracking code, or null when it cannot be one (wrong shape or check). */
export function parseTrackingCode(input: string): string | null {
  if (input.length > 40) return null;
  const match = PATTERN.exec(input.trim().toUpperCase().replace(/\s+/g, ''));
  if (!match) return null;
  const [, office, typedYear, tail] = match as unknown as [string, string, string, string];
  const yy = normalizeCrockford(typedYear)!;
  const normalized = normalizeCrockford(tail);
  if (!normalized || normalized.length !== RANDOM_LENGTH + 1) return null;
  const random = normalized.slice(0, RANDOM_LENGTH);
  if (checkCharacter(yy + random) !== normalized.slice(RANDOM_LENGTH)) return null;
  return `${office}-${yy}-${normalized}`;
}
