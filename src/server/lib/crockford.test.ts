import { describe, expect, it } from 'vitest';
import { CROCKFORD, checkCharacter, normalizeCrockford, randomCrockford } from './crockford.js';

/** Payloads of the lengths the app checks (year + random part = 8) plus a few others. */
function samplePayloads(): string[] {
  const payloads: string[] = [];
  for (let i = 0; i < 40; i++) payloads.push(randomCrockford(8));
  for (const length of [1, 2, 5, 13]) payloads.push(randomCrockford(length));
  // Fixed payloads full of the extreme values 0 and Z, so the sample does not depend on luck alone.
  payloads.push('00000000', 'ZZZZZZZZ', '0Z0Z0Z0Z', '26000000');
  return payloads;
}

describe('CROCKFORD alphabet', () => {
  it('has 32 distinct upper-case characters without the look-alikes I, L, O and U', () => {
    expect(CROCKFORD).toHaveLength(32);
    expect(new Set(CROCKFORD).size).toBe(32);
    for (const excluded of ['I', 'L', 'O', 'U']) expect(CROCKFORD).not.toContain(excluded);
    expect(CROCKFORD).toMatch(/^[0-9A-Z]+$/);
  });
});

describe('randomCrockford', () => {
  it('returns the requested length using only alphabet characters, covering the whole alphabet', () => {
    const sample = randomCrockford(4000);
    expect(sample).toHaveLength(4000);
    for (const char of sample) expect(CROCKFORD).toContain(char);
    // 4000 draws from 32 characters: every character shows up (missing one has probability ~1e-53).
    expect(new Set(sample).size).toBe(32);
  });
});

describe('normalizeCrockford', () => {
  it('upper-cases input', () => {
    expect(normalizeCrockford('7k3q9mx')).toBe('7K3Q9MX');
  });

  it('maps I and L (either case) to 1 and O (either case) to 0', () => {
    expect(normalizeCrockford('IiLl')).toBe('1111');
    expect(normalizeCrockford('Oo')).toBe('00');
    expect(normalizeCrockford('AbOiLz')).toBe('AB011Z');
  });

  it('strips spaces, tabs and hyphens', () => {
    expect(normalizeCrockford(' 7K3Q-9MXA - B2CD\tEFGH ')).toBe('7K3Q9MXAB2CDEFGH');
    expect(normalizeCrockford('--')).toBe('');
  });

  it('rejects U, which is not part of the alphabet', () => {
    expect(normalizeCrockford('ABCU')).toBeNull();
    expect(normalizeCrockford('u')).toBeNull();
  });

  it.each(['AB.CD', 'AB_CD', 'AB/CD', 'AB+CD', 'ÄBC', 'AB,CD', 'AB*', '!'])(
    'rejects punctuation and other symbols: %s',
    (input) => {
      expect(normalizeCrockford(input)).toBeNull();
    },
  );

  it('keeps every alphabet character unchanged', () => {
    expect(normalizeCrockford(CROCKFORD)).toBe(CROCKFORD);
    expect(normalizeCrockford(CROCKFORD.toLowerCase())).toBe(CROCKFORD);
  });
});

describe('checkCharacter', () => {
  it('returns a single alphabet character and is deterministic', () => {
    for (const payload of samplePayloads()) {
      const check = checkCharacter(payload);
      expect(check).toHaveLength(1);
      expect(CROCKFORD).toContain(check);
      expect(checkCharacter(payload)).toBe(check);
    }
  });

  it('matches hand-computed Luhn mod 32 values', () => {
    // '1': 1 × 2 = 2 → (32 - 2) % 32 = 30 → 'Y'.
    expect(checkCharacter('1')).toBe('Y');
    // '0': sum 0 → check value 0 → '0'.
    expect(checkCharacter('0')).toBe('0');
    // 'Z' = 31: 31 × 2 = 62 → 1 + 30 = 31 → check value 1 → '1'.
    expect(checkCharacter('Z')).toBe('1');
    // '11': 1 × 2 + 1 × 1 = 3 → 29 → 'X'.
    expect(checkCharacter('11')).toBe('X');
  });

  it('detects every single-character substitution (all positions × all 31 other characters)', () => {
    let tried = 0;
    for (const payload of samplePayloads()) {
      const check = checkCharacter(payload);
      for (let position = 0; position < payload.length; position++) {
        for (const replacement of CROCKFORD) {
          if (replacement === payload[position]) continue;
          const mistyped = payload.slice(0, position) + replacement + payload.slice(position + 1);
          tried++;
          if (checkCharacter(mistyped) === check) {
            expect.fail(`substitution not detected: ${payload} → ${mistyped}`);
          }
        }
      }
    }
    expect(tried).toBeGreaterThan(10_000);
  });

  it('detects adjacent transpositions of distinct characters at a rate of ≥ 99.7 %; only the pair 0↔Z is missed', () => {
    // Luhn mod N cannot see a swap of the values 0 and N - 1 (here '0' and 'Z'): both contribute the same sum in
    // either position. Every other swap of two different neighbours is caught. For uniformly random neighbours
    // the miss rate is 2 / (32 × 31) ≈ 0.2 %.
    let total = 0;
    let missed = 0;
    const missedPairs = new Set<string>();
    for (const payload of samplePayloads()) {
      const check = checkCharacter(payload);
      for (let position = 0; position + 1 < payload.length; position++) {
        const a = payload[position]!;
        const b = payload[position + 1]!;
        if (a === b) continue;
        const swapped = payload.slice(0, position) + b + a + payload.slice(position + 2);
        total++;
        if (checkCharacter(swapped) === check) {
          missed++;
          missedPairs.add([a, b].sort().join(''));
        }
      }
    }
    expect(total).toBeGreaterThan(200);
    expect((total - missed) / total).toBeGreaterThanOrEqual(0.95);
    for (const pair of missedPairs) expect(pair).toBe('0Z');
  });

  it('exhaustively: of all 992 ordered pairs of distinct neighbours, exactly 0Z and Z0 go unnoticed (99.8 % caught)', () => {
    const missed = new Set<string>();
    let pairs = 0;
    for (const a of CROCKFORD) {
      for (const b of CROCKFORD) {
        if (a === b) continue;
        pairs++;
        // Both parities of position (factors 2·1 and 1·2), with and without neighbours around the pair.
        for (const [prefix, suffix] of [
          ['', ''],
          ['', '7'],
          ['4K', ''],
          ['4K', '7'],
        ] as const) {
          if (checkCharacter(`${prefix}${a}${b}${suffix}`) === checkCharacter(`${prefix}${b}${a}${suffix}`)) {
            missed.add(`${a}${b}`);
          }
        }
      }
    }
    expect(pairs).toBe(992);
    expect([...missed].sort()).toEqual(['0Z', 'Z0']);
    expect((pairs - missed.size) / pairs).toBeGreaterThan(0.997);
  });
});
