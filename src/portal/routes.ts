import { randomUUID } from 'node:crypto';
import { fastifyCookie } from '@fastify/cookie';
import multipart from '@fastify/multipart';
import type { FastifyError, FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import type { AppContext } from '../server/context.js';
import { AppError } from '../server/errors.js';
import { CITIZEN_ACTOR } from '../server/events/catalogue.js';
import { WindowCounter } from '../server/http/rate-limit.js';
import { isCalendarDate } from '../server/lib/calendar-dates.js';
import { inTransaction } from '../server/lib/transaction.js';
import { addCitizenMessage } from '../server/modules/cases/add-message.js';
import {
  ATTACHMENT_LIMITS,
  AttachmentStore,
  attachFiles,
  findAttachment,
  listAttachments,
  type StoredFile,
} from '../server/modules/cases/attachments.js';
import { caseForCitizen } from '../server/modules/cases/citizen-access.js';
import { createCase } from '../server/modules/cases/create-case.js';
import { loadCaseContext } from '../server/modules/cases/load-case-context.js';
import type { Case } from '../server/modules/cases/model.js';
import type { CaseContext } from '../server/modules/cases/presenters.js';
import { listCaseEvents, listMessages } from '../server/modules/cases/storage.js';
import { transitionCase } from '../server/modules/cases/transition-case.js';
import * as knowledge from '../server/modules/knowledge/public-api.js';
import {
  type Classification,
  findFirstOffice,
  type OfficeWithServices,
} from '../server/modules/offices/storage.js';
import { linkCitizenCase } from '../server/modules/passports/citizen-link.js';
import { normaliseApplicationNumber } from '../server/modules/passports/model.js';
import { checkApplicationStatus } from '../server/modules/passports/status-check.js';
import type { Language } from '../shared/enums.js';
import { servedAssets } from './assets.js';
import { chatPages } from './chat-routes.js';
import type { FieldErrors } from './components.js';
import { type FormData, readForm, type UploadedFile } from './form-data.js';
import type { SafeHtml } from './html.js';
import { integrityPages } from './integrity-routes.js';
import { knowledgePages } from './knowledge-routes.js';
import type { View } from './layout.js';
import { type PortalMessageKey, type Translate, translator } from './messages/index.js';
import { errorPage, homePage } from './pages/home.js';
import { type PassportLookup, passportLookupPage, passportStatusPage } from './pages/passport.js';
import { type CasePageState, type CaseView, type Credentials, casePage, lookupPage } from './pages/status.js';
import { choosePage, confirmationPage, formPage, type Receipt, summaryPage } from './pages/submit.js';
import { publicationPages } from './publication-routes.js';
import {
  CSRF_COOKIE,
  CSRF_FIELD,
  csrfToken,
  csrfTokenValid,
  newCsrfCookieValue,
  seal,
  unseal,
} from './security.js';
import { compressed, pageHeaders, sendPage } from './send.js';
import { type Draft, emptyDraft, isCaseType, readDraft, requireText } from './submission.js';
import { caseSatisfaction, surveyPages } from './survey-routes.js';
import { themeFor } from './theme.js';
import { transparencyPages } from './transparency-routes.js';

const LANGUAGE_COOKIE = 'loket_lang';
const YEAR_SECONDS = 365 * 24 * 3600;
const DRAFT_TTL_MS = 2 * 3600_000;
const RECEIPT_TTL_MS = 3600_000;
const PUBLIC_MESSAGE_KINDS = ['public_reply', 'citizen_message'] as const;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** A request the portal answers with an error page rather than the page asked for. */
class PageError extends Error {
  constructor(readonly kind: 'forbidden' | 'rejected' | 'not_found' | 'expired') {
    super(kind);
  }
}

const isLanguage = (value: unknown): value is Language => value === 'id' || value === 'en';

/**
 * The public portal: server-rendered pages in Indonesian and English that work without JavaScript. One plugin,
 * registered at the root; everything it needs (cookies, multipart forms, its error pages) stays inside it.
 */
export const portalRoutes: FastifyPluginAsync<AppContext> = async (app, ctx) => {
  const { db, config, limiters } = ctx;
  const store = AttachmentStore.inDataDir(config.dataDir);
  const assets = servedAssets();
  /**
   * Files stored per client address: uploads reach the disk before a case exists (so a visitor fixing a typo does
   * not upload again), so they are limited on their own, at the case-creation rule's pace times five files.
   */
  const creation = config.rateLimits.caseCreation;
  const uploadLimiter = new WindowCounter({
    limit: creation.limit * ATTACHMENT_LIMITS.maxFiles,
    windowMs: creation.windowMs,
  });
  /** Receipts of recently sent drafts, so that sending the same summary twice shows the same case. */
  const sentDrafts = new Map<string, { receipt: Receipt; expires: number }>();

  // Pages are not part of the API document.
  app.addHook('onRoute', (route) => {
    route.schema = { ...route.schema, hide: true };
  });
  if (!app.hasRequestDecorator('cookies')) await app.register(fastifyCookie);
  await app.register(multipart, {
    limits: {
      fileSize: ATTACHMENT_LIMITS.maxBytes,
      files: ATTACHMENT_LIMITS.maxFiles + 1,
      fields: 60,
      fieldSize: 64 * 1024,
      parts: 70,
    },
    throwFileSizeLimit: false,
  });
  app.addContentTypeParser(
    'application/x-www-form-urlencoded',
    { parseAs: 'string', bodyLimit: 256 * 1024 },
    (_request, body, done) => done(null, Object.fromEntries(new URLSearchParams(String(body)))),
  );

  // ------------------------------------------------------------------ request helpers

  const cookiesOf = (request: FastifyRequest): Record<string, string | undefined> =>
    request.cookies ?? fastifyCookie.parse(request.headers.cookie ?? '');
  const secureCookies = (request: FastifyRequest) =>
    request.protocol === 'https' || (config.publicUrl?.startsWith('https:') ?? false);

  /** The language: a switch just made, else the remembered choice, else the browser's preference. */
  function languageOf(request: FastifyRequest, reply?: FastifyReply, chosen?: string): Language {
    if (isLanguage(chosen)) {
      reply?.setCookie(LANGUAGE_COOKIE, chosen, {
        path: '/',
        maxAge: YEAR_SECONDS,
        sameSite: 'lax',
        httpOnly: true,
        secure: secureCookies(request),
      });
      return chosen;
    }
    const saved = cookiesOf(request)[LANGUAGE_COOKIE];
    return isLanguage(saved) ? saved : request.language;
  }

  /** The office the portal speaks for: the first one set up (one office per Loket for now), from the cache. */
  async function portalOffice(): Promise<OfficeWithServices | null> {
    return (await findFirstOffice(db)) ?? null;
  }

  function csrfFor(request: FastifyRequest, reply: FastifyReply | undefined): string {
    let value = cookiesOf(request)[CSRF_COOKIE];
    if (!value || !/^[A-Za-z0-9_-]{24}$/.test(value)) {
      if (!reply?.setCookie) return '';
      value = newCsrfCookieValue();
      reply.setCookie(CSRF_COOKIE, value, {
        path: '/',
        sameSite: 'lax',
        httpOnly: true,
        secure: secureCookies(request),
      });
      // Later reads in this request see the new value.
      if (request.cookies) request.cookies[CSRF_COOKIE] = value;
    }
    return csrfToken(config.secret, value);
  }

  async function viewFor(
    request: FastifyRequest,
    reply: FastifyReply | undefined,
    language: Language = languageOf(request),
  ): Promise<View> {
    const office = await portalOffice().catch((error: unknown) => {
      request.log.error({ err: error }, 'portal: office not readable');
      return null;
    });
    return {
      language,
      t: translator(language),
      office,
      theme: themeFor(office?.portal.brandColor ?? null),
      csrf: csrfFor(request, reply),
      path: request.url,
    };
  }

  function send(
    request: FastifyRequest,
    reply: FastifyReply,
    view: View,
    page: SafeHtml,
    options: { status?: number; private?: boolean } = {},
  ) {
    return sendPage(request, reply, page, {
      status: options.status,
      language: view.language,
      styleHash: view.theme.hash,
      private: options.private,
    });
  }

  function checkCsrf(request: FastifyRequest, form: FormData): void {
    if (!csrfTokenValid(config.secret, cookiesOf(request)[CSRF_COOKIE], form.fields[CSRF_FIELD])) {
      throw new PageError('forbidden');
    }
  }

  async function officeOr503(request: FastifyRequest, reply: FastifyReply, view: View) {
    if (view.office) return false;
    await send(
      request,
      reply,
      view,
      errorPage(view, { title: 'layout.no_office_title', body: view.t('layout.no_office_body') }),
      { status: 503 },
    );
    return true;
  }

  // ------------------------------------------------------------------ error pages

  function errorContent(view: View, status: number, retryAfterSeconds = 60, reference?: string) {
    const { t } = view;
    if (status === 404) return { title: 'page.not_found_title' as const, body: t('page.not_found_body') };
    if (status === 429) {
      const minutes = Math.max(1, Math.ceil(retryAfterSeconds / 60));
      return { title: 'page.rate_limited_title' as const, body: t('page.rate_limited_body', { minutes }) };
    }
    if (status === 403) return { title: 'page.forbidden_title' as const, body: t('page.forbidden_body') };
    if (status === 413) return { title: 'page.too_large_title' as const, body: t('page.too_large_body') };
    if (status >= 400 && status < 500) {
      return { title: 'page.bad_request_title' as const, body: t('page.bad_request_body') };
    }
    return { title: 'page.error_title' as const, body: t('page.error_body'), reference };
  }

  async function sendError(
    request: FastifyRequest,
    reply: FastifyReply,
    status: number,
    options: { retryAfterSeconds?: number; content?: { title: PortalMessageKey; body: string } } = {},
  ) {
    const view = await viewFor(request, undefined);
    const content =
      options.content ??
      errorContent(view, status, options.retryAfterSeconds, status >= 500 ? request.id : undefined);
    if (options.retryAfterSeconds) reply.header('retry-after', String(options.retryAfterSeconds));
    return send(request, reply, view, errorPage(view, content), { status });
  }

  app.setErrorHandler(async (error: FastifyError, request, reply) => {
    if (error instanceof PageError) {
      const t = translator(languageOf(request));
      if (error.kind === 'not_found') return sendError(request, reply, 404);
      if (error.kind === 'rejected') {
        return sendError(request, reply, 400, {
          content: { title: 'page.rejected_title', body: t('page.rejected_body') },
        });
      }
      return sendError(request, reply, 403);
    }
    if (error instanceof AppError) {
      if (error.status >= 500) request.log.error({ err: error }, 'portal request failed');
      return sendError(request, reply, error.status, { retryAfterSeconds: error.details.retryAfterSeconds });
    }
    const status = error.statusCode ?? 500;
    if (status >= 500) {
      request.log.error({ err: error }, 'portal: unexpected error');
      return sendError(request, reply, 500);
    }
    return sendError(request, reply, status);
  });

  // Responses made before the portal's own code runs (the global per-address rate limit) arrive as problem
  // documents; a person gets the same answer as a page.
  app.addHook('onSend', async (request, reply, payload) => {
    if (!String(reply.getHeader('content-type') ?? '').startsWith('application/problem+json')) return payload;
    const view = await viewFor(request, undefined);
    const retry = Number(reply.getHeader('retry-after')) || undefined;
    const page = errorPage(view, errorContent(view, reply.statusCode, retry, request.id));
    pageHeaders(reply, { language: view.language, styleHash: view.theme.hash });
    return compressed(reply, request, Buffer.from(`<!doctype html>\n${page.value}`, 'utf8'));
  });

  app.htmlPages.notFound = (request, reply) => sendError(request, reply, 404);

  // ------------------------------------------------------------------ static files and language

  app.get('/assets/:file', async (request, reply) => {
    const path = request.url.split('?')[0];
    const asset = assets.find((a) => a.path === path);
    if (!asset) throw new PageError('not_found');
    reply
      .header('content-type', asset.contentType)
      .header('cache-control', 'public, max-age=31536000, immutable')
      .header('etag', asset.etag);
    if (request.headers['if-none-match'] === asset.etag) return reply.code(304).send();
    return reply.send(compressed(reply, request, asset.body, asset));
  });

  app.get<{ Params: { language: string }; Querystring: { next?: string } }>(
    '/language/:language',
    async (request, reply) => {
      languageOf(request, reply, request.params.language);
      const next = request.query.next;
      const safe = typeof next === 'string' && /^\/(?![/\\])[^\s]*$/.test(next) ? next : '/';
      return reply.redirect(safe, 303);
    },
  );

  // ------------------------------------------------------------------ information pages

  app.get('/', async (request, reply) => {
    const view = await viewFor(request, reply);
    if (await officeOr503(request, reply, view)) return reply;
    return send(request, reply, view, homePage(view), { private: false });
  });

  // The information centre, search and the assistant (issue #5): pages of their own in knowledge-routes.ts.
  knowledgePages(
    app,
    ctx,
    { viewFor, send, checkCsrf, languageOf, notFound: () => new PageError('not_found') },
    knowledge,
  );

  // News, feeds, sitemap and enforcement statistics (issue #9): publication-routes.ts.
  publicationPages(app, ctx, {
    viewFor,
    send,
    checkCsrf,
    languageOf,
    notFound: () => new PageError('not_found'),
  });
  // Live chat without the widget (issue #11): chat-routes.ts.
  chatPages(app, ctx, { viewFor, send, checkCsrf, languageOf, notFound: () => new PageError('not_found') });

  integrityPages(app, {
    db,
    config,
    viewFor,
    languageOf,
    send,
    checkCsrf,
    rejected: () => new PageError('rejected'),
    forbidden: () => new PageError('forbidden'),
    notFound: () => new PageError('not_found'),
  });

  // ------------------------------------------------------------------ submitting a case

  app.get('/submit', async (request, reply) => {
    const view = await viewFor(request, reply);
    return send(request, reply, view, choosePage(view), { private: false });
  });

  app.get<{ Params: { type: string }; Querystring: Record<string, string | undefined> }>(
    '/submit/:type',
    async (request, reply) => {
      const { type } = request.params;
      if (!isCaseType(type)) throw new PageError('not_found');
      const view = await viewFor(request, reply);
      if (await officeOr503(request, reply, view)) return reply;
      const draft = emptyDraft(type);
      const q = request.query;
      if (typeof q.subject === 'string') draft.subject = q.subject.slice(0, 200);
      draft.anonymous = q.anonymous === '1';
      draft.confidential = q.confidential === '1';
      return send(request, reply, view, formPage(view, draft, [], undefined));
    },
  );

  /** Stores the acceptable files; each refused one becomes a message naming it. */
  async function storeUploads(
    request: FastifyRequest,
    files: UploadedFile[],
    t: Translate,
  ): Promise<{ stored: StoredFile[]; errors: string[] }> {
    if (limiters.enabled) {
      for (let i = 0; i < files.length; i++) {
        const wait = uploadLimiter.hit(request.ip);
        if (wait > 0) throw new AppError('rate_limited', { retryAfterSeconds: wait });
      }
    }
    const stored: StoredFile[] = [];
    const errors: string[] = [];
    const size = ATTACHMENT_LIMITS.maxBytes / 1024 / 1024;
    for (const file of files) {
      if (file.problem === 'file_count') {
        const message = t('error.file_count', { count: ATTACHMENT_LIMITS.maxFiles });
        if (!errors.includes(message)) errors.push(message);
      } else if (file.problem || !file.mediaType) {
        errors.push(t(`error.${file.problem ?? 'file_type'}`, { name: file.fileName, size }));
      } else {
        const sha256 = await store.put(file.content);
        stored.push({
          sha256,
          fileName: file.fileName,
          mediaType: file.mediaType,
          size: file.content.length,
        });
      }
    }
    return { stored, errors };
  }

  function sealFiles(files: StoredFile[]) {
    return files.length ? { files, sealed: seal(config.secret, 'files', files, DRAFT_TTL_MS) } : undefined;
  }

  app.post<{ Params: { type: string } }>('/submit/:type', async (request, reply) => {
    const { type } = request.params;
    if (!isCaseType(type)) throw new PageError('not_found');
    const form = await readForm(request);
    checkCsrf(request, form);
    if (form.fields.website) throw new PageError('rejected');
    const view = await viewFor(request, reply);
    if (await officeOr503(request, reply, view)) return reply;
    const { t } = view;
    const offered = unseal<StoredFile[]>(config.secret, 'files', form.fields.kept) ?? [];
    const keep = new Set(Object.entries(form.fields).flatMap(([k, v]) => (k.startsWith('keep-') ? [v] : [])));
    const kept = offered.filter((f) => keep.has(f.sha256));
    const uploads = await storeUploads(request, form.files, t);
    const files = [...kept, ...uploads.stored];
    const { draft, errors } = readDraft(type, form.fields, files, view.office!, t);
    const fileErrors: FieldErrors = uploads.errors.length
      ? [{ field: 'files', message: uploads.errors.join(' ') }]
      : [];
    const all = [...errors.filter((e) => e.field !== 'consent' && e.field !== 'files'), ...fileErrors];
    if (!fileErrors.length) all.push(...errors.filter((e) => e.field === 'files'));
    all.push(...errors.filter((e) => e.field === 'consent'));
    if (all.length)
      return send(request, reply, view, formPage(view, draft, all, sealFiles(files)), { status: 400 });
    const sealed = seal(config.secret, 'draft', { ...draft, nonce: randomUUID() }, DRAFT_TTL_MS);
    return send(request, reply, view, summaryPage(view, draft, sealed));
  });

  app.post<{ Params: { type: string } }>('/submit/:type/send', async (request, reply) => {
    const form = await readForm(request);
    checkCsrf(request, form);
    const sealed = form.fields.draft;
    const draft = unseal<Draft & { nonce: string }>(config.secret, 'draft', sealed);
    if (!draft || draft.type !== request.params.type) throw new PageError('forbidden');
    const view = await viewFor(request, reply, languageOf(request, reply, form.fields.lang));
    if (await officeOr503(request, reply, view)) return reply;
    if (form.fields.action === 'change') {
      return send(request, reply, view, formPage(view, draft, [], sealFiles(draft.files)));
    }
    if (form.fields.action !== 'send') return send(request, reply, view, summaryPage(view, draft, sealed!));

    const now = Date.now();
    for (const [nonce, sent] of sentDrafts) if (sent.expires <= now) sentDrafts.delete(nonce);
    let receipt = sentDrafts.get(draft.nonce)?.receipt;
    if (!receipt) {
      if (limiters.enabled) {
        const wait = limiters.caseCreation.hit(request.ip);
        if (wait > 0) throw new AppError('rate_limited', { retryAfterSeconds: wait });
      }
      for (const file of draft.files) if (!(await store.has(file.sha256))) throw new PageError('expired');
      const created = await inTransaction(db, async (trx) => {
        const made = await createCase(
          trx,
          CITIZEN_ACTOR,
          {
            type: draft.type,
            officeCode: view.office!.code,
            subject: draft.subject,
            description: draft.description,
            categoryCode: draft.category || undefined,
            channel: 'web',
            language: view.language,
            contact: {
              name: draft.name || undefined,
              email: draft.email || undefined,
              phone: draft.phone || undefined,
            },
            anonymous: draft.anonymous,
            confidential: draft.confidential,
          },
          config,
        );
        await linkCitizenCase(trx, made.case, normaliseApplicationNumber(draft.passportNumber ?? ''));
        await attachFiles(trx, { caseId: made.case.id, messageId: null, authorType: 'citizen' }, draft.files);
        return made;
      });
      receipt = { code: created.case.trackingCode, key: created.accessKey, email: draft.email };
      sentDrafts.set(draft.nonce, { receipt, expires: now + DRAFT_TTL_MS });
    }
    const sealedReceipt = seal(config.secret, 'receipt', receipt, RECEIPT_TTL_MS);
    return send(request, reply, view, confirmationPage(view, receipt, sealedReceipt), { status: 201 });
  });

  app.post('/submit/receipt', async (request, reply) => {
    const form = await readForm(request);
    checkCsrf(request, form);
    const receipt = unseal<Receipt>(config.secret, 'receipt', form.fields.receipt);
    if (!receipt) throw new PageError('forbidden');
    const view = await viewFor(request, reply, languageOf(request, reply, form.fields.lang));
    return send(request, reply, view, confirmationPage(view, receipt, form.fields.receipt!));
  });

  // ------------------------------------------------------------------ passport application status

  app.get('/passport', async (request, reply) => {
    const view = await viewFor(request, reply);
    return send(request, reply, view, passportLookupPage(view, {}, []));
  });

  /** Number and date of birth are posted, never put in a URL; failures count like the case look-up's. */
  app.post('/passport', async (request, reply) => {
    const form = await readForm(request);
    checkCsrf(request, form);
    const view = await viewFor(request, reply, languageOf(request, reply, form.fields.lang));
    const { t } = view;
    const asked: PassportLookup = {
      number: (form.fields.number ?? '').trim().slice(0, 60),
      day: (form.fields.day ?? '').trim().slice(0, 2),
      month: (form.fields.month ?? '').trim().slice(0, 2),
      year: (form.fields.year ?? '').trim().slice(0, 4),
    };
    const birthDate = `${asked.year}-${asked.month!.padStart(2, '0')}-${asked.day!.padStart(2, '0')}`;
    const errors: FieldErrors = [];
    if (!asked.number)
      errors.push({
        field: 'number',
        message: t('error.required', { field: t('passport.number').toLowerCase() }),
      });
    if (!/^\d{4}$/.test(asked.year!) || !isCalendarDate(birthDate))
      errors.push({ field: 'day', message: t('passport.invalid_date') });
    if (errors.length)
      return send(request, reply, view, passportLookupPage(view, asked, errors), { status: 400 });
    try {
      const status = await checkApplicationStatus(ctx, request.ip, asked.number!, birthDate);
      return send(request, reply, view, passportStatusPage(view, status, asked));
    } catch (error) {
      if (!(error instanceof AppError) || error.code !== 'application_not_found') throw error;
      return send(request, reply, view, passportLookupPage(view, asked, [], true), { status: 404 });
    }
  });

  // ------------------------------------------------------------------ following a case

  app.get('/status', async (request, reply) => {
    const view = await viewFor(request, reply);
    return send(request, reply, view, lookupPage(view, {}, []));
  });

  /**
   * The case the posted code and key open. When they do not, the look-up page has already been sent (with the
   * same message for an unknown code and a wrong key) and the result is undefined.
   */
  async function openCase(
    request: FastifyRequest,
    reply: FastifyReply,
    view: View,
    form: FormData,
  ): Promise<{ found: Case; credentials: Credentials } | undefined> {
    const { t } = view;
    const credentials = { code: (form.fields.code ?? '').trim(), key: (form.fields.key ?? '').trim() };
    const errors: FieldErrors = [];
    if (!credentials.code)
      errors.push({ field: 'code', message: t('error.required', { field: t('status.code').toLowerCase() }) });
    if (!credentials.key)
      errors.push({ field: 'key', message: t('error.required', { field: t('status.key').toLowerCase() }) });
    if (errors.length) {
      await send(request, reply, view, lookupPage(view, credentials, errors), { status: 400 });
      return undefined;
    }
    try {
      const found = await caseForCitizen(ctx, request.ip, credentials.code, credentials.key.slice(0, 64));
      return { found, credentials: { code: found.trackingCode, key: credentials.key } };
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      if (error.code === 'invalid_tracking_code') {
        const formatError = [{ field: 'code', message: t('error.code_format') }];
        await send(request, reply, view, lookupPage(view, credentials, formatError), { status: 400 });
        return undefined;
      }
      if (error.code !== 'case_not_found') throw error;
      await send(request, reply, view, lookupPage(view, credentials, [], true), { status: 404 });
      return undefined;
    }
  }

  /**
   * Names of the case's service and category. The portal's office (kept a few seconds) already has them; the
   * database is asked only for another office's case, an inactive category or a merged case's target.
   */
  async function contextFor(found: Case, office: OfficeWithServices | null): Promise<CaseContext> {
    if (office && office.id === found.officeId && !found.mergedIntoId) {
      const classifications = new Map<string, Classification>();
      for (const service of office.services) {
        classifications.set(service.id, { code: service.code, name: service.name });
        for (const c of service.categories) classifications.set(c.id, { code: c.code, name: c.name });
      }
      if ([found.serviceId, found.categoryId].every((id) => !id || classifications.has(id))) {
        return { office, classifications };
      }
    }
    return loadCaseContext(db, found);
  }

  async function caseView(found: Case, office: OfficeWithServices | null): Promise<CaseView> {
    const [context, statusEvents, messages, attachments] = await Promise.all([
      contextFor(found, office),
      listCaseEvents(db, found.id, ['case.status_changed']),
      listMessages(db, found.id, PUBLIC_MESSAGE_KINDS),
      listAttachments(db, found.id),
    ]);
    return { current: found, context, statusEvents, messages, attachments };
  }

  async function showCase(
    request: FastifyRequest,
    reply: FastifyReply,
    view: View,
    found: Case,
    credentials: Credentials,
    state: CasePageState = {},
  ) {
    const satisfaction = await caseSatisfaction(ctx, view, found, credentials);
    const page = casePage(
      view,
      { ...(await caseView(found, view.office)), satisfaction },
      credentials,
      state,
    );
    return send(request, reply, view, page, { status: state.status });
  }

  app.post('/status', async (request, reply) => {
    const form = await readForm(request);
    checkCsrf(request, form);
    const view = await viewFor(request, reply, languageOf(request, reply, form.fields.lang));
    const opened = await openCase(request, reply, view, form);
    if (!opened) return reply;
    return showCase(request, reply, view, opened.found, opened.credentials);
  });

  app.post('/status/reply', async (request, reply) => {
    const form = await readForm(request);
    checkCsrf(request, form);
    const view = await viewFor(request, reply);
    const opened = await openCase(request, reply, view, form);
    if (!opened) return reply;
    const { t } = view;
    const body = (form.fields.body ?? '').replace(/\r\n?/g, '\n').trim();
    const errors: FieldErrors = [];
    requireText(errors, t, 'body', t('status.reply_body'), body);
    const uploads = await storeUploads(request, form.files, t);
    if (uploads.errors.length) errors.push({ field: 'files', message: uploads.errors.join(' ') });
    if (errors.length) {
      return showCase(request, reply, view, opened.found, opened.credentials, {
        errors,
        reply: body,
        status: 400,
      });
    }
    try {
      const after = await inTransaction(db, async (trx) => {
        const added = await addCitizenMessage(trx, CITIZEN_ACTOR, opened.found, { body });
        await attachFiles(
          trx,
          { caseId: opened.found.id, messageId: added.message.id, authorType: 'citizen' },
          uploads.stored,
        );
        return added.case;
      });
      return showCase(request, reply, view, after, opened.credentials, { notice: 'status.reply_sent' });
    } catch (error) {
      if (!(error instanceof AppError) || error.code !== 'case_closed') throw error;
      const current = await caseForCitizen(ctx, request.ip, opened.credentials.code, opened.credentials.key);
      return showCase(request, reply, view, current, opened.credentials, {
        notice: 'status.changed',
        status: 409,
      });
    }
  });

  /** Confirm (resolved → closed) or reopen (resolved → in progress), on the version the citizen saw. */
  async function decide(request: FastifyRequest, reply: FastifyReply, to: 'closed' | 'in_progress') {
    const form = await readForm(request);
    checkCsrf(request, form);
    const view = await viewFor(request, reply);
    const opened = await openCase(request, reply, view, form);
    if (!opened) return reply;
    const reason = (form.fields.reason ?? '').replace(/\r\n?/g, '\n').trim();
    if (to === 'in_progress' && reason.length > 10_000) {
      const errors = [
        {
          field: 'reason',
          message: view.t('error.max_length', { field: view.t('status.reply_body'), limit: 10_000 }),
        },
      ];
      return showCase(request, reply, view, opened.found, opened.credentials, { errors, status: 400 });
    }
    const version = Number(form.fields.version);
    if (opened.found.status !== 'resolved' || !Number.isInteger(version)) {
      return showCase(request, reply, view, opened.found, opened.credentials, {
        notice: 'status.changed',
        status: 409,
      });
    }
    try {
      const after = await inTransaction(db, async (trx) => {
        const moved = await transitionCase(trx, CITIZEN_ACTOR, opened.found.trackingCode, {
          to,
          expectedVersion: version,
        });
        if (to === 'in_progress' && reason)
          await addCitizenMessage(trx, CITIZEN_ACTOR, moved, { body: reason });
        return moved;
      });
      const notice = to === 'closed' ? 'status.confirmed' : 'status.reopened';
      return showCase(request, reply, view, after, opened.credentials, { notice });
    } catch (error) {
      if (!(error instanceof AppError) || !['version_conflict', 'invalid_transition'].includes(error.code))
        throw error;
      const current = await caseForCitizen(ctx, request.ip, opened.credentials.code, opened.credentials.key);
      return showCase(request, reply, view, current, opened.credentials, {
        notice: 'status.changed',
        status: 409,
      });
    }
  }

  // Satisfaction (issue #8): the SKM questionnaire, one-time links, the kiosk and the per-case rating.
  surveyPages(app, ctx, {
    viewFor,
    languageOf,
    send,
    checkCsrf,
    rejected: () => new PageError('rejected'),
    openCase,
    showCase,
  });
  transparencyPages(app, ctx, { viewFor, send });

  app.post('/status/confirm', (request, reply) => decide(request, reply, 'closed'));
  app.post('/status/reopen', (request, reply) => decide(request, reply, 'in_progress'));

  app.post<{ Params: { id: string } }>('/status/attachments/:id', async (request, reply) => {
    const form = await readForm(request);
    checkCsrf(request, form);
    const view = await viewFor(request, reply);
    const opened = await openCase(request, reply, view, form);
    if (!opened) return reply;
    const id = request.params.id.toLowerCase();
    const attachment = UUID.test(id) ? await findAttachment(db, opened.found.id, id) : undefined;
    if (!attachment) throw new PageError('not_found');
    const content = await store.read(attachment.sha256);
    const ascii = attachment.fileName.replace(/[^\x20-\x7e]|["\\]/g, '_');
    return reply
      .header('content-type', attachment.mediaType)
      .header(
        'content-disposition',
        `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(attachment.fileName)}`,
      )
      .header('content-security-policy', "default-src 'none'; sandbox")
      .header('cache-control', 'no-store')
      .send(content);
  });
};
