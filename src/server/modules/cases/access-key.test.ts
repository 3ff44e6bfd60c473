import { describe, expect, it } from 'vitest';
import { CROCKFORD } from '../../lib/crockford.js';
import { accessKeyMatches, generateAccessKey, hashAccessKey } from './access-key.js';

const SECRET = 'a'.repeat(32);
const OTHER_SECRET = 'b'.repeat(32);
const KEY = '7K3Q-9MXA-B2CD-EFGH';

describe('generateAccessKey', () => {
  it('has the form XXXX-XXXX-XXXX-XXXX in Crockford base32', () => {
    for (let i = 0; i < 500; i++) {
      expect(generateAccessKey()).toMatch(/^[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){3}$/);
    }
  });

  it('carries at least 80 bits: 16 characters each drawn from all 32 symbols', () => {
    const keys = Array.from({ length: 2000 }, () => generateAccessKey().replace(/-/g, ''));
    for (const key of keys) expect(key).toHaveLength(16);
    expect(16 * Math.log2(CROCKFORD.length)).toBeGreaterThanOrEqual(80);
    // Every position uses the whole alphabet (a position stuck on fewer symbols would lose entropy).
    for (let position = 0; position < 16; position++) {
      expect(new Set(keys.map((key) => key[position])).size).toBe(32);
    }
    expect(new Set(keys).size).toBe(keys.length);
  });
});

describe('hashAccessKey', () => {
  it('is deterministic for one secret and yields a SHA-256 hex digest', () => {
    const hash = hashAccessKey(SECRET, KEY);
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
    expect(hashAccessKey(SECRET, KEY)).toBe(hash);
  });

  it('differs across secrets', () => {
    expect(hashAccessKey(SECRET, KEY)).not.toBe(hashAccessKey(OTHER_SECRET, KEY));
  });

  it('differs across keys, even one character apart', () => {
    expect(hashAccessKey(SECRET, KEY)).not.toBe(hashAccessKey(SECRET, '7K3Q-9MXA-B2CD-EFGJ'));
    const hashes = new Set(Array.from({ length: 200 }, () => hashAccessKey(SECRET, generateAccessKey())));
    expect(hashes.size).toBe(200);
  });

  it('does not store the key in the clear', () => {
    const hash = hashAccessKey(SECRET, KEY)!;
    expect(hash.toUpperCase()).not.toContain('7K3Q9MXA');
  });

  it('forgives lower case, missing hyphens, spaces and look-alikes', () => {
    const key = '0K1Q-9MXA-B2CD-EF1H';
    const hash = hashAccessKey(SECRET, key);
    expect(hash).not.toBeNull();
    expect(hashAccessKey(SECRET, key.toLowerCase())).toBe(hash);
    expect(hashAccessKey(SECRET, key.replace(/-/g, ''))).toBe(hash);
    expect(hashAccessKey(SECRET, ' 0k1q 9mxa b2cd ef1h ')).toBe(hash);
    expect(hashAccessKey(SECRET, 'OKIQ-9MXA-B2CD-EFLH')).toBe(hash);
  });

  it.each([
    ['empty', ''],
    ['15 characters', '7K3Q-9MXA-B2CD-EFG'],
    ['17 characters', '7K3Q-9MXA-B2CD-EFGHJ'],
    ['a U', '7K3Q-9MXA-B2CD-EFGU'],
    ['punctuation', '7K3Q.9MXA.B2CD.EFGH'],
    ['non-ASCII', '7K3Q-9MXA-B2CD-EFGÄ'],
    ['a tracking code', 'SBY-26-7K3Q9MX'],
  ])('returns null for a malformed key: %s', (_label, key) => {
    expect(hashAccessKey(SECRET, key)).toBeNull();
  });
});

describe('accessKeyMatches', () => {
  const stored = hashAccessKey(SECRET, KEY)!;

  it('is true for the right key, also when typed loosely', () => {
    expect(accessKeyMatches(SECRET, KEY, stored)).toBe(true);
    expect(accessKeyMatches(SECRET, '7k3q9mxab2cdefgh', stored)).toBe(true);
  });

  it('is false for another key', () => {
    expect(accessKeyMatches(SECRET, '7K3Q-9MXA-B2CD-EFGJ', stored)).toBe(false);
    expect(accessKeyMatches(SECRET, generateAccessKey(), stored)).toBe(false);
  });

  it('is false with the wrong secret', () => {
    expect(accessKeyMatches(OTHER_SECRET, KEY, stored)).toBe(false);
  });

  it('is false (and does not throw) for a malformed presented key', () => {
    expect(accessKeyMatches(SECRET, '', stored)).toBe(false);
    expect(accessKeyMatches(SECRET, 'nope', stored)).toBe(false);
  });

  it('is false (and does not throw) when the stored hash has a different length', () => {
    expect(() => accessKeyMatches(SECRET, KEY, stored.slice(0, 32))).not.toThrow();
    expect(accessKeyMatches(SECRET, KEY, stored.slice(0, 32))).toBe(false);
    expect(accessKeyMatches(SECRET, KEY, `${stored}00`)).toBe(false);
    expect(accessKeyMatches(SECRET, KEY, '')).toBe(false);
  });

  it('is false for a same-length hash that differs only in the last character', () => {
    const last = stored.at(-1) === '0' ? '1' : '0';
    expect(accessKeyMatches(SECRET, KEY, stored.slice(0, -1) + last)).toBe(false);
  });
});
