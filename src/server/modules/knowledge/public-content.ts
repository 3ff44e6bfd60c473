import type { Language } from '../../../shared/enums.js';
import type { Db } from '../../db/connection.js';
import { parseJson, toIso, toIsoOrNull } from '../../db/dialect.js';
import { t } from '../../i18n/index.js';
import { referenceData } from '../offices/reference-data.js';
import { PUBLIC_STANDARD_COMPONENTS, STANDARD_COMPONENTS, type StandardComponent } from './content/types.js';
import { type Fee, feesValidOn, formatRupiah, jakartaDate, renderFees } from './fees.js';
import { inlineText, renderMarkdown } from './markdown.js';
import type { ArticleContent, FaqContent } from './model.js';
import { knowledgeUrl } from './urls.js';

/**
 * Published knowledge as the public sees it: only published snapshots, fees rendered as valid today, Markdown
 * rendered to safe HTML. The portal calls these directly; the public routes serve the same shapes as JSON.
 */
export interface CategoryRef {
  key: string;
  name: string;
}

export interface PublicArticle {
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

async function categoryRefs(db: Db, language: Language): Promise<Map<string, CategoryRef & { id: string }>> {
  const rows = await db.selectFrom('kb_categories').selectAll().orderBy('sort_order').execute();
  return new Map(
    rows.map((r) => [r.id, { id: r.id, key: r.key, name: language === 'en' ? r.name_en : r.name_id }]),
  );
}

/** Markdown with fees → safe HTML; plain text for summaries (a missing fee reads as the localized pointer). */
export function renderKnowledgeHtml(markdown: string, fees: Map<string, Fee>, language: Language): string {
  return renderMarkdown(renderFees(markdown, fees, language));
}

export function renderKnowledgeText(text: string, fees: Map<string, Fee>, language: Language): string {
  return inlineText(renderFees(text, fees, language));
}

export async function getPublishedArticle(
  db: Db,
  language: Language,
  slug: string,
): Promise<PublicArticle | undefined> {
  const row = await db
    .selectFrom('kb_articles')
    .selectAll()
    .where('language', '=', language)
    .where('published_slug', '=', slug)
    .where('status', '=', 'published')
    .executeTakeFirst();
  if (!row) return undefined;
  const content = parseJson(row.published) as ArticleContent;
  const [fees, categories, translations, related] = await Promise.all([
    feesValidOn(db, jakartaDate()),
    categoryRefs(db, language),
    db
      .selectFrom('kb_articles')
      .select(['language', 'published_slug'])
      .where('translation_key', '=', row.translation_key)
      .where('language', '!=', language)
      .where('status', '=', 'published')
      .execute(),
    content.related.length === 0
      ? Promise.resolve([])
      : db
          .selectFrom('kb_articles')
          .select(['translation_key', 'published'])
          .where('translation_key', 'in', content.related)
          .where('language', '=', language)
          .where('status', '=', 'published')
          .execute(),
  ]);
  const category = content.categoryId ? categories.get(content.categoryId) : undefined;
  const relatedByKey = new Map(
    related.map((r) => [r.translation_key, parseJson(r.published) as ArticleContent]),
  );
  return {
    key: row.translation_key,
    language,
    slug: content.slug,
    title: content.title,
    summary: renderKnowledgeText(content.summary, fees, language),
    bodyHtml: renderKnowledgeHtml(content.body, fees, language),
    tags: content.tags,
    category: category ? { key: category.key, name: category.name } : null,
    lastReviewedAt: toIsoOrNull(row.last_reviewed_at),
    publishedAt: toIso(row.published_at!),
    updatedAt: toIso(row.updated_at),
    translations: translations.map((tr) => ({
      language: tr.language,
      slug: tr.published_slug!,
      url: knowledgeUrl(tr.language, 'article', tr.published_slug!),
    })),
    related: content.related.flatMap((key) => {
      const r = relatedByKey.get(key);
      return r ? [{ key, title: r.title, url: knowledgeUrl(language, 'article', r.slug) }] : [];
    }),
    url: knowledgeUrl(language, 'article', content.slug),
  };
}

export async function listCategories(
  db: Db,
  language: Language,
): Promise<{ key: string; name: string; description: string; articleCount: number; url: string }[]> {
  const [rows, articles] = await Promise.all([
    db.selectFrom('kb_categories').selectAll().orderBy('sort_order').orderBy('key').execute(),
    db
      .selectFrom('kb_articles')
      .select('published')
      .where('language', '=', language)
      .where('status', '=', 'published')
      .execute(),
  ]);
  const counts = new Map<string, number>();
  for (const a of articles) {
    const id = (parseJson(a.published) as ArticleContent).categoryId;
    if (id) counts.set(id, (counts.get(id) ?? 0) + 1);
  }
  return rows.map((r) => ({
    key: r.key,
    name: language === 'en' ? r.name_en : r.name_id,
    description: language === 'en' ? r.description_en : r.description_id,
    articleCount: counts.get(r.id) ?? 0,
    url: knowledgeUrl(language, 'category', r.key),
  }));
}

export interface ArticleListItem {
  key: string;
  slug: string;
  title: string;
  summary: string;
  url: string;
  category: CategoryRef | null;
}

export async function listPublishedArticles(
  db: Db,
  options: { lang: Language; category?: string },
): Promise<ArticleListItem[]> {
  const { lang } = options;
  const [rows, categories, fees] = await Promise.all([
    db
      .selectFrom('kb_articles')
      .select(['translation_key', 'published'])
      .where('language', '=', lang)
      .where('status', '=', 'published')
      .execute(),
    categoryRefs(db, lang),
    feesValidOn(db, jakartaDate()),
  ]);
  return rows
    .map((row) => ({ key: row.translation_key, content: parseJson(row.published) as ArticleContent }))
    .filter(({ content }) => {
      if (!options.category) return true;
      return content.categoryId !== null && categories.get(content.categoryId)?.key === options.category;
    })
    .map(({ key, content }) => {
      const category = content.categoryId ? categories.get(content.categoryId) : undefined;
      return {
        key,
        slug: content.slug,
        title: content.title,
        summary: renderKnowledgeText(content.summary, fees, lang),
        url: knowledgeUrl(lang, 'article', content.slug),
        category: category ? { key: category.key, name: category.name } : null,
      };
    })
    .sort((a, b) => a.title.localeCompare(b.title, lang));
}

/** Published article slugs by translation key, for linking FAQ entries to their article. */
export async function publishedSlugs(
  db: Db,
  language: Language,
  keys: string[],
): Promise<Map<string, { slug: string; title: string }>> {
  if (keys.length === 0) return new Map();
  const rows = await db
    .selectFrom('kb_articles')
    .select(['translation_key', 'published'])
    .where('language', '=', language)
    .where('status', '=', 'published')
    .where('translation_key', 'in', [...new Set(keys)])
    .execute();
  return new Map(
    rows.map((r) => {
      const content = parseJson(r.published) as ArticleContent;
      return [r.translation_key, { slug: content.slug, title: content.title }];
    }),
  );
}

export interface FaqItem {
  key: string;
  question: string;
  answerHtml: string;
  url: string;
  category: CategoryRef | null;
}

export async function listPublishedFaqs(
  db: Db,
  options: { lang: Language; category?: string },
): Promise<FaqItem[]> {
  const { lang } = options;
  const [rows, categories, fees] = await Promise.all([
    db
      .selectFrom('kb_faqs')
      .select(['key', 'published'])
      .where('language', '=', lang)
      .where('status', '=', 'published')
      .orderBy('key')
      .execute(),
    categoryRefs(db, lang),
    feesValidOn(db, jakartaDate()),
  ]);
  const items = rows.map((row) => ({ key: row.key, content: parseJson(row.published) as FaqContent }));
  const slugs = await publishedSlugs(
    db,
    lang,
    items.flatMap((i) => (i.content.articleKey ? [i.content.articleKey] : [])),
  );
  return items
    .filter(({ content }) => {
      if (!options.category) return true;
      return content.categoryId !== null && categories.get(content.categoryId)?.key === options.category;
    })
    .map(({ key, content }) => {
      const category = content.categoryId ? categories.get(content.categoryId) : undefined;
      const article = content.articleKey ? slugs.get(content.articleKey) : undefined;
      return {
        key,
        question: content.questions[0] ?? '',
        answerHtml: renderKnowledgeHtml(content.answer, fees, lang),
        url: article ? knowledgeUrl(lang, 'article', article.slug) : knowledgeUrl(lang, 'faq', key),
        category: category ? { key: category.key, name: category.name } : null,
      };
    });
}

export interface PublicFee {
  code: string;
  serviceCode: string;
  name: string;
  amount: number;
  amountText: string;
  legalBasis: string;
  validFrom: string;
  validTo: string | null;
}

/** The fees in force on a day (today in Jakarta by default). */
export async function currentFees(db: Db, language: Language, on: Date = new Date()): Promise<PublicFee[]> {
  const fees = await feesValidOn(db, jakartaDate(on));
  return [...fees.values()]
    .sort(
      (a, b) =>
        a.serviceCode.localeCompare(b.serviceCode) || a.amount - b.amount || a.code.localeCompare(b.code),
    )
    .map((fee) => ({
      code: fee.code,
      serviceCode: fee.serviceCode,
      name: fee.names[language],
      amount: fee.amount,
      amountText: formatRupiah(fee.amount),
      legalBasis: fee.legalBasis,
      validFrom: fee.validFrom,
      validTo: fee.validTo,
    }));
}

async function officeFor(db: Db, officeCode: string | undefined) {
  const data = await referenceData(db);
  return officeCode ? data.officesByCode.get(officeCode) : data.offices[0];
}

export interface PublicServiceStandard {
  serviceCode: string;
  serviceName: string;
  legalBasis: string;
  effectiveFrom: string;
  components: {
    component: StandardComponent;
    number: number;
    label: string;
    public: boolean;
    html: string;
  }[];
}

/**
 * The standards in effect today for each service of an office (the latest version whose date has come), with the
 * six service-delivery components only unless `publicOnly` is false. Undefined for an unknown office.
 */
export async function serviceStandards(
  db: Db,
  options: { lang: Language; officeCode?: string; publicOnly?: boolean },
): Promise<PublicServiceStandard[] | undefined> {
  const { lang } = options;
  const office = await officeFor(db, options.officeCode);
  if (!office) return undefined;
  const today = jakartaDate();
  const [rows, fees, data] = await Promise.all([
    db
      .selectFrom('kb_service_standards')
      .selectAll()
      .where('office_id', '=', office.id)
      .where('effective_from', '<=', today)
      .orderBy('effective_from', 'desc')
      .execute(),
    feesValidOn(db, today),
    referenceData(db),
  ]);
  const services = data.services.filter((s) => s.office_id === office.id);
  const seen = new Set<string>();
  const result: PublicServiceStandard[] = [];
  for (const row of rows) {
    if (seen.has(row.service_code)) continue;
    seen.add(row.service_code);
    const service = services.find((s) => s.code === row.service_code);
    const components = parseJson(row.components) as Record<StandardComponent, Record<Language, string>>;
    result.push({
      serviceCode: row.service_code,
      serviceName: service ? (lang === 'en' ? service.name_en : service.name_id) : row.service_code,
      legalBasis: row.legal_basis,
      effectiveFrom: row.effective_from,
      components: STANDARD_COMPONENTS.map((component, index) => ({
        component,
        number: index + 1,
        label: t(lang, `knowledge.standard.${component}`),
        public: PUBLIC_STANDARD_COMPONENTS.includes(component),
        html: renderKnowledgeHtml(components[component]?.[lang] ?? '', fees, lang),
      })).filter((c) => c.public || options.publicOnly === false),
    });
  }
  const order = (code: string) => services.findIndex((s) => s.code === code);
  return result.sort((a, b) => order(a.serviceCode) - order(b.serviceCode));
}

export async function maklumat(
  db: Db,
  options: { lang: Language; officeCode?: string },
): Promise<{ officeName: string; effectiveFrom: string; html: string } | undefined> {
  const office = await officeFor(db, options.officeCode);
  if (!office) return undefined;
  const row = await db
    .selectFrom('kb_maklumat')
    .selectAll()
    .where('office_id', '=', office.id)
    .where('effective_from', '<=', jakartaDate())
    .orderBy('effective_from', 'desc')
    .executeTakeFirst();
  if (!row) return undefined;
  return {
    officeName: office.name[options.lang],
    effectiveFrom: row.effective_from,
    html: renderMarkdown(options.lang === 'en' ? row.text_en : row.text_id),
  };
}
