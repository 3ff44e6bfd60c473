import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { AppContext } from '../server/context.js';
import { nationalityName } from '../server/modules/publications/enforcement-records.js';
import { findImage } from '../server/modules/publications/images.js';
import { PUBLICATION_CATEGORIES, type PublicationCategory } from '../server/modules/publications/model.js';
import {
  enforcementStatistics,
  feedItems,
  getPublished,
  listPublished,
  type PublishedArticle,
  sitemapEntries,
} from '../server/modules/publications/public-content.js';
import type { Language } from '../shared/enums.js';
import type { FieldErrors } from './components.js';
import type { PortalKit } from './knowledge-routes.js';
import { officeName } from './layout.js';
import { translator } from './messages/index.js';
import { newsArticlePage, newsListPage, newsPath, statisticsPage } from './pages/news.js';
import { atomFeed, type FeedInfo, rssFeed, sitemap } from './pages/news-feeds.js';

const isLanguage = (value: unknown): value is Language => value === 'id' || value === 'en';
const isCategory = (value: unknown): value is PublicationCategory =>
  typeof value === 'string' && (PUBLICATION_CATEGORIES as readonly string[]).includes(value);
const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const FEED_CACHE = 'public, max-age=300';

type Query = Record<string, unknown>;

/**
 * The news pages of the portal (issue #9): list, article, RSS and Atom feeds per language and category,
 * sitemap.xml and the enforcement statistics. Registered inside the portal plugin (its error pages, language and
 * layout); they read only the live copies of publications (modules/publications/public-content.ts).
 */
export function publicationPages(app: FastifyInstance, ctx: AppContext, kit: PortalKit): void {
  const { db, config } = ctx;

  /** Absolute addresses for feeds and sharing: the configured public URL, else the request's own. */
  const originOf = (request: FastifyRequest) =>
    (config.publicUrl ?? `${request.protocol}://${request.host}`).replace(/\/+$/, '');

  function languageIn(params: { lang: string }): Language {
    if (!isLanguage(params.lang)) throw kit.notFound();
    return params.lang;
  }

  const validDate = (value: unknown) =>
    typeof value === 'string' && DATE.test(value) && !Number.isNaN(Date.parse(`${value}T00:00:00Z`));

  // The filter form sends its language as a field; the list lives at /news/{lang}.
  app.get<{ Querystring: Query }>('/news', async (request, reply) => {
    const { lang, ...rest } = request.query;
    const language = isLanguage(lang) ? lang : kit.languageOf(request);
    const params = new URLSearchParams();
    for (const [key, value] of Object.entries(rest))
      if (typeof value === 'string' && value && ['category', 'from', 'to'].includes(key))
        params.set(key, value);
    const query = params.toString();
    reply.header('cache-control', 'no-store');
    return reply.redirect(`${newsPath(language)}${query ? `?${query}` : ''}`, 303);
  });

  app.get<{ Params: { lang: string }; Querystring: Query }>('/news/:lang', async (request, reply) => {
    const language = languageIn(request.params);
    const view = await kit.viewFor(request, reply, language);
    const { t } = view;
    const q = request.query;
    const errors: FieldErrors = [];
    const from = typeof q.from === 'string' && q.from ? q.from : undefined;
    const to = typeof q.to === 'string' && q.to ? q.to : undefined;
    if (from && !validDate(from)) errors.push({ field: 'from', message: t('news.error_date') });
    if (to && !validDate(to)) errors.push({ field: 'to', message: t('news.error_date') });
    if (!errors.length && from && to && from > to)
      errors.push({ field: 'to', message: t('news.error_order') });
    const filter = {
      language,
      category: isCategory(q.category) ? q.category : undefined,
      from: errors.length ? undefined : from,
      to: errors.length ? undefined : to,
      page: typeof q.page === 'string' && /^\d{1,4}$/.test(q.page) ? Number(q.page) : 1,
    };
    const result = await listPublished(db, filter);
    const page = newsListPage(view, {
      filter: { ...filter, from, to },
      ...result,
      errors,
      origin: originOf(request),
    });
    return kit.send(request, reply, view, page, { status: errors.length ? 400 : 200, private: false });
  });

  function feedInfo(
    request: FastifyRequest,
    language: Language,
    category: PublicationCategory | undefined,
    kind: string,
  ) {
    const t = translator(language);
    const origin = originOf(request);
    const query = category ? `?category=${category}` : '';
    const info: FeedInfo = {
      title: category ? `${t('news.title')}: ${t(`news.category.${category}`)}` : t('news.title'),
      description: t('news.lead'),
      language,
      pageUrl: `${origin}${newsPath(language)}${query}`,
      selfUrl: `${origin}${newsPath(language, `/feed.${kind}`)}${query}`,
      origin,
      citationLines: (item: PublishedArticle) =>
        item.citations.map((c) => `${c.label} — ${t(`news.action.${c.action}`)}, ${c.legalBasis}`),
    };
    return info;
  }

  async function sendFeed(
    request: FastifyRequest<{ Params: { lang: string }; Querystring: Query }>,
    reply: FastifyReply,
    kind: 'rss' | 'atom',
  ) {
    const language = languageIn(request.params);
    const category = request.query.category;
    if (category !== undefined && !isCategory(category)) throw kit.notFound();
    const items = await feedItems(db, language, category);
    const info = feedInfo(request, language, category, kind);
    const view = await kit.viewFor(request, undefined, language);
    const body = kind === 'rss' ? rssFeed(info, items) : atomFeed(info, items, officeName(view));
    return reply
      .header(
        'content-type',
        kind === 'rss' ? 'application/rss+xml; charset=utf-8' : 'application/atom+xml; charset=utf-8',
      )
      .header('cache-control', FEED_CACHE)
      .send(body);
  }

  app.get<{ Params: { lang: string }; Querystring: Query }>('/news/:lang/feed.rss', (request, reply) =>
    sendFeed(request, reply, 'rss'),
  );
  app.get<{ Params: { lang: string }; Querystring: Query }>('/news/:lang/feed.atom', (request, reply) =>
    sendFeed(request, reply, 'atom'),
  );

  app.get<{ Params: { lang: string }; Querystring: Query }>(
    '/news/:lang/statistics',
    async (request, reply) => {
      const language = languageIn(request.params);
      const view = await kit.viewFor(request, reply, language);
      const thisYear = new Date().getUTCFullYear();
      const asked = typeof request.query.year === 'string' ? Number(request.query.year) : thisYear;
      const year = Number.isInteger(asked) && asked >= 2000 && asked <= thisYear ? asked : thisYear;
      const stats = await enforcementStatistics(db, view.office?.id ?? null, year);
      const years = Array.from({ length: 5 }, (_, i) => thisYear - i);
      return kit.send(
        request,
        reply,
        view,
        statisticsPage(view, {
          ...stats,
          years,
          byNationality: stats.byNationality.map((row) => ({
            ...row,
            label: nationalityName(row.key, language),
          })),
        }),
        { private: false },
      );
    },
  );

  app.get<{ Params: { lang: string; slug: string } }>('/news/:lang/:slug', async (request, reply) => {
    const language = languageIn(request.params);
    const { slug } = request.params;
    const article = SLUG.test(slug) ? await getPublished(db, language, slug) : null;
    if (!article) throw kit.notFound();
    const view = await kit.viewFor(request, reply, language);
    return kit.send(request, reply, view, newsArticlePage(view, article, originOf(request)), {
      private: false,
    });
  });

  app.get<{ Params: { id: string } }>('/news/images/:id', async (request, reply) => {
    const { id } = request.params;
    const image = /^[0-9a-f-]{36}$/.test(id) ? await findImage(db, id) : null;
    if (!image) throw kit.notFound();
    return reply
      .header('content-type', image.contentType)
      .header('cache-control', 'public, max-age=31536000, immutable')
      .header('content-security-policy', "default-src 'none'; sandbox")
      .header('x-content-type-options', 'nosniff')
      .send(image.data);
  });

  app.get('/sitemap.xml', async (request, reply) => {
    const origin = originOf(request);
    const fixed = (['id', 'en'] as const).flatMap((lang) => [
      { path: newsPath(lang) },
      { path: `/knowledge/${lang}` },
      { path: newsPath(lang, '/statistics') },
    ]);
    const entries = [{ path: '/' }, ...fixed, ...(await sitemapEntries(db))];
    return reply
      .header('content-type', 'application/xml; charset=utf-8')
      .header('cache-control', FEED_CACHE)
      .send(sitemap(origin, entries));
  });
}
