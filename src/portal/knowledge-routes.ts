import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { AppContext } from '../server/context.js';
import { AppError } from '../server/errors.js';
import type { Language } from '../shared/enums.js';
import type { FieldErrors } from './components.js';
import { type FormData, readForm } from './form-data.js';
import type { SafeHtml } from './html.js';
import type { View } from './layout.js';
import { articlePage } from './pages/knowledge/article.js';
import { answerPage, assistantPage } from './pages/knowledge/assistant.js';
import { categoryPage, faqPage, knowledgeHomePage } from './pages/knowledge/browse.js';
import { feesPage, maklumatPage, standardsPage } from './pages/knowledge/office-info.js';
import { knowledgePath, QUERY_MAX, QUESTION_MAX } from './pages/knowledge/parts.js';
import { SEARCH_PAGE_LIMIT, searchPage } from './pages/knowledge/search.js';
import type { KnowledgeSource } from './pages/knowledge/types.js';

/** What the portal plugin lends its knowledge pages: its view, page sending, CSRF check and error pages. */
export interface PortalKit {
  viewFor(request: FastifyRequest, reply: FastifyReply | undefined, language?: Language): Promise<View>;
  send(
    request: FastifyRequest,
    reply: FastifyReply,
    view: View,
    page: SafeHtml,
    options?: { status?: number; private?: boolean },
  ): unknown;
  checkCsrf(request: FastifyRequest, form: FormData): void;
  languageOf(request: FastifyRequest, reply?: FastifyReply, chosen?: string): Language;
  /** The error the plugin turns into its 404 page. */
  notFound(): Error;
}

const isLanguage = (value: string): value is Language => value === 'id' || value === 'en';
const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** Today's calendar date in the office's zone, the date fees are valid on. */
const jakartaDate = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Jakarta' });
const today = () => jakartaDate.format(new Date());

/**
 * The knowledge pages of the portal: the information centre, articles, categories, FAQ, fees, service standards,
 * maklumat, search and the assistant. Registered inside the portal plugin, so they share its error pages, and
 * they call the knowledge module's public functions directly (docs/knowledge-api.md).
 */
export function knowledgePages(
  app: FastifyInstance,
  ctx: AppContext,
  kit: PortalKit,
  source: KnowledgeSource,
): void {
  const { db, limiters } = ctx;
  const { viewFor, send } = kit;

  /** The page's language from its address; anything but `id` and `en` is not a page. */
  function languageIn(params: { lang: string }): Language {
    if (!isLanguage(params.lang)) throw kit.notFound();
    return params.lang;
  }

  app.get('/knowledge', async (request, reply) => {
    reply.header('cache-control', 'no-store');
    return reply.redirect(knowledgePath(kit.languageOf(request)), 302);
  });

  // Short Indonesian addresses for posters at the counter (the law asks offices to display their standards).
  for (const [alias, rest] of [
    ['/biaya', '/fees'],
    ['/standar-pelayanan', '/standards'],
    ['/maklumat-pelayanan', '/maklumat'],
  ] as const) {
    app.get(alias, async (_request, reply) => reply.redirect(knowledgePath('id', rest), 301));
  }

  app.get<{ Params: { lang: string } }>('/knowledge/:lang', async (request, reply) => {
    const lang = languageIn(request.params);
    const view = await viewFor(request, reply, lang);
    const [categories, articles] = await Promise.all([
      source.listCategories(db, lang),
      source.listPublishedArticles(db, { lang }),
    ]);
    return send(request, reply, view, knowledgeHomePage(view, { categories, articles }));
  });

  app.get<{ Params: { lang: string; key: string } }>(
    '/knowledge/:lang/category/:key',
    async (request, reply) => {
      const lang = languageIn(request.params);
      const { key } = request.params;
      const category = (await source.listCategories(db, lang)).find((c) => c.key === key);
      if (!category) throw kit.notFound();
      const view = await viewFor(request, reply, lang);
      const [articles, faqs] = await Promise.all([
        source.listPublishedArticles(db, { lang, category: key }),
        source.listPublishedFaqs(db, { lang, category: key }),
      ]);
      return send(request, reply, view, categoryPage(view, { category, articles, faqs }));
    },
  );

  app.get<{ Params: { lang: string } }>('/knowledge/:lang/faq', async (request, reply) => {
    const lang = languageIn(request.params);
    const view = await viewFor(request, reply, lang);
    const [faqs, categories] = await Promise.all([
      source.listPublishedFaqs(db, { lang }),
      source.listCategories(db, lang),
    ]);
    return send(request, reply, view, faqPage(view, faqs, categories));
  });

  app.get<{ Params: { lang: string } }>('/knowledge/:lang/fees', async (request, reply) => {
    const lang = languageIn(request.params);
    const view = await viewFor(request, reply, lang);
    const fees = await source.currentFees(db, lang);
    return send(request, reply, view, feesPage(view, fees, today()), { private: false });
  });

  app.get<{ Params: { lang: string } }>('/knowledge/:lang/standards', async (request, reply) => {
    const lang = languageIn(request.params);
    const view = await viewFor(request, reply, lang);
    const standards = await source.serviceStandards(db, { lang, officeCode: view.office?.code });
    return send(request, reply, view, standardsPage(view, standards ?? []), { private: false });
  });

  app.get<{ Params: { lang: string } }>('/knowledge/:lang/maklumat', async (request, reply) => {
    const lang = languageIn(request.params);
    const view = await viewFor(request, reply, lang);
    const pledge = await source.maklumat(db, { lang, officeCode: view.office?.code });
    if (!pledge) throw kit.notFound();
    return send(request, reply, view, maklumatPage(view, pledge), { private: false });
  });

  app.get<{ Params: { lang: string; slug: string } }>('/knowledge/:lang/:slug', async (request, reply) => {
    const lang = languageIn(request.params);
    const { slug } = request.params;
    const article = SLUG.test(slug) ? await source.getPublishedArticle(db, lang, slug) : undefined;
    if (!article) throw kit.notFound();
    const view = await viewFor(request, reply, lang);
    return send(request, reply, view, articlePage(view, article));
  });

  // ------------------------------------------------------------------ search

  app.get<{ Querystring: { q?: unknown; lang?: unknown } }>('/search', async (request, reply) => {
    const { lang } = request.query;
    const view = await viewFor(
      request,
      reply,
      typeof lang === 'string' && isLanguage(lang) ? lang : undefined,
    );
    const query = typeof request.query.q === 'string' ? request.query.q.trim().slice(0, QUERY_MAX) : '';
    const outcome = query
      ? await source.searchKnowledge(db, { q: query, lang: view.language, limit: SEARCH_PAGE_LIMIT })
      : null;
    return send(request, reply, view, searchPage(view, query, outcome));
  });

  // ------------------------------------------------------------------ the assistant without JavaScript

  app.get('/assistant', async (request, reply) => {
    const view = await viewFor(request, reply);
    return send(request, reply, view, assistantPage(view));
  });

  /**
   * A question from the form. POST with the CSRF token like every portal form: the question may carry personal
   * words, so it stays out of addresses and history, and only a person's press of the button reaches the log.
   * `repeat` marks the same question re-sent by the language switch, which is answered but not logged again.
   */
  app.post('/assistant', async (request, reply) => {
    const form = await readForm(request);
    kit.checkCsrf(request, form);
    const view = await viewFor(request, reply, kit.languageOf(request, reply, form.fields.lang));
    const { t } = view;
    const question = (form.fields.question ?? '').replace(/\s+/g, ' ').trim();
    const errors: FieldErrors = [];
    if (!question) errors.push({ field: 'question', message: t('assistant.error_empty') });
    else if (question.length > QUESTION_MAX) {
      errors.push({
        field: 'question',
        message: t('error.max_length', { field: t('assistant.label'), limit: QUESTION_MAX }),
      });
    }
    if (errors.length) {
      return send(request, reply, view, assistantPage(view, { question, errors }), { status: 400 });
    }
    if (limiters.enabled) {
      const wait = limiters.assistantQuestions.hit(request.ip);
      if (wait > 0) throw new AppError('rate_limited', { retryAfterSeconds: wait });
    }
    const answer = await source.answerQuestion(db, {
      question,
      channel: 'web',
      log: form.fields.repeat !== '1',
    });
    return send(request, reply, view, answerPage(view, question, answer));
  });
}
