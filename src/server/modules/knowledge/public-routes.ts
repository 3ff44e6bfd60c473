import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { CHANNELS, LANGUAGES, type Language } from '../../../shared/enums.js';
import type { AppContext } from '../../context.js';
import { AppError } from '../../errors.js';
import { Nullable, problems, StringEnum } from '../../http/schema-helpers.js';
import { referenceData } from '../offices/reference-data.js';
import { answerQuestion } from './assistant.js';
import { jakartaDate } from './fees.js';
import {
  currentFees,
  getPublishedArticle,
  listCategories,
  listPublishedArticles,
  listPublishedFaqs,
  maklumat,
  serviceStandards,
} from './public-content.js';
import { searchKnowledge } from './search.js';

const tags = ['Knowledge'];
const Lang = StringEnum(LANGUAGES);
const CategoryRef = Nullable(Type.Object({ key: Type.String(), name: Type.String() }));
const LangQuery = Type.Object({ lang: Type.Optional(Lang) }, { additionalProperties: false });

const SearchResponse = Type.Object({
  query: Type.String(),
  correctedQuery: Nullable(Type.String()),
  total: Type.Integer(),
  results: Type.Array(
    Type.Object({
      kind: StringEnum(['article', 'faq'] as const),
      key: Type.String(),
      title: Type.String(),
      url: Type.String(),
      snippetHtml: Type.String(),
      category: CategoryRef,
    }),
  ),
});

const AnswerSchema = Type.Object({
  answered: Type.Boolean(),
  language: Lang,
  answer: Type.String(),
  answerHtml: Type.String(),
  sources: Type.Array(
    Type.Object({
      kind: StringEnum(['article', 'faq', 'fees', 'standard'] as const),
      key: Type.String(),
      title: Type.String(),
      url: Type.String(),
    }),
  ),
  confidence: Type.Number(),
  followUps: Type.Array(Type.Object({ label: Type.String(), url: Type.String() })),
  matched: Nullable(Type.Object({ kind: StringEnum(['article', 'faq'] as const), key: Type.String() })),
});

const PublicArticle = Type.Object({
  key: Type.String(),
  language: Lang,
  slug: Type.String(),
  title: Type.String(),
  summary: Type.String(),
  bodyHtml: Type.String(),
  tags: Type.Array(Type.String()),
  category: CategoryRef,
  lastReviewedAt: Nullable(Type.String()),
  publishedAt: Type.String(),
  updatedAt: Type.String(),
  translations: Type.Array(Type.Object({ language: Lang, slug: Type.String(), url: Type.String() })),
  related: Type.Array(Type.Object({ key: Type.String(), title: Type.String(), url: Type.String() })),
  url: Type.String(),
});

/**
 * The public knowledge API: search, published articles and FAQ entries, fees in force, service standards,
 * maklumat, and the answer assistant (rate-limited per client address, shared with the portal's form).
 */
export const publicKnowledgeRoutes: FastifyPluginAsyncTypebox<AppContext> = async (app, ctx) => {
  const { db, limiters } = ctx;
  const lang = (given: Language | undefined, fallback: Language) => given ?? fallback;

  app.get(
    '/knowledge/search',
    {
      schema: {
        tags,
        summary: 'Search published articles and FAQ entries',
        querystring: Type.Object(
          {
            q: Type.String({ minLength: 1, maxLength: 200 }),
            lang: Type.Optional(Lang),
            limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 50 })),
          },
          { additionalProperties: false },
        ),
        response: { 200: SearchResponse, ...problems(400) },
      },
    },
    async (request) =>
      searchKnowledge(db, {
        q: request.query.q,
        lang: lang(request.query.lang, request.language),
        limit: request.query.limit ?? 10,
      }),
  );

  app.get(
    '/knowledge/categories',
    {
      schema: {
        tags,
        summary: 'Categories with their number of published articles',
        querystring: LangQuery,
        response: {
          200: Type.Object({
            items: Type.Array(
              Type.Object({
                key: Type.String(),
                name: Type.String(),
                description: Type.String(),
                articleCount: Type.Integer(),
                url: Type.String(),
              }),
            ),
          }),
          ...problems(400),
        },
      },
    },
    async (request) => ({ items: await listCategories(db, lang(request.query.lang, request.language)) }),
  );

  app.get(
    '/knowledge/articles',
    {
      schema: {
        tags,
        summary: 'Published articles, optionally of one category',
        querystring: Type.Object(
          { lang: Type.Optional(Lang), category: Type.Optional(Type.String({ maxLength: 60 })) },
          { additionalProperties: false },
        ),
        response: {
          200: Type.Object({
            items: Type.Array(
              Type.Object({
                key: Type.String(),
                slug: Type.String(),
                title: Type.String(),
                summary: Type.String(),
                url: Type.String(),
                category: CategoryRef,
              }),
            ),
          }),
          ...problems(400),
        },
      },
    },
    async (request) => ({
      items: await listPublishedArticles(db, {
        lang: lang(request.query.lang, request.language),
        category: request.query.category,
      }),
    }),
  );

  app.get(
    '/knowledge/articles/:lang/:slug',
    {
      schema: {
        tags,
        summary: 'A published article',
        params: Type.Object({ lang: Lang, slug: Type.String({ maxLength: 120 }) }),
        response: { 200: PublicArticle, ...problems(400, 404) },
      },
    },
    async (request) => {
      const article = await getPublishedArticle(db, request.params.lang, request.params.slug);
      if (!article) throw new AppError('not_found');
      return article;
    },
  );

  app.get(
    '/knowledge/faq',
    {
      schema: {
        tags,
        summary: 'Published FAQ entries',
        querystring: Type.Object(
          { lang: Type.Optional(Lang), category: Type.Optional(Type.String({ maxLength: 60 })) },
          { additionalProperties: false },
        ),
        response: {
          200: Type.Object({
            items: Type.Array(
              Type.Object({
                key: Type.String(),
                question: Type.String(),
                answerHtml: Type.String(),
                url: Type.String(),
                category: CategoryRef,
              }),
            ),
          }),
          ...problems(400),
        },
      },
    },
    async (request) => ({
      items: await listPublishedFaqs(db, {
        lang: lang(request.query.lang, request.language),
        category: request.query.category,
      }),
    }),
  );

  app.get(
    '/knowledge/fees',
    {
      schema: {
        tags,
        summary: 'The fees in force today',
        querystring: LangQuery,
        response: {
          200: Type.Object({
            on: Type.String(),
            items: Type.Array(
              Type.Object({
                code: Type.String(),
                serviceCode: Type.String(),
                name: Type.String(),
                amount: Type.Integer(),
                amountText: Type.String(),
                legalBasis: Type.String(),
                validFrom: Type.String(),
                validTo: Nullable(Type.String()),
              }),
            ),
          }),
          ...problems(400),
        },
      },
    },
    async (request) => ({
      on: jakartaDate(),
      items: await currentFees(db, lang(request.query.lang, request.language)),
    }),
  );

  const OfficeQuery = Type.Object(
    { lang: Type.Optional(Lang), office: Type.Optional(Type.String({ pattern: '^[A-Z]{2,5}$' })) },
    { additionalProperties: false },
  );

  app.get(
    '/knowledge/standards',
    {
      schema: {
        tags,
        summary: "An office's service standards in effect (the six public components)",
        querystring: OfficeQuery,
        response: {
          200: Type.Object({
            items: Type.Array(
              Type.Object({
                serviceCode: Type.String(),
                serviceName: Type.String(),
                legalBasis: Type.String(),
                effectiveFrom: Type.String(),
                components: Type.Array(
                  Type.Object({
                    component: Type.String(),
                    number: Type.Integer(),
                    label: Type.String(),
                    public: Type.Boolean(),
                    html: Type.String(),
                  }),
                ),
              }),
            ),
          }),
          ...problems(400, 422),
        },
      },
    },
    async (request) => {
      const items = await serviceStandards(db, {
        lang: lang(request.query.lang, request.language),
        officeCode: request.query.office,
      });
      if (!items) throw new AppError('unknown_office', { field: 'office' });
      return { items };
    },
  );

  app.get(
    '/knowledge/maklumat',
    {
      schema: {
        tags,
        summary: "An office's maklumat pelayanan (service pledge) in effect",
        querystring: OfficeQuery,
        response: {
          200: Type.Object({ officeName: Type.String(), effectiveFrom: Type.String(), html: Type.String() }),
          ...problems(400, 404, 422),
        },
      },
    },
    async (request) => {
      if (request.query.office && !(await referenceData(db)).officesByCode.has(request.query.office))
        throw new AppError('unknown_office', { field: 'office' });
      const found = await maklumat(db, {
        lang: lang(request.query.lang, request.language),
        officeCode: request.query.office,
      });
      if (!found) throw new AppError('not_found');
      return found;
    },
  );

  app.post(
    '/assistant/answer',
    {
      schema: {
        tags,
        summary: 'Ask the answer assistant (extractive answers from published knowledge)',
        body: Type.Object(
          {
            question: Type.String({ minLength: 1, maxLength: 500 }),
            lang: Type.Optional(Lang),
            channel: Type.Optional(StringEnum(CHANNELS)),
          },
          { additionalProperties: false },
        ),
        response: { 200: AnswerSchema, ...problems(400, 429) },
      },
    },
    async (request) => {
      if (limiters.enabled) {
        const wait = limiters.assistantQuestions.hit(request.ip);
        if (wait > 0) throw new AppError('rate_limited', { retryAfterSeconds: wait });
      }
      return answerQuestion(db, {
        question: request.body.question,
        lang: request.body.lang,
        channel: request.body.channel ?? 'api',
      });
    },
  );
};
