import { describe, expect, it } from 'vitest';
import { checkCharacter } from '../../lib/crockford.js';
import { generateTrackingCode, parseTrackingCode } from './tracking-code.js';

const FORMAT = /^[A-Z]{2,5}-\d{2}-[0-9A-HJKMNP-TV-Z]{7}$/;

/** A valid code with a chosen random part, so tests can control which characters appear in it. */
function codeWith(office: string, yy: string, random: string): string {
  return `${office}-${yy}-${random}${checkCharacter(yy + random)}`;
}

describe('generateTrackingCode', () => {
  it('produces OFFICE-YY-RRRRRRC in Crockford base32', () => {
    for (const office of ['SB', 'SBY', 'JKTPU']) {
      for (let i = 0; i < 200; i++) {
        const code = generateTrackingCode(office, 2026);
        expect(code).toMatch(FORMAT);
        expect(code.startsWith(`${office}-26-`)).toBe(true);
      }
    }
  });

  it.each([
    [2026, '26'],
    [2105, '05'],
    [2000, '00'],
    [2099, '99'],
    [2110, '10'],
  ])('writes the year %i as %s', (year, yy) => {
    expect(generateTrackingCode('SBY', year).split('-')[1]).toBe(yy);
  });

  it('ends in the check character of year + random part', () => {
    for (let i = 0; i < 200; i++) {
      const code = generateTrackingCode('SBY', 2026);
      const tail = code.slice('SBY-26-'.length);
      expect(tail.slice(6)).toBe(checkCharacter(`26${tail.slice(0, 6)}`));
    }
  });

  it('generates 10,000 codes that are distinct up to rare birthday collisions (≤ 3 repeats)', () => {
    // The random part has 6 × 5 = 30 bits. Among 10,000 codes the chance of at least one repeat is
    // 10,000² / 2³¹ ≈ 4.6 %, so demanding "all distinct" would make this test flaky; create-case retries on a
    // collision. Four or more repeats (p ≈ 2e-7 for a uniform generator) would mean a broken random source.
    const codes = new Set<string>();
    for (let i = 0; i < 10_000; i++) codes.add(generateTrackingCode('SBY', 2026));
    expect(10_000 - codes.size).toBeLessThanOrEqual(3);
  });
});

describe('parseTrackingCode', () => {
  it('round-trips generated codes unchanged', () => {
    for (let i = 0; i < 1000; i++) {
      const code = generateTrackingCode(i % 2 ? 'SBY' : 'JKTPU', 2026 + (i % 100));
      expect(parseTrackingCode(code)).toBe(code);
    }
  });

  it('forgives lower case', () => {
    const code = codeWith('SBY', '26', '7K3Q9M');
    expect(parseTrackingCode(code.toLowerCase())).toBe(code);
  });

  it('forgives surrounding and inner spaces', () => {
    const code = codeWith('SBY', '26', '7K3Q9M');
    const tail = code.slice(7);
    expect(parseTrackingCode(`  ${code}\n`)).toBe(code);
    expect(parseTrackingCode(`SBY - 26 - ${tail.slice(0, 3)} ${tail.slice(3)}`)).toBe(code);
  });

  it('forgives missing hyphens', () => {
    const code = codeWith('SBY', '26', '7K3Q9M');
    const tail = code.slice(7);
    expect(parseTrackingCode(`SBY26${tail}`)).toBe(code);
    expect(parseTrackingCode(`SBY-26${tail}`)).toBe(code);
    expect(parseTrackingCode(`SBY26-${tail}`)).toBe(code);
    expect(parseTrackingCode(`sby 26 ${tail.toLowerCase()}`)).toBe(code);
  });

  it('reads O as 0 and I or L as 1 in the random part', () => {
    const code = codeWith('SBY', '26', '01A01B');
    expect(parseTrackingCode(`SBY-26-OIAOLB${code.slice(-1)}`)).toBe(code);
    expect(parseTrackingCode(`sby-26-oiaolb${code.slice(-1).toLowerCase()}`)).toBe(code);
  });

  it('reads O as 0 and I or L as 1 in the year too (2030 is typed 3O)', () => {
    const code = generateTrackingCode('SBY', 2030);
    expect(parseTrackingCode(code.replace('-30-', '-3O-'))).toBe(code);
    const code2011 = generateTrackingCode('SBY', 2011);
    expect(parseTrackingCode(code2011.replace('-11-', '-lI-'))).toBe(code2011);
  });

  it('reads look-alikes in the check character position as well', () => {
    // Find a random part whose check character is 0 or 1, then type it as O or L.
    for (let n = 0; ; n++) {
      const random = n
        .toString(32)
        .toUpperCase()
        .padStart(6, '2')
        .replace(/[ILOU]/g, '2');
      const check = checkCharacter(`26${random}`);
      if (check !== '0' && check !== '1') continue;
      const typed = `SBY-26-${random}${check === '0' ? 'o' : 'l'}`;
      expect(parseTrackingCode(typed)).toBe(`SBY-26-${random}${check}`);
      break;
    }
  });

  it('rejects a wrong check character (every other character tried)', () => {
    const code = codeWith('SBY', '26', '7K3Q9M');
    const check = code.slice(-1);
    for (const other of '0123456789ABCDEFGHJKMNPQRSTVWXYZ') {
      if (other === check) continue;
      expect(parseTrackingCode(code.slice(0, -1) + other)).toBeNull();
    }
  });

  it('rejects a single mistyped character in the random part or year', () => {
    const code = codeWith('SBY', '26', '7K3Q9M');
    expect(parseTrackingCode(code.replace('7K3Q', '7K3R'))).toBeNull();
    expect(parseTrackingCode(code.replace('-26-', '-27-'))).toBeNull();
  });

  it('rejects a swap of neighbouring characters', () => {
    const code = codeWith('SBY', '26', '7K3Q9M');
    expect(parseTrackingCode(code.replace('7K3Q', 'K73Q'))).toBeNull();
  });

  it.each([
    ['office code too short', 'S-26-'],
    ['office code too long', 'SBYKOT-26-'],
    ['one-digit year', 'SBY-6-'],
    ['three-digit year', 'SBY-026-'],
  ])('rejects a wrong length: %s', (_label, prefix) => {
    const code = codeWith('SBY', '26', '7K3Q9M');
    expect(parseTrackingCode(prefix + code.slice(7))).toBeNull();
  });

  it('rejects a random part that is too short or too long', () => {
    const code = codeWith('SBY', '26', '7K3Q9M');
    expect(parseTrackingCode(code.slice(0, -1))).toBeNull();
    expect(parseTrackingCode(`${code}0`)).toBeNull();
    // Even when the extra character keeps the Luhn sum valid.
    const longer = codeWith('SBY', '26', '7K3Q9MX');
    expect(parseTrackingCode(longer)).toBeNull();
    const shorter = codeWith('SBY', '26', '7K3Q9');
    expect(parseTrackingCode(shorter)).toBeNull();
  });

  it('rejects input longer than 40 characters, even if it is a valid code padded with spaces', () => {
    const code = codeWith('SBY', '26', '7K3Q9M');
    const padded40 = code.padEnd(40, ' ');
    expect(padded40).toHaveLength(40);
    expect(parseTrackingCode(padded40)).toBe(code);
    expect(parseTrackingCode(code.padEnd(41, ' '))).toBeNull();
    expect(parseTrackingCode('A'.repeat(10_000))).toBeNull();
  });

  it.each([
    '',
    '   ',
    'SBY',
    'SBY-26',
    'SBY-26-',
    'hello world',
    '12-26-7K3Q9MX',
    'SBY-XX-7K3Q9MX',
    'SBY_26_7K3Q9MX',
    'SBY-26-7K3Q9M!',
    'SBY-26-7K3U9MX',
    'SBY/26/7K3Q9MX',
    '<script>',
  ])('rejects garbage: %j', (input) => {
    expect(parseTrackingCode(input)).toBeNull();
  });
});
