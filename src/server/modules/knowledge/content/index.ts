/**
 * Seed content of the demo office (Kantor Imigrasi Kelas I Khusus TPI Surabaya, SBY): categories, articles in
 * Indonesian and English, FAQ entries, the effective-dated fee schedule, service standards, the maklumat and the
 * colloquial synonym dictionary. Facts follow /work/shared/reference/regulations.md; see `types.ts` for the shapes
 * and text conventions.
 */
import { BOOKING_ARTICLES } from './articles-booking.js';
import { FOREIGNER_ARTICLES } from './articles-foreigners.js';
import { OFFICE_ARTICLES } from './articles-office.js';
import { PASSPORT_ARTICLES } from './articles-passport.js';
import { REPORT_ARTICLES } from './articles-reports.js';
import type { SeedArticle } from './types.js';

export { SEED_CATEGORIES } from './categories.js';
export { SEED_FAQS } from './faqs.js';
export { SEED_FEES } from './fees.js';
export { SEED_MAKLUMAT } from './maklumat.js';
export { SEED_SERVICE_STANDARDS } from './standards.js';
export { SEED_SYNONYMS } from './synonyms.js';

export const SEED_ARTICLES: SeedArticle[] = [
  ...PASSPORT_ARTICLES,
  ...BOOKING_ARTICLES,
  ...REPORT_ARTICLES,
  ...OFFICE_ARTICLES,
  ...FOREIGNER_ARTICLES,
];
