import { randomInt } from 'node:crypto';

/**
 * Crockford base32: digits and letters without I, L, O and U, so a code read over the phone cannot be
 * mistaken for another. Input is forgiving: lower case, I/L for 1 and O for 0 are accepted.
 */
export const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

export function randomCrockford(length: number): string {
  let out = '';
  for (let i = 0; i < length; i++) out += CROCKFORD[randomInt(32)];
  return out;
}

/** Upper-cases, maps look-alikes (I, L → 1; O → 0) and drops spaces and hyphens; null if a character is invalid. */
export function normalizeCrockford(input: string): string | null {
  const cleaned = input.toUpperCase().replace(/[\s-]/g, '').replace(/[IL]/g, '1').replace(/O/g, '0');
  for (const char of cleaned) if (!CROCKFORD.includes(char)) return null;
  return cleaned;
}

/**
 * Luhn mod 32 check character: catches every single-character error and most swaps of neighbours, the two
 * mistakes people make when copying or dictating a code.
 */
export function checkCharacter(payload: string): string {
  let factor = 2;
  let sum = 0;
  for (let i = payload.length - 1; i >= 0; i--) {
    let addend = factor * CROCKFORD.indexOf(payload[i]!);
    factor = factor === 2 ? 1 : 2;
    addend = Math.floor(addend / 32) + (addend % 32);
    sum += addend;
  }
  return CROCKFORD[(32 - (sum % 32)) % 32]!;
}
