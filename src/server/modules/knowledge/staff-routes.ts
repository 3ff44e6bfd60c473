import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { AppContext } from '../../context.js';
import { parseJson } from '../../db/dialect.js';
import { AppError } from '../../errors.js';
import { problems, Uuid } from '../../http/schema-helpers.js';
import { requireStaffSession } from '../../http/staff-auth.js';
import { referenceData } from '../offices/reference-data.js';
import {
  createArticle,
  deleteArticle,
  findArticle,
  markArticleReviewed,
  restoreArticleRevision,
  transitionArticle,
  updateArticle,
} from './article-commands.js';
import { listCategoryRows } from './categories.js';
import type { StandardComponent } from './content/types.js';
import {
  createFaq,
  deleteFaq,
  findFaq,
  restoreFaqRevision,
  transitionFaq,
  updateFaq,
} from './faq-commands.js';
import { isValidOn, jakartaDate, toFee } from './fees.js';
import { toArticle, toFaq } from './model.js';
import { authorizeKnowledgeRead, authorizeKnowledgeWrite, authorizeOfficeKnowledge } from './policy.js';
import { presentArticle, presentArticleList, presentFaq, presentFaqList } from './presenters.js';
import { listQuestions, unansweredQuestions } from './question-log.js';
import {
  deleteCategory,
  deleteFee,
  deleteSynonym,
  saveCategory,
  saveFee,
  saveMaklumat,
  saveServiceStandard,
  saveSynonym,
} from './reference-commands.js';
import { diffContents, getRevision, listRevisions } from './revisions.js';
import * as S from './staff-schemas.js';

const tags = ['Knowledge (staff)'];
const security = [{ staffSession: [] }];
const IdParams = Type.Object({ id: Uuid });
const RevisionParams = Type.Object({ id: Uuid, number: Type.Integer({ minimum: 1 }) });
const LIST_LIMIT = 500;

const ARTICLE_DIFF_FIELDS = ['slug', 'title', 'summary', 'body', 'tags', 'related', 'categoryId'] as const;
const FAQ_DIFF_FIELDS = ['questions', 'answer', 'articleKey', 'categoryId'] as const;

/**
 * The staff side of the knowledge base: articles and FAQ entries with workflow, revisions, diff and restore;
 * categories, fees, service standards, maklumat, the colloquial dictionary and the question reports. Reading
 * needs publisher, admin or auditor; everything else publisher or admin (policy.ts). Standards and maklumat are
 * scoped to the user's office.
 */
export const staffKnowledgeRoutes: FastifyPluginAsyncTypebox<AppContext> = async (app, ctx) => {
  const { db } = ctx;
  requireStaffSession(app, ctx);
  // Before validation, so a role without access learns nothing from validation errors.
  app.addHook('onRequest', async (request) => {
    if (request.method === 'GET') authorizeKnowledgeRead(request.staff);
    else authorizeKnowledgeWrite(request.staff);
  });

  const categoryIdOrNull = async (key: string) =>
    (await db.selectFrom('kb_categories').select('id').where('key', '=', key).executeTakeFirst())?.id ?? null;

  // ---- articles ----

  app.get(
    '/articles',
    {
      schema: {
        tags,
        security,
        summary: 'Articles (working copies), newest change first',
        querystring: Type.Object(
          {
            lang: Type.Optional(S.Lang),
            status: Type.Optional(S.Status),
            category: Type.Optional(S.Key),
            q: Type.Optional(Type.String({ maxLength: 200 })),
            reviewDue: Type.Optional(Type.Boolean()),
          },
          { additionalProperties: false },
        ),
        response: {
          200: Type.Object({ items: Type.Array(S.StaffArticleListItem) }),
          ...problems(400, 401, 403),
        },
      },
    },
    async (request) => {
      const { lang, status, category, q, reviewDue } = request.query;
      const categoryId = category ? await categoryIdOrNull(category) : undefined;
      // An unknown category has nothing in it.
      if (categoryId === null) return { items: [] };
      const pattern = q ? `%${q.toLowerCase().replace(/[%_\\]/g, '')}%` : undefined;
      const rows = await db
        .selectFrom('kb_articles')
        .selectAll()
        .$if(lang !== undefined, (qb) => qb.where('language', '=', lang!))
        .$if(status !== undefined, (qb) => qb.where('status', '=', status!))
        .$if(categoryId !== undefined, (qb) => qb.where('category_id', '=', categoryId!))
        .$if(pattern !== undefined, (qb) =>
          qb.where((eb) =>
            eb.or([
              eb(eb.fn('lower', ['title']), 'like', pattern!),
              eb(eb.fn('lower', ['slug']), 'like', pattern!),
              eb(eb.fn('lower', ['translation_key']), 'like', pattern!),
            ]),
          ),
        )
        .$if(reviewDue === true, (qb) =>
          qb.where('status', '=', 'published').where('review_due_at', '<=', new Date().toISOString()),
        )
        .orderBy('updated_at', 'desc')
        .limit(LIST_LIMIT)
        .execute();
      return { items: await presentArticleList(db, rows.map(toArticle)) };
    },
  );

  app.get(
    '/articles/review-due',
    {
      schema: {
        tags,
        security,
        summary: 'Published articles whose review is due (within `withinDays` from now)',
        querystring: Type.Object(
          { withinDays: Type.Optional(Type.Integer({ minimum: 0, maximum: 365 })) },
          { additionalProperties: false },
        ),
        response: {
          200: Type.Object({ items: Type.Array(S.StaffArticleListItem) }),
          ...problems(400, 401, 403),
        },
      },
    },
    async (request) => {
      const until = new Date(Date.now() + (request.query.withinDays ?? 0) * 86_400_000).toISOString();
      const rows = await db
        .selectFrom('kb_articles')
        .selectAll()
        .where('status', '=', 'published')
        .where('review_due_at', '<=', until)
        .orderBy('review_due_at')
        .limit(LIST_LIMIT)
        .execute();
      return { items: await presentArticleList(db, rows.map(toArticle)) };
    },
  );

  app.post(
    '/articles',
    {
      schema: {
        tags,
        security,
        summary: 'Write a new article (a draft, revision 1)',
        body: S.NewArticleBody,
        response: { 201: S.StaffArticle, ...problems(400, 401, 403, 409, 422) },
      },
    },
    async (request, reply) => {
      const article = await createArticle(db, request.actor, request.body);
      return reply.code(201).send(await presentArticle(db, request.staff, article));
    },
  );

  app.get(
    '/articles/:id',
    {
      schema: {
        tags,
        security,
        summary: 'An article',
        params: IdParams,
        response: { 200: S.StaffArticle, ...problems(400, 401, 403, 404) },
      },
    },
    async (request) => presentArticle(db, request.staff, await findArticle(db, request.params.id)),
  );

  app.patch(
    '/articles/:id',
    {
      schema: {
        tags,
        security,
        summary: 'Save changes as a new revision',
        params: IdParams,
        body: S.ArticleChangesBody,
        response: { 200: S.StaffArticle, ...problems(400, 401, 403, 404, 409, 422) },
      },
    },
    async (request) =>
      presentArticle(
        db,
        request.staff,
        await updateArticle(db, request.actor, request.params.id, request.body),
      ),
  );

  app.post(
    '/articles/:id/transition',
    {
      schema: {
        tags,
        security,
        summary: 'Move an article through the workflow (review, publish, back to draft, archive)',
        params: IdParams,
        body: S.TransitionBody,
        response: { 200: S.StaffArticle, ...problems(400, 401, 403, 404, 409) },
      },
    },
    async (request) =>
      presentArticle(
        db,
        request.staff,
        await transitionArticle(db, request.actor, request.params.id, request.body.to, request.body.version),
      ),
  );

  app.post(
    '/articles/:id/reviewed',
    {
      schema: {
        tags,
        security,
        summary: 'Confirm a published article is still right (resets its review date)',
        params: IdParams,
        body: S.VersionBody,
        response: { 200: S.StaffArticle, ...problems(400, 401, 403, 404, 409) },
      },
    },
    async (request) =>
      presentArticle(
        db,
        request.staff,
        await markArticleReviewed(db, request.actor, request.params.id, request.body.version),
      ),
  );

  app.delete(
    '/articles/:id',
    {
      schema: {
        tags,
        security,
        summary: 'Delete a draft that was never published',
        params: IdParams,
        response: { 204: { type: 'null' }, ...problems(401, 403, 404, 409) },
      },
    },
    async (request, reply) => {
      await deleteArticle(db, request.actor, request.params.id);
      return reply.code(204).send(null);
    },
  );

  // ---- FAQ entries ----

  app.get(
    '/faqs',
    {
      schema: {
        tags,
        security,
        summary: 'FAQ entries (working copies), newest change first',
        querystring: Type.Object(
          {
            lang: Type.Optional(S.Lang),
            status: Type.Optional(S.Status),
            category: Type.Optional(S.Key),
            q: Type.Optional(Type.String({ maxLength: 200 })),
          },
          { additionalProperties: false },
        ),
        response: { 200: Type.Object({ items: Type.Array(S.StaffFaqListItem) }), ...problems(400, 401, 403) },
      },
    },
    async (request) => {
      const { lang, status, category, q } = request.query;
      const categoryId = category ? await categoryIdOrNull(category) : undefined;
      // An unknown category has nothing in it.
      if (categoryId === null) return { items: [] };
      const pattern = q ? `%${q.toLowerCase().replace(/[%_\\]/g, '')}%` : undefined;
      const rows = await db
        .selectFrom('kb_faqs')
        .selectAll()
        .$if(lang !== undefined, (qb) => qb.where('language', '=', lang!))
        .$if(status !== undefined, (qb) => qb.where('status', '=', status!))
        .$if(categoryId !== undefined, (qb) => qb.where('category_id', '=', categoryId!))
        .$if(pattern !== undefined, (qb) =>
          qb.where((eb) =>
            eb.or([
              eb(eb.fn('lower', ['questions']), 'like', pattern!),
              eb(eb.fn('lower', ['answer']), 'like', pattern!),
              eb(eb.fn('lower', ['key']), 'like', pattern!),
            ]),
          ),
        )
        .orderBy('updated_at', 'desc')
        .limit(LIST_LIMIT)
        .execute();
      return { items: await presentFaqList(db, rows.map(toFaq)) };
    },
  );

  app.post(
    '/faqs',
    {
      schema: {
        tags,
        security,
        summary: 'Write a new FAQ entry (a draft, revision 1)',
        body: S.NewFaqBody,
        response: { 201: S.StaffFaq, ...problems(400, 401, 403, 409, 422) },
      },
    },
    async (request, reply) => {
      const faq = await createFaq(db, request.actor, request.body);
      return reply.code(201).send(await presentFaq(db, request.staff, faq));
    },
  );

  app.get(
    '/faqs/:id',
    {
      schema: {
        tags,
        security,
        summary: 'A FAQ entry',
        params: IdParams,
        response: { 200: S.StaffFaq, ...problems(400, 401, 403, 404) },
      },
    },
    async (request) => presentFaq(db, request.staff, await findFaq(db, request.params.id)),
  );

  app.patch(
    '/faqs/:id',
    {
      schema: {
        tags,
        security,
        summary: 'Save changes as a new revision',
        params: IdParams,
        body: S.FaqChangesBody,
        response: { 200: S.StaffFaq, ...problems(400, 401, 403, 404, 409, 422) },
      },
    },
    async (request) =>
      presentFaq(db, request.staff, await updateFaq(db, request.actor, request.params.id, request.body)),
  );

  app.post(
    '/faqs/:id/transition',
    {
      schema: {
        tags,
        security,
        summary: 'Move a FAQ entry through the workflow',
        params: IdParams,
        body: S.TransitionBody,
        response: { 200: S.StaffFaq, ...problems(400, 401, 403, 404, 409) },
      },
    },
    async (request) =>
      presentFaq(
        db,
        request.staff,
        await transitionFaq(db, request.actor, request.params.id, request.body.to, request.body.version),
      ),
  );

  app.delete(
    '/faqs/:id',
    {
      schema: {
        tags,
        security,
        summary: 'Delete a draft that was never published',
        params: IdParams,
        response: { 204: { type: 'null' }, ...problems(401, 403, 404, 409) },
      },
    },
    async (request, reply) => {
      await deleteFaq(db, request.actor, request.params.id);
      return reply.code(204).send(null);
    },
  );

  // ---- revisions, diff and restore (articles and FAQ entries alike) ----

  for (const entity of ['article', 'faq'] as const) {
    const base = entity === 'article' ? '/articles' : '/faqs';
    const fields = entity === 'article' ? ARTICLE_DIFF_FIELDS : FAQ_DIFF_FIELDS;
    const publishedNumber = async (id: string) =>
      entity === 'article'
        ? (await findArticle(db, id)).publishedRevisionNumber
        : (await findFaq(db, id)).publishedRevisionNumber;

    app.get(
      `${base}/:id/revisions`,
      {
        schema: {
          tags,
          security,
          summary: `Revisions of ${entity === 'article' ? 'an article' : 'a FAQ entry'}, newest first`,
          params: IdParams,
          response: { 200: S.RevisionList, ...problems(400, 401, 403, 404) },
        },
      },
      async (request) => {
        const published = await publishedNumber(request.params.id);
        const revisions = await listRevisions(db, entity, request.params.id);
        return {
          items: revisions.map((r) => ({
            number: r.number,
            authorName: r.authorName,
            message: r.message,
            createdAt: r.createdAt,
            published: r.number === published,
          })),
        };
      },
    );

    app.get(
      `${base}/:id/revisions/:number`,
      {
        schema: {
          tags,
          security,
          summary: 'One revision with its full content',
          params: RevisionParams,
          response: {
            200: Type.Object({
              number: Type.Integer(),
              authorName: Type.Union([Type.String(), Type.Null()]),
              message: Type.Union([Type.String(), Type.Null()]),
              createdAt: Type.String(),
              content: Type.Record(Type.String(), Type.Unknown()),
            }),
            ...problems(400, 401, 403, 404),
          },
        },
      },
      async (request) => {
        await publishedNumber(request.params.id);
        return getRevision<Record<string, unknown>>(db, entity, request.params.id, request.params.number);
      },
    );

    app.get(
      `${base}/:id/diff`,
      {
        schema: {
          tags,
          security,
          summary: 'What changed between two revisions (line and word diff per field)',
          params: IdParams,
          querystring: Type.Object(
            { from: Type.Integer({ minimum: 1 }), to: Type.Integer({ minimum: 1 }) },
            { additionalProperties: false },
          ),
          response: { 200: S.Diff, ...problems(400, 401, 403, 404) },
        },
      },
      async (request) => {
        const { from, to } = request.query;
        await publishedNumber(request.params.id);
        const [before, after] = await Promise.all([
          getRevision<Record<string, unknown>>(db, entity, request.params.id, from),
          getRevision<Record<string, unknown>>(db, entity, request.params.id, to),
        ]);
        return { from, to, fields: diffContents(before.content, after.content, fields) };
      },
    );

    app.post(
      `${base}/:id/revisions/:number/restore`,
      {
        schema: {
          tags,
          security,
          summary: "Restore a revision: a new revision with that revision's content",
          params: RevisionParams,
          body: S.VersionBody,
          response: {
            200: entity === 'article' ? S.StaffArticle : S.StaffFaq,
            ...problems(400, 401, 403, 404, 409),
          },
        },
      },
      async (request) => {
        const { id, number } = request.params;
        const { version, message } = request.body;
        if (entity === 'article')
          return presentArticle(
            db,
            request.staff,
            await restoreArticleRevision(db, request.actor, id, number, version, message),
          );
        return presentFaq(
          db,
          request.staff,
          await restoreFaqRevision(db, request.actor, id, number, version, message),
        );
      },
    );
  }

  // ---- categories ----

  const presentCategories = async () => {
    const [categories, articles] = await Promise.all([
      listCategoryRows(db),
      db.selectFrom('kb_articles').select('category_id').execute(),
    ]);
    const counts = new Map<string, number>();
    for (const a of articles)
      if (a.category_id) counts.set(a.category_id, (counts.get(a.category_id) ?? 0) + 1);
    return categories.map((c) => ({ ...c, articleCount: counts.get(c.id) ?? 0 }));
  };

  app.get(
    '/categories',
    {
      schema: {
        tags,
        security,
        summary: 'Knowledge categories',
        response: { 200: Type.Object({ items: Type.Array(S.Category) }), ...problems(401, 403) },
      },
    },
    async () => ({ items: await presentCategories() }),
  );

  app.post(
    '/categories',
    {
      schema: {
        tags,
        security,
        summary: 'Add a category',
        body: S.CategoryBody,
        response: { 201: S.Category, ...problems(400, 401, 403, 409) },
      },
    },
    async (request, reply) => {
      const category = await saveCategory(db, request.actor, null, request.body);
      return reply.code(201).send({ ...category, articleCount: 0 });
    },
  );

  app.patch(
    '/categories/:id',
    {
      schema: {
        tags,
        security,
        summary: 'Change a category',
        params: IdParams,
        body: Type.Partial(S.CategoryBody, { additionalProperties: false }),
        response: { 200: S.Category, ...problems(400, 401, 403, 404, 409) },
      },
    },
    async (request) => {
      const saved = await saveCategory(db, request.actor, request.params.id, request.body);
      return (await presentCategories()).find((c) => c.id === saved.id)!;
    },
  );

  app.delete(
    '/categories/:id',
    {
      schema: {
        tags,
        security,
        summary: 'Remove an unused category',
        params: IdParams,
        response: { 204: { type: 'null' }, ...problems(401, 403, 404, 409) },
      },
    },
    async (request, reply) => {
      await deleteCategory(db, request.actor, request.params.id);
      return reply.code(204).send(null);
    },
  );

  // ---- fees ----

  const presentFee = (fee: ReturnType<typeof toFee>, on: string) => ({ ...fee, inForce: isValidOn(fee, on) });

  app.get(
    '/fees',
    {
      schema: {
        tags,
        security,
        summary: 'The fee schedule, every period (inForce on `on`, today by default)',
        querystring: Type.Object({ on: Type.Optional(S.CalendarDate) }, { additionalProperties: false }),
        response: { 200: Type.Object({ items: Type.Array(S.Fee) }), ...problems(400, 401, 403) },
      },
    },
    async (request) => {
      const on = request.query.on ?? jakartaDate();
      const rows = await db.selectFrom('kb_fees').selectAll().orderBy('code').orderBy('valid_from').execute();
      return { items: rows.map((row) => presentFee(toFee(row), on)) };
    },
  );

  app.post(
    '/fees',
    {
      schema: {
        tags,
        security,
        summary: 'Add a fee period',
        body: S.FeeBody,
        response: { 201: S.Fee, ...problems(400, 401, 403, 409) },
      },
    },
    async (request, reply) => {
      const fee = await saveFee(db, request.actor, null, {
        ...request.body,
        validTo: request.body.validTo ?? null,
      });
      return reply.code(201).send(presentFee(fee, jakartaDate()));
    },
  );

  app.patch(
    '/fees/:id',
    {
      schema: {
        tags,
        security,
        summary: 'Change a fee period (e.g. end it with validTo)',
        params: IdParams,
        body: Type.Partial(S.FeeBody, { additionalProperties: false }),
        response: { 200: S.Fee, ...problems(400, 401, 403, 404, 409) },
      },
    },
    async (request) =>
      presentFee(await saveFee(db, request.actor, request.params.id, request.body), jakartaDate()),
  );

  app.delete(
    '/fees/:id',
    {
      schema: {
        tags,
        security,
        summary: 'Remove a fee period entered by mistake',
        params: IdParams,
        response: { 204: { type: 'null' }, ...problems(401, 403, 404) },
      },
    },
    async (request, reply) => {
      await deleteFee(db, request.actor, request.params.id);
      return reply.code(204).send(null);
    },
  );

  // ---- service standards and maklumat (per office) ----

  async function officeOf(
    code: string,
    write: boolean,
    user: Parameters<typeof authorizeOfficeKnowledge>[0],
  ) {
    const office = (await referenceData(db)).officesByCode.get(code);
    if (!office) throw new AppError('unknown_office', { field: 'officeCode' });
    authorizeOfficeKnowledge(user, office.id, write);
    return office;
  }

  const OfficeQuery = Type.Object(
    { office: Type.String({ pattern: '^[A-Z]{2,5}$' }) },
    { additionalProperties: false },
  );

  app.get(
    '/standards',
    {
      schema: {
        tags,
        security,
        summary: "An office's service standards, every version",
        querystring: OfficeQuery,
        response: {
          200: Type.Object({ items: Type.Array(S.Standard) }),
          ...problems(400, 401, 403, 404, 422),
        },
      },
    },
    async (request) => {
      const office = await officeOf(request.query.office, false, request.staff);
      const today = jakartaDate();
      const rows = await db
        .selectFrom('kb_service_standards')
        .selectAll()
        .where('office_id', '=', office.id)
        .orderBy('service_code')
        .orderBy('effective_from', 'desc')
        .execute();
      const current = new Set<string>();
      return {
        items: rows.map((row) => {
          const isCurrent = row.effective_from <= today && !current.has(row.service_code);
          if (isCurrent) current.add(row.service_code);
          return {
            id: row.id,
            officeCode: office.code,
            serviceCode: row.service_code,
            legalBasis: row.legal_basis,
            effectiveFrom: row.effective_from,
            current: isCurrent,
            components: parseJson(row.components) as Record<string, { id: string; en: string }>,
          };
        }),
      };
    },
  );

  app.put(
    '/standards/:officeCode/:serviceCode',
    {
      schema: {
        tags,
        security,
        summary: 'Save the version of a service standard taking effect on a date',
        params: Type.Object({ officeCode: Type.String({ pattern: '^[A-Z]{2,5}$' }), serviceCode: S.Key }),
        body: S.StandardBody,
        response: { 204: { type: 'null' }, ...problems(400, 401, 403, 404, 422) },
      },
    },
    async (request, reply) => {
      const office = await officeOf(request.params.officeCode, true, request.staff);
      await saveServiceStandard(db, request.actor, office.id, request.params.serviceCode, {
        ...request.body,
        components: request.body.components as Record<StandardComponent, { id: string; en: string }>,
      });
      return reply.code(204).send(null);
    },
  );

  app.get(
    '/maklumat',
    {
      schema: {
        tags,
        security,
        summary: "An office's maklumat pelayanan, every version",
        querystring: OfficeQuery,
        response: {
          200: Type.Object({ items: Type.Array(S.Maklumat) }),
          ...problems(400, 401, 403, 404, 422),
        },
      },
    },
    async (request) => {
      const office = await officeOf(request.query.office, false, request.staff);
      const today = jakartaDate();
      const rows = await db
        .selectFrom('kb_maklumat')
        .selectAll()
        .where('office_id', '=', office.id)
        .orderBy('effective_from', 'desc')
        .execute();
      const currentId = rows.find((r) => r.effective_from <= today)?.id;
      return {
        items: rows.map((row) => ({
          id: row.id,
          officeCode: office.code,
          effectiveFrom: row.effective_from,
          text: { id: row.text_id, en: row.text_en },
          current: row.id === currentId,
        })),
      };
    },
  );

  app.put(
    '/maklumat/:officeCode',
    {
      schema: {
        tags,
        security,
        summary: 'Save the maklumat pelayanan taking effect on a date',
        params: Type.Object({ officeCode: Type.String({ pattern: '^[A-Z]{2,5}$' }) }),
        body: S.MaklumatBody,
        response: { 204: { type: 'null' }, ...problems(400, 401, 403, 404, 422) },
      },
    },
    async (request, reply) => {
      const office = await officeOf(request.params.officeCode, true, request.staff);
      await saveMaklumat(db, request.actor, office.id, request.body);
      return reply.code(204).send(null);
    },
  );

  // ---- the colloquial dictionary ----

  app.get(
    '/synonyms',
    {
      schema: {
        tags,
        security,
        summary: 'The colloquial dictionary applied to questions and searches',
        querystring: Type.Object({ lang: Type.Optional(S.Lang) }, { additionalProperties: false }),
        response: { 200: Type.Object({ items: Type.Array(S.Synonym) }), ...problems(400, 401, 403) },
      },
    },
    async (request) => ({
      items: await db
        .selectFrom('kb_synonyms')
        .select(['id', 'language', 'term', 'means'])
        .$if(request.query.lang !== undefined, (q) => q.where('language', '=', request.query.lang!))
        .orderBy('language')
        .orderBy('term')
        .execute(),
    }),
  );

  app.post(
    '/synonyms',
    {
      schema: {
        tags,
        security,
        summary: 'Add a dictionary entry',
        body: S.SynonymBody,
        response: { 201: S.Synonym, ...problems(400, 401, 403, 409) },
      },
    },
    async (request, reply) => reply.code(201).send(await saveSynonym(db, request.actor, null, request.body)),
  );

  app.patch(
    '/synonyms/:id',
    {
      schema: {
        tags,
        security,
        summary: 'Change what a dictionary entry means',
        params: IdParams,
        body: Type.Object({ means: S.SynonymBody.properties.means }, { additionalProperties: false }),
        response: { 200: S.Synonym, ...problems(400, 401, 403, 404) },
      },
    },
    async (request) => saveSynonym(db, request.actor, request.params.id, request.body),
  );

  app.delete(
    '/synonyms/:id',
    {
      schema: {
        tags,
        security,
        summary: 'Remove a dictionary entry',
        params: IdParams,
        response: { 204: { type: 'null' }, ...problems(401, 403, 404) },
      },
    },
    async (request, reply) => {
      await deleteSynonym(db, request.actor, request.params.id);
      return reply.code(204).send(null);
    },
  );

  // ---- what people asked ----

  // A report's days are the staff member's office's days; staff of no office see the portal's office's.
  const reportTimeZone = async (officeId: string | null) => {
    const { officesById, offices } = await referenceData(db);
    return ((officeId && officesById.get(officeId)) || offices[0])?.timeZone ?? 'Asia/Jakarta';
  };

  app.get(
    '/questions/unanswered',
    {
      schema: {
        tags,
        security,
        summary: 'Questions the assistant could not answer, grouped and most frequent first',
        querystring: Type.Object(S.QuestionFilter, { additionalProperties: false }),
        response: {
          200: Type.Object({ items: Type.Array(S.UnansweredQuestion) }),
          ...problems(400, 401, 403),
        },
      },
    },
    async (request) => ({
      items: await unansweredQuestions(db, request.query, await reportTimeZone(request.staff.officeId)),
    }),
  );

  app.get(
    '/questions',
    {
      schema: {
        tags,
        security,
        summary: 'The question log, newest first',
        querystring: Type.Object(
          { ...S.QuestionFilter, answered: Type.Optional(Type.Boolean()) },
          { additionalProperties: false },
        ),
        response: { 200: Type.Object({ items: Type.Array(S.LoggedQuestion) }), ...problems(400, 401, 403) },
      },
    },
    async (request) => ({
      items: await listQuestions(db, request.query, await reportTimeZone(request.staff.officeId)),
    }),
  );
};
