import { describe, expect, it } from 'vitest';
import {
  categoryOf,
  computeIkm,
  lowestElements,
  parseWeight,
  SKM_ELEMENTS,
  type SkmAnswers,
  type SkmSums,
  sumsOf,
} from './ikm.js';

const answers = (...scores: number[]): SkmAnswers =>
  Object.fromEntries(SKM_ELEMENTS.map((e, i) => [e, scores[i]])) as SkmAnswers;

/** n respondents whose 9n scores add up to `total`, spread as evenly as 1–4 allows. */
function groupWithTotal(n: number, total: number): SkmSums {
  const cells = 9 * n;
  const base = Math.floor(total / cells);
  let extra = total - base * cells;
  const responses: SkmAnswers[] = [];
  for (let r = 0; r < n; r++) {
    const scores = SKM_ELEMENTS.map(() => {
      const score = base + (extra > 0 ? 1 : 0);
      if (extra > 0) extra--;
      return score;
    });
    responses.push(answers(...scores));
  }
  const sums = sumsOf(responses);
  expect(Object.values(sums.sums).reduce((a, b) => a + b, 0)).toBe(total);
  return sums;
}

describe('IKM (PermenPANRB 14/2017)', () => {
  it('reproduces a worked example by hand: five respondents', () => {
    // Respondent × element scores:
    //        u1 u2 u3 u4 u5 u6 u7 u8 u9
    //   r1    3  3  2  4  3  3  4  3  2
    //   r2    4  3  3  4  3  4  4  3  3
    //   r3    3  2  2  4  3  3  3  3  2
    //   r4    3  3  3  4  4  3  4  4  3
    //   r5    4  3  2  4  3  4  4  3  3
    // Sums: u1 17 · u2 14 · u3 12 · u4 20 · u5 16 · u6 17 · u7 19 · u8 16 · u9 13  (Σ 144)
    // NRR = sum ÷ 5: 3.40 2.80 2.40 4.00 3.20 3.40 3.80 3.20 2.60
    // IKM = Σ NRR × 1/9 × 25 = 28.8 / 9 × 25 = 80.00 → B (Baik)
    const result = computeIkm(
      sumsOf([
        answers(3, 3, 2, 4, 3, 3, 4, 3, 2),
        answers(4, 3, 3, 4, 3, 4, 4, 3, 3),
        answers(3, 2, 2, 4, 3, 3, 3, 3, 2),
        answers(3, 3, 3, 4, 4, 3, 4, 4, 3),
        answers(4, 3, 2, 4, 3, 4, 4, 3, 3),
      ]),
    );
    expect(result.respondents).toBe(5);
    expect(result.nrr).toEqual({
      u1: 3.4,
      u2: 2.8,
      u3: 2.4,
      u4: 4,
      u5: 3.2,
      u6: 3.4,
      u7: 3.8,
      u8: 3.2,
      u9: 2.6,
    });
    expect(result.ikm).toBe(80);
    expect(result.category).toBe('B');
    expect(result.label).toBe('Baik');
    // Elements on their own converted scale: u3 2.40 × 25 = 60.00 (D); u9 2.60 × 25 = 65.00 (C, on the boundary);
    // u1 3.40 → 85.00 (B); u4 4.00 → 100.00 (A).
    const byElement = Object.fromEntries(result.elements.map((e) => [e.element, e]));
    expect(byElement.u3).toMatchObject({ converted: 60, category: 'D' });
    expect(byElement.u9).toMatchObject({ converted: 65, category: 'C' });
    expect(byElement.u1).toMatchObject({ converted: 85, category: 'B' });
    expect(byElement.u4).toMatchObject({ converted: 100, category: 'A' });
    expect(lowestElements(result).map((e) => e.element)).toEqual(['u3', 'u9', 'u2']);
  });

  it('puts every band boundary on the right side, after rounding to two decimals', () => {
    // IKM = 2500 × Σ ÷ (9 n) / 100, worked out by hand:
    const cases: [n: number, total: number, ikm: number, category: string][] = [
      [38, 889, 64.99, 'D'], // 2500·889/342 = 6498.54 → 64.99
      [5, 117, 65.0, 'C'], // 117/45 = 2.6 exactly → 65.00
      [26, 717, 76.6, 'C'], // 2500·717/234 = 7660.26 → 76.60
      [19, 524, 76.61, 'B'], // 2500·524/171 = 7660.82 → 76.61
      [19, 604, 88.3, 'B'], // 2500·604/171 = 8830.41 → 88.30
      [24, 763, 88.31, 'A'], // 2500·763/216 = 8831.02 → 88.31
      [5, 45, 25.0, 'D'], // all answers 1
      [5, 180, 100.0, 'A'], // all answers 4
    ];
    for (const [n, total, ikm, category] of cases) {
      const result = computeIkm(groupWithTotal(n, total));
      expect(result.ikm, `${n}/${total}`).toBe(ikm);
      expect(result.category, `${n}/${total}`).toBe(category);
    }
  });

  it('classifies the converted bands and the unconverted element bands alike', () => {
    expect([64.99, 65, 76.6, 76.61, 88.3, 88.31, 100].map(categoryOf)).toEqual([
      'D',
      'C',
      'C',
      'B',
      'B',
      'A',
      'A',
    ]);
    // The regulation's unconverted element bands: 2.5996 / 2.60 / 3.064 / 3.0644 / 3.532 / 3.5324.
    expect(
      [2.5996, 2.6, 3.064, 3.0644, 3.532, 3.5324].map((nrr) => categoryOf(Math.round(nrr * 2500) / 100)),
    ).toEqual(['D', 'C', 'C', 'B', 'B', 'A']);
  });

  it('rounds half up exactly, without float error', () => {
    // u1 sum 25 over 8 respondents: NRR 3.125 → converted 78.125 → 78.13; NRR shown as 3.13.
    const sums: SkmSums = {
      respondents: 8,
      sums: { u1: 25, u2: 24, u3: 24, u4: 24, u5: 24, u6: 24, u7: 24, u8: 24, u9: 24 },
    };
    const u1 = computeIkm(sums).elements[0]!;
    expect(u1.converted).toBe(78.13);
    expect(u1.nrr).toBe(3.13);
  });

  it('uses the weight setting: 0.111 as the regulation’s text rounds it', () => {
    const weight = parseWeight('0.111')!;
    expect(weight).toEqual({ numerator: 111, denominator: 1000 });
    // Σ NRR = 28.8 (the five-respondent example): 28.8 × 0.111 × 25 = 79.92 → B.
    const result = computeIkm(groupWithTotal(5, 144), weight);
    expect(result.ikm).toBe(79.92);
    expect(result.weight).toBe('111/1000');
    expect(parseWeight('1/9')).toEqual({ numerator: 1, denominator: 9 });
    expect(parseWeight('2')).toBeUndefined();
    expect(parseWeight('abc')).toBeUndefined();
  });

  it('has no IKM without respondents', () => {
    expect(computeIkm({ respondents: 0, sums: groupWithTotal(1, 9).sums })).toMatchObject({
      ikm: null,
      category: null,
    });
  });
});
