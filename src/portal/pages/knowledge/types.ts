import type { Db } from '../../../server/db/connection.js';
import type { Channel, Language } from '../../../shared/enums.js';

/**
 * What the knowledge pages show, in the shapes the knowledge module's public functions return
 * (docs/knowledge-api.md, `src/server/modules/knowledge/public-api.ts`). The pages depend on these shapes only,
 * so they can be rendered and tested without a database.
 */
export interface CategoryRef {
  key: string;
  name: string;
}

export interface CategoryItem extends CategoryRef {
  description: string;
  articleCount: number;
  url: string;
}

export interface ArticleItem {
  key: string;
  slug: string;
  title: string;
  summary: string;
  url: string;
  category: CategoryRef | null;
}

export interface FaqItem {
  key: string;
  question: string;
  answerHtml: string;
  url: string;
  category: CategoryRef | null;
}

export interface ArticlePage {
  key: string;
  language: Language;
  slug: string;
  title: string;
  summary: string;
  bodyHtml: string;
  tags: string[];
  category: CategoryRef | null;
  lastReviewedAt: string | null;
  publishedAt: string;
  updatedAt: string;
  translations: { language: Language; slug: string; url: string }[];
  related: { key: string; title: string; url: string }[];
  url: string;
}

export interface SearchHit {
  kind: 'article' | 'faq';
  key: string;
  title: string;
  url: string;
  snippetHtml: string;
  category: CategoryRef | null;
}

export interface SearchOutcome {
  query: string;
  correctedQuery: string | null;
  results: SearchHit[];
  total?: number;
}

export interface AssistantAnswer {
  answered: boolean;
  language: Language;
  answer: string;
  answerHtml: string;
  sources: { kind: string; key: string; title: string; url: string }[];
  confidence: number;
  followUps: { label: string; url: string }[];
}

export interface FeeLine {
  code: string;
  serviceCode: string;
  name: string;
  amount: number;
  amountText: string;
  legalBasis: string;
  validFrom: string;
  validTo: string | null;
}

export interface ServiceStandard {
  serviceCode: string;
  serviceName: string;
  legalBasis: string;
  effectiveFrom: string;
  components: { component: string; number: number; label: string; public: boolean; html: string }[];
}

export interface Maklumat {
  officeName: string;
  effectiveFrom: string;
  html: string;
}

/** The knowledge module's public functions the portal calls (src/server/modules/knowledge/public-api.ts). */
export interface KnowledgeSource {
  searchKnowledge(db: Db, o: { q: string; lang: Language; limit?: number }): Promise<SearchOutcome>;
  answerQuestion(
    db: Db,
    o: { question: string; lang?: Language; channel?: Channel; log?: boolean },
  ): Promise<AssistantAnswer>;
  getPublishedArticle(db: Db, lang: Language, slug: string): Promise<ArticlePage | undefined>;
  listCategories(db: Db, lang: Language): Promise<CategoryItem[]>;
  listPublishedArticles(db: Db, o: { lang: Language; category?: string }): Promise<ArticleItem[]>;
  listPublishedFaqs(db: Db, o: { lang: Language; category?: string }): Promise<FaqItem[]>;
  currentFees(db: Db, lang: Language, on?: Date): Promise<FeeLine[]>;
  serviceStandards(
    db: Db,
    o: { lang: Language; officeCode?: string },
  ): Promise<ServiceStandard[] | undefined>;
  maklumat(db: Db, o: { lang: Language; officeCode?: string }): Promise<Maklumat | undefined>;
}
