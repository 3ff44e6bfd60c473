/**
 * The shape of the knowledge base's seed content (demo office SBY). The content lives in this folder as typed data
 * and is loaded through the knowledge commands by the demo seed, so the seed exercises the real code path.
 *
 * Text conventions:
 * - `body` and FAQ `answer` are a safe Markdown subset: paragraphs, `##`/`###` headings, `-` and `1.` lists,
 *   `**bold**`, `[text](/relative/path)` or `[text](https://…)` links. No raw HTML.
 * - A fee is never written as a number: write `{{fee:CODE}}` with a code from `SEED_FEES`, so a fee changes in one
 *   place and an answer never quotes a fee outside its validity.
 * - Example contact data (phone, e-mail, address of the demo office) is marked as an example in the text.
 */

export type SeedLanguage = 'id' | 'en';

/** A category of articles, e.g. `paspor`, `pengaduan`. */
export interface SeedCategory {
  key: string;
  names: Record<SeedLanguage, string>;
  descriptions: Record<SeedLanguage, string>;
}

export interface ArticleText {
  /** URL slug, unique per language, lowercase ASCII words joined by `-`. */
  slug: string;
  title: string;
  /** One or two sentences that answer the main question directly; the assistant may quote it. */
  summary: string;
  body: string;
}

/** One article in both languages; `key` links the two translations and is what the evaluation set refers to. */
export interface SeedArticle {
  key: string;
  /** A `SeedCategory.key`. */
  category: string;
  tags: string[];
  /** Keys of related articles. */
  related: string[];
  translations: Record<SeedLanguage, ArticleText>;
}

export interface FaqText {
  /** Ways people ask it: formal, colloquial and short forms (at least three per language). */
  questions: string[];
  /** A short, complete answer (Markdown subset, `{{fee:CODE}}` placeholders allowed). */
  answer: string;
}

/** A question-and-answer entry the assistant can match directly. Keys are unique across articles and FAQ entries. */
export interface SeedFaq {
  key: string;
  category: string;
  /** The article that gives the full story, shown as the source next to the FAQ entry. */
  articleKey?: string;
  translations: Record<SeedLanguage, FaqText>;
}

/** One line of the effective-dated fee schedule (amounts in rupiah). */
export interface SeedFee {
  code: string;
  /** A service code of the demo office: `paspor`, `izin-tinggal`, `visa`, `layanan-umum`, `pengawasan`. */
  serviceCode: string;
  names: Record<SeedLanguage, string>;
  amount: number;
  legalBasis: string;
  /** ISO date `YYYY-MM-DD`, inclusive. */
  validFrom: string;
  /** ISO date, inclusive; null while in force. */
  validTo: string | null;
}

/** The 14 components of a service standard, UU 25/2009 Pasal 21, in the law's order. */
export const STANDARD_COMPONENTS = [
  'legal_basis', // 1 dasar hukum
  'requirements', // 2 persyaratan (service delivery)
  'procedure', // 3 sistem, mekanisme dan prosedur (service delivery)
  'completion_time', // 4 jangka waktu penyelesaian (service delivery)
  'fees', // 5 biaya/tarif (service delivery)
  'product', // 6 produk pelayanan (service delivery)
  'facilities', // 7 sarana, prasarana dan/atau fasilitas
  'staff_competence', // 8 kompetensi pelaksana
  'internal_supervision', // 9 pengawasan internal
  'complaint_handling', // 10 penanganan pengaduan, saran dan masukan (service delivery)
  'staff_count', // 11 jumlah pelaksana
  'service_guarantee', // 12 jaminan pelayanan
  'security_guarantee', // 13 jaminan keamanan dan keselamatan pelayanan
  'performance_evaluation', // 14 evaluasi kinerja pelaksana
] as const;
export type StandardComponent = (typeof STANDARD_COMPONENTS)[number];

/** Components PermenPANRB 15/2014 requires to be shown to the public (service delivery). */
export const PUBLIC_STANDARD_COMPONENTS: readonly StandardComponent[] = [
  'requirements',
  'procedure',
  'completion_time',
  'fees',
  'product',
  'complaint_handling',
];

/** A service standard of one service of the demo office. Component texts are Markdown subset. */
export interface SeedServiceStandard {
  serviceCode: string;
  legalBasis: string;
  /** ISO date the standard takes effect. */
  effectiveFrom: string;
  components: Record<StandardComponent, Record<SeedLanguage, string>>;
}

/** The office's maklumat pelayanan (service pledge). */
export interface SeedMaklumat {
  effectiveFrom: string;
  text: Record<SeedLanguage, string>;
}

/** A colloquial word or abbreviation and the standard word(s) it means, per language. */
export interface SeedSynonym {
  language: SeedLanguage;
  term: string;
  means: string;
}

/**
 * One labelled question for the assistant's evaluation. `expected` is the key of the article or FAQ entry that must
 * be the top source, or null when the assistant must decline (off-topic or outside the office's services).
 */
export interface EvaluationQuestion {
  question: string;
  lang: SeedLanguage;
  style: 'formal' | 'colloquial' | 'english' | 'off-topic';
  expected: string | null;
}
