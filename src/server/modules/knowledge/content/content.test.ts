import { describe, expect, it } from 'vitest';
import { EVALUATION_QUESTIONS } from '../evaluation/questions.js';
import {
  SEED_ARTICLES,
  SEED_CATEGORIES,
  SEED_FAQS,
  SEED_FEES,
  SEED_MAKLUMAT,
  SEED_SERVICE_STANDARDS,
  SEED_SYNONYMS,
} from './index.js';
import { type SeedLanguage, STANDARD_COMPONENTS } from './types.js';

const LANGUAGES: SeedLanguage[] = ['id', 'en'];
const SERVICE_CODES = new Set(['paspor', 'izin-tinggal', 'visa', 'layanan-umum', 'pengawasan']);
const PORTAL_PATHS = /^\/(submit\/(complaint|request|opinion|compliment)|integrity|status)(\?.*)?$/;

/** Every Markdown text of the seed content, with where it comes from. */
function allTexts(): { where: string; text: string }[] {
  const texts: { where: string; text: string }[] = [];
  for (const article of SEED_ARTICLES) {
    for (const lang of LANGUAGES) {
      const t = article.translations[lang];
      texts.push({ where: `${article.key}/${lang}`, text: `${t.title}\n${t.summary}\n${t.body}` });
    }
  }
  for (const faq of SEED_FAQS) {
    for (const lang of LANGUAGES) {
      const t = faq.translations[lang];
      texts.push({ where: `${faq.key}/${lang}`, text: `${t.questions.join('\n')}\n${t.answer}` });
    }
  }
  for (const standard of SEED_SERVICE_STANDARDS) {
    for (const component of STANDARD_COMPONENTS) {
      for (const lang of LANGUAGES) {
        texts.push({
          where: `${standard.serviceCode}/${component}/${lang}`,
          text: standard.components[component][lang],
        });
      }
    }
  }
  for (const lang of LANGUAGES) texts.push({ where: `maklumat/${lang}`, text: SEED_MAKLUMAT.text[lang] });
  return texts;
}

describe('seed content', () => {
  const articleKeys = new Set(SEED_ARTICLES.map((a) => a.key));
  const categoryKeys = new Set(SEED_CATEGORIES.map((c) => c.key));

  it('has at least 40 articles and FAQ entries per language, with unique keys', () => {
    const keys = [...SEED_ARTICLES.map((a) => a.key), ...SEED_FAQS.map((f) => f.key)];
    expect(new Set(keys).size).toBe(keys.length);
    expect(keys.length).toBeGreaterThanOrEqual(40);
  });

  it('gives every article a unique lowercase slug per language and known category and related keys', () => {
    for (const lang of LANGUAGES) {
      const slugs = SEED_ARTICLES.map((a) => a.translations[lang].slug);
      expect(new Set(slugs).size).toBe(slugs.length);
      for (const slug of slugs) expect(slug).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
    }
    for (const article of SEED_ARTICLES) {
      expect(categoryKeys.has(article.category), article.key).toBe(true);
      for (const related of article.related) {
        expect(articleKeys.has(related), `${article.key} → ${related}`).toBe(true);
        expect(related).not.toBe(article.key);
      }
    }
  });

  it('gives every FAQ entry at least three question variants per language and a known article', () => {
    for (const faq of SEED_FAQS) {
      expect(categoryKeys.has(faq.category), faq.key).toBe(true);
      if (faq.articleKey) expect(articleKeys.has(faq.articleKey), faq.key).toBe(true);
      for (const lang of LANGUAGES) expect(faq.translations[lang].questions.length).toBeGreaterThanOrEqual(3);
    }
  });

  it('writes fees only as placeholders of known, valid fee codes', () => {
    const codes = new Set(SEED_FEES.map((f) => f.code));
    for (const { where, text } of allTexts()) {
      for (const [, code = ''] of text.matchAll(/\{\{fee:([A-Z0-9_]+)\}\}/g))
        expect(codes.has(code), where).toBe(true);
      expect(text, where).not.toMatch(/Rp\s?\d/);
      expect(text, where).not.toMatch(/\{\{(?!fee:)/);
    }
  });

  it('uses the same placeholders, links and numbers in both languages of every text', () => {
    const pairs = [
      ...SEED_ARTICLES.map(
        (a) =>
          [
            a.key,
            `${a.translations.id.summary}\n${a.translations.id.body}`,
            `${a.translations.en.summary}\n${a.translations.en.body}`,
          ] as const,
      ),
      ...SEED_SERVICE_STANDARDS.flatMap((st) =>
        STANDARD_COMPONENTS.map(
          (c) => [`${st.serviceCode}/${c}`, st.components[c].id, st.components[c].en] as const,
        ),
      ),
      ['maklumat', SEED_MAKLUMAT.text.id, SEED_MAKLUMAT.text.en] as const,
      ...SEED_FAQS.map((f) => [f.key, f.translations.id.answer, f.translations.en.answer] as const),
    ];
    const fees = (text: string) => [...text.matchAll(/\{\{fee:[A-Z0-9_]+\}\}/g)].map((m) => m[0]).sort();
    const links = (text: string) => [...text.matchAll(/\]\(([^)]+)\)/g)].map((m) => m[1]).sort();
    const numbers = (text: string) => [...text.matchAll(/\d+/g)].map((m) => m[0]).sort();
    for (const [key, id, en] of pairs) {
      expect(fees(en), key).toEqual(fees(id));
      expect(links(en), key).toEqual(links(id));
      expect(numbers(en), key).toEqual(numbers(id));
    }
  });

  it('links only to portal pages that exist or to https addresses, and uses no raw HTML', () => {
    for (const { where, text } of allTexts()) {
      expect(text, where).not.toMatch(/<[a-z/]/i);
      for (const [, target = ''] of text.matchAll(/\]\(([^)]+)\)/g)) {
        expect(target.startsWith('https://') || PORTAL_PATHS.test(target), `${where}: ${target}`).toBe(true);
      }
    }
  });

  it('marks the demo contact data as an example wherever it appears', () => {
    for (const { where, text } of allTexts()) {
      for (const line of text.split('\n')) {
        if (/0000|example\.go\.id|Jl\. Contoh/.test(line)) expect(line, where).toMatch(/contoh|example/i);
      }
    }
  });

  it('has effective-dated PP 45/2024 fees for the demo services, with to-be-confirmed items marked', () => {
    const codes = SEED_FEES.map((f) => f.code);
    expect(new Set(codes).size).toBe(codes.length);
    for (const fee of SEED_FEES) {
      expect(SERVICE_CODES.has(fee.serviceCode)).toBe(true);
      expect(fee.amount).toBeGreaterThan(0);
      expect(fee.validFrom).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      if (fee.validTo !== null) expect(fee.validTo >= fee.validFrom).toBe(true);
    }
    const amount = (code: string) => SEED_FEES.find((f) => f.code === code && f.validTo === null)?.amount;
    expect(amount('PASPOR_BIASA_5TH')).toBe(350_000);
    expect(amount('PASPOR_BIASA_10TH')).toBe(650_000);
    expect(amount('EPASPOR_5TH')).toBe(650_000);
    expect(amount('EPASPOR_10TH')).toBe(950_000);
    expect(amount('PERCEPATAN')).toBe(1_000_000);
    for (const code of ['GANTI_HILANG', 'GANTI_RUSAK']) {
      expect(SEED_FEES.find((f) => f.code === code)?.legalBasis).toContain('to be confirmed');
    }
  });

  it('fills all 14 components in both languages for the passport and complaint-handling standards', () => {
    expect(SEED_SERVICE_STANDARDS.map((s) => s.serviceCode)).toEqual(
      expect.arrayContaining(['paspor', 'layanan-umum']),
    );
    for (const standard of SEED_SERVICE_STANDARDS) {
      expect(SERVICE_CODES.has(standard.serviceCode)).toBe(true);
      expect(Object.keys(standard.components).sort()).toEqual([...STANDARD_COMPONENTS].sort());
      for (const component of STANDARD_COMPONENTS) {
        for (const lang of LANGUAGES) expect(standard.components[component][lang].trim()).not.toBe('');
      }
    }
  });

  it('has a colloquial dictionary of single lowercase terms without duplicates', () => {
    const id = SEED_SYNONYMS.filter((s) => s.language === 'id');
    const en = SEED_SYNONYMS.filter((s) => s.language === 'en');
    expect(id.length).toBeGreaterThanOrEqual(60);
    expect(en.length).toBeGreaterThanOrEqual(15);
    const keys = SEED_SYNONYMS.map((s) => `${s.language}:${s.term}`);
    expect(new Set(keys).size).toBe(keys.length);
    for (const synonym of SEED_SYNONYMS) {
      expect(synonym.term).toMatch(/^[a-z0-9-]+$/);
      expect(synonym.means.trim()).not.toBe('');
    }
  });
});

describe('evaluation questions', () => {
  const keys = new Set([...SEED_ARTICLES.map((a) => a.key), ...SEED_FAQS.map((f) => f.key)]);
  const count = (style: string) => EVALUATION_QUESTIONS.filter((q) => q.style === style).length;

  it('has at least 150 questions across formal, colloquial, English and off-topic styles', () => {
    expect(EVALUATION_QUESTIONS.length).toBeGreaterThanOrEqual(150);
    expect(count('formal')).toBeGreaterThanOrEqual(50);
    expect(count('colloquial')).toBeGreaterThanOrEqual(40);
    expect(count('english')).toBeGreaterThanOrEqual(30);
    expect(count('off-topic')).toBeGreaterThanOrEqual(25);
  });

  it('labels answerable questions with existing keys and off-topic ones with null, without duplicates', () => {
    const questions = EVALUATION_QUESTIONS.map((q) => q.question.toLowerCase());
    expect(new Set(questions).size).toBe(questions.length);
    for (const q of EVALUATION_QUESTIONS) {
      if (q.style === 'off-topic') expect(q.expected, q.question).toBeNull();
      else expect(q.expected !== null && keys.has(q.expected), `${q.question} → ${q.expected}`).toBe(true);
      expect(q.lang).toBe(q.style === 'english' ? 'en' : q.style === 'off-topic' ? q.lang : 'id');
    }
  });

  it('does not copy an FAQ question variant word for word', () => {
    const variants = new Set(
      SEED_FAQS.flatMap((f) => [...f.translations.id.questions, ...f.translations.en.questions]).map((v) =>
        v.toLowerCase(),
      ),
    );
    for (const q of EVALUATION_QUESTIONS)
      expect(variants.has(q.question.toLowerCase()), q.question).toBe(false);
  });
});
