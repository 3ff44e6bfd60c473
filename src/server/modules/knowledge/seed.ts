import type { Db } from '../../db/connection.js';
import { AppError } from '../../errors.js';
import type { Actor } from '../../events/catalogue.js';
import { referenceData } from '../offices/reference-data.js';
import { createArticle, transitionArticle } from './article-commands.js';
import type {
  SeedArticle,
  SeedCategory,
  SeedFaq,
  SeedFee,
  SeedLanguage,
  SeedMaklumat,
  SeedServiceStandard,
  SeedSynonym,
} from './content/types.js';
import { createFaq, transitionFaq } from './faq-commands.js';
import {
  saveCategory,
  saveFee,
  saveMaklumat,
  saveServiceStandard,
  saveSynonym,
} from './reference-commands.js';

export interface KnowledgeSeed {
  categories: readonly SeedCategory[];
  fees: readonly SeedFee[];
  articles: readonly SeedArticle[];
  faqs: readonly SeedFaq[];
  standards?: readonly SeedServiceStandard[];
  maklumat?: SeedMaklumat | null;
  synonyms?: readonly SeedSynonym[];
}

const LANGUAGES: SeedLanguage[] = ['id', 'en'];

/**
 * Loads seed content through the real commands (categories, fees, articles and FAQ entries created and
 * published, standards and maklumat for the office, dictionary entries not already present), so the demo
 * exercises the same code path as a publisher.
 */
export async function seedKnowledge(
  db: Db,
  actor: Actor,
  officeCode: string,
  seed: KnowledgeSeed,
  at = new Date(),
): Promise<void> {
  for (const category of seed.categories)
    await saveCategory(
      db,
      actor,
      null,
      { key: category.key, names: category.names, descriptions: category.descriptions },
      at,
    );
  for (const fee of seed.fees) await saveFee(db, actor, null, fee, at);
  for (const article of seed.articles) {
    for (const language of LANGUAGES) {
      const text = article.translations[language];
      const created = await createArticle(
        db,
        actor,
        {
          translationKey: article.key,
          language,
          slug: text.slug,
          title: text.title,
          summary: text.summary,
          body: text.body,
          categoryKey: article.category,
          tags: article.tags,
          related: article.related,
        },
        at,
      );
      await transitionArticle(db, actor, created.id, 'published', created.version, at);
    }
  }
  for (const faq of seed.faqs) {
    for (const language of LANGUAGES) {
      const text = faq.translations[language];
      const created = await createFaq(
        db,
        actor,
        {
          key: faq.key,
          language,
          questions: text.questions,
          answer: text.answer,
          articleKey: faq.articleKey ?? null,
          categoryKey: faq.category,
        },
        at,
      );
      await transitionFaq(db, actor, created.id, 'published', created.version, at);
    }
  }
  const office = (await referenceData(db)).officesByCode.get(officeCode);
  if (!office) throw new AppError('unknown_office');
  for (const standard of seed.standards ?? [])
    await saveServiceStandard(db, actor, office.id, standard.serviceCode, standard, at);
  if (seed.maklumat) await saveMaklumat(db, actor, office.id, seed.maklumat, at);
  for (const synonym of seed.synonyms ?? []) {
    const term = synonym.term.trim().toLowerCase();
    const existing = await db
      .selectFrom('kb_synonyms')
      .select(['id', 'means'])
      .where('language', '=', synonym.language)
      .where('term', '=', term)
      .executeTakeFirst();
    // The seed's dictionary was written for its content: where it differs from the default entry, it wins.
    if (!existing) await saveSynonym(db, actor, null, synonym, at);
    else if (existing.means !== synonym.means.trim().toLowerCase())
      await saveSynonym(db, actor, existing.id, { means: synonym.means }, at);
  }
}
