/**
 * The IKM arithmetic of PermenPANRB 14/2017 (see ../shared/reference/regulations.md), pure and exact:
 *
 * - NRR per element = sum of its scores ÷ respondents;
 * - IKM = Σ (NRR × weight) × 25, with the weight a setting (default 1/9; the regulation's text rounds it to 0.111);
 * - IKM is rounded to 2 decimals (half up), then classified A–D;
 * - an element is classified the same way on its converted value NRR × 25 rounded to 2 decimals: that is exactly
 *   the regulation's unconverted bands (2.5996 × 25 = 64.99, 3.064 × 25 = 76.60, 3.0644 × 25 = 76.61, …) without
 *   the gaps between them.
 *
 * Everything is computed from integer sums with rational rounding, so 76.605 never becomes 76.60 by a float error.
 */

export const SKM_ELEMENTS = ['u1', 'u2', 'u3', 'u4', 'u5', 'u6', 'u7', 'u8', 'u9'] as const;
export type SkmElement = (typeof SKM_ELEMENTS)[number];
export type SkmAnswers = Record<SkmElement, number>;

export type IkmCategory = 'A' | 'B' | 'C' | 'D';
/** The regulation's performance labels (kinerja unit pelayanan), Indonesian as published. */
export const IKM_LABELS: Record<IkmCategory, string> = {
  A: 'Sangat Baik',
  B: 'Baik',
  C: 'Kurang Baik',
  D: 'Tidak Baik',
};

/** A weight as a fraction, so 1/9 stays exact. */
export interface Weight {
  numerator: number;
  denominator: number;
}

export const DEFAULT_WEIGHT: Weight = { numerator: 1, denominator: 9 };

/** Parses a weight setting: `1/9` or a decimal such as `0.111`. Undefined when it is not a weight in (0, 1]. */
export function parseWeight(text: string): Weight | undefined {
  const fraction = /^\s*(\d{1,6})\s*\/\s*(\d{1,6})\s*$/.exec(text);
  if (fraction) {
    const weight = { numerator: Number(fraction[1]), denominator: Number(fraction[2]) };
    return weight.numerator > 0 && weight.numerator <= weight.denominator ? weight : undefined;
  }
  const decimal = /^\s*(0|1)(?:\.(\d{1,6}))?\s*$/.exec(text);
  if (!decimal) return undefined;
  const digits = decimal[2] ?? '';
  const weight = { numerator: Number(`${decimal[1]}${digits}`), denominator: 10 ** digits.length };
  return weight.numerator > 0 && weight.numerator <= weight.denominator ? weight : undefined;
}

export function formatWeight(weight: Weight): string {
  return `${weight.numerator}/${weight.denominator}`;
}

/** Rounds numerator ÷ denominator (both non-negative integers) to a whole number, half up. */
function roundHalfUp(numerator: number, denominator: number): number {
  return Math.floor((2 * numerator + denominator) / (2 * denominator));
}

/** The category of a converted value (25–100) already rounded to 2 decimals. */
export function categoryOf(converted: number): IkmCategory {
  const hundredths = Math.round(converted * 100);
  if (hundredths >= 8831) return 'A';
  if (hundredths >= 7661) return 'B';
  if (hundredths >= 6500) return 'C';
  return 'D';
}

/** Sums of one group of responses: the IKM needs nothing else. */
export interface SkmSums {
  respondents: number;
  sums: SkmAnswers;
}

export const emptySums = (): SkmSums => ({
  respondents: 0,
  sums: { u1: 0, u2: 0, u3: 0, u4: 0, u5: 0, u6: 0, u7: 0, u8: 0, u9: 0 },
});

export function addSums(into: SkmSums, other: SkmSums): SkmSums {
  into.respondents += other.respondents;
  for (const element of SKM_ELEMENTS) into.sums[element] += other.sums[element];
  return into;
}

export function sumsOf(responses: readonly SkmAnswers[]): SkmSums {
  const result = emptySums();
  for (const answers of responses) addSums(result, { respondents: 1, sums: answers });
  return result;
}

export interface ElementResult {
  element: SkmElement;
  /** NRR, rounded to 2 decimals for display (e.g. 3.26). */
  nrr: number;
  /** NRR × 25, rounded to 2 decimals. */
  converted: number;
  category: IkmCategory;
}

export interface IkmResult {
  respondents: number;
  /** NRR per element to 2 decimals; null without respondents. */
  nrr: Record<SkmElement, number> | null;
  elements: ElementResult[];
  ikm: number | null;
  category: IkmCategory | null;
  label: string | null;
  weight: string;
}

/** The IKM of a group of responses. */
export function computeIkm(input: SkmSums, weight: Weight = DEFAULT_WEIGHT): IkmResult {
  const n = input.respondents;
  if (n === 0) {
    return {
      respondents: 0,
      nrr: null,
      elements: [],
      ikm: null,
      category: null,
      label: null,
      weight: formatWeight(weight),
    };
  }
  const elements = SKM_ELEMENTS.map((element): ElementResult => {
    const sum = input.sums[element];
    const converted = roundHalfUp(2500 * sum, n) / 100;
    return { element, nrr: roundHalfUp(100 * sum, n) / 100, converted, category: categoryOf(converted) };
  });
  const total = SKM_ELEMENTS.reduce((acc, element) => acc + input.sums[element], 0);
  // IKM × 100 = 2500 × weight × Σ sums ÷ n, rounded once.
  const ikm = roundHalfUp(2500 * weight.numerator * total, weight.denominator * n) / 100;
  const category = categoryOf(ikm);
  return {
    respondents: n,
    nrr: Object.fromEntries(elements.map((e) => [e.element, e.nrr])) as Record<SkmElement, number>,
    elements,
    ikm,
    category,
    label: IKM_LABELS[category],
    weight: formatWeight(weight),
  };
}

/** The elements that scored lowest (by NRR), the ones a follow-up plan should start with. */
export function lowestElements(result: IkmResult, count = 3): ElementResult[] {
  return [...result.elements]
    .sort((a, b) => a.nrr - b.nrr || a.element.localeCompare(b.element))
    .slice(0, count);
}

export function isValidAnswers(value: unknown): value is SkmAnswers {
  if (!value || typeof value !== 'object') return false;
  const record = value as Record<string, unknown>;
  return SKM_ELEMENTS.every(
    (e) => Number.isInteger(record[e]) && (record[e] as number) >= 1 && (record[e] as number) <= 4,
  );
}
