import type { Db } from '../../db/connection.js';
import type { Actor } from '../../events/catalogue.js';
import {
  SEED_ARTICLES,
  SEED_CATEGORIES,
  SEED_FAQS,
  SEED_FEES,
  SEED_MAKLUMAT,
  SEED_SERVICE_STANDARDS,
  SEED_SYNONYMS,
} from './content/index.js';
import { seedKnowledge } from './seed.js';

/** The demo office's knowledge base (content/), loaded through the real commands and published. */
export async function seedDemoKnowledge(
  db: Db,
  actor: Actor,
  officeCode: string,
  at = new Date(),
): Promise<void> {
  await seedKnowledge(
    db,
    actor,
    officeCode,
    {
      categories: SEED_CATEGORIES,
      fees: SEED_FEES,
      articles: SEED_ARTICLES,
      faqs: SEED_FAQS,
      standards: SEED_SERVICE_STANDARDS,
      maklumat: SEED_MAKLUMAT,
      synonyms: SEED_SYNONYMS,
    },
    at,
  );
}
