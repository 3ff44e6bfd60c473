import { createHmac, randomBytes } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Config } from '../server/config.js';
import type { Db } from '../server/db/connection.js';
import { AppError } from '../server/errors.js';
import { WindowCounter } from '../server/http/rate-limit.js';
import { listCheckpoints } from '../server/modules/audit/checkpoints.js';
import { ATTACHMENT_LIMITS } from '../server/modules/cases/attachments.js';
import {
  downloadHeaders,
  type IncomingFile,
  IntegrityFileStore,
} from '../server/modules/integrity/attachments.js';
import { formatReceipt, normaliseReceipt } from '../server/modules/integrity/crypto.js';
import { ChallengeChecker, issueChallenge } from '../server/modules/integrity/proof-of-work.js';
import {
  addReporterMessage,
  INTEGRITY_CATEGORIES,
  type IntegrityCategory,
  MAX_CONTACT_LENGTH,
  MAX_REPORT_LENGTH,
  openWithReceiptOnly,
  readAttachmentWithReceipt,
  submitIntegrityReport,
} from '../server/modules/integrity/reports.js';
import type { Language } from '../shared/enums.js';
import type { FieldErrors } from './components.js';
import { type FormData, readForm, type UploadedFile } from './form-data.js';
import type { SafeHtml } from './html.js';
import type { View } from './layout.js';
import type { Translate } from './messages/index.js';
import { checkpointsPage } from './pages/checkpoints.js';
import {
  EMPTY_INTEGRITY_DRAFT,
  type IntegrityDraft,
  integrityFormPage,
  integrityLookupPage,
  integrityReceiptPage,
  integrityReportPage,
  integrityUnavailablePage,
} from './pages/integrity.js';
import { seal, unseal } from './security.js';

export interface PortalHelpers {
  db: Db;
  config: Config;
  viewFor(request: FastifyRequest, reply: FastifyReply | undefined, language?: Language): Promise<View>;
  languageOf(request: FastifyRequest, reply?: FastifyReply, chosen?: string): Language;
  send(
    request: FastifyRequest,
    reply: FastifyReply,
    view: View,
    page: SafeHtml,
    options?: { status?: number; private?: boolean },
  ): unknown;
  checkCsrf(request: FastifyRequest, form: FormData): void;
  rejected(): Error;
  forbidden(): Error;
  notFound(): Error;
}

/** Submissions per office and 10 minutes, counted for everyone together: nobody's address is looked at. */
const SUBMISSIONS_PER_WINDOW = 60;
/** Wrong receipts per client and 10 minutes; the client is an HMAC of its address under a key that lives in memory. */
const LOOKUP_FAILURES_PER_WINDOW = 20;

/**
 * The integrity channel's pages ("Laporkan pungli, calo atau suap"). These routes log nothing per request
 * (`logLevel: 'warn'`): an access log line would keep the precise time of a report. Errors are still logged.
 */
export function integrityPages(app: FastifyInstance, h: PortalHelpers): void {
  const { db, config } = h;
  const store = IntegrityFileStore.inDataDir(config.dataDir);
  const quiet = { logLevel: 'warn' as const };
  const challenges = new ChallengeChecker(config.secret);
  const submissions = new WindowCounter({ limit: SUBMISSIONS_PER_WINDOW, windowMs: 10 * 60_000 });
  const lookupFailures = new WindowCounter({ limit: LOOKUP_FAILURES_PER_WINDOW, windowMs: 10 * 60_000 });
  const memoryKey = randomBytes(32);
  const clientKey = (request: FastifyRequest) =>
    createHmac('sha256', memoryKey).update(request.ip).digest('base64url');

  async function hasOfficer(officeId: string): Promise<boolean> {
    const row = await db
      .selectFrom('integrity_officer_keys')
      .select('user_id')
      .where('office_id', '=', officeId)
      .where('status', '=', 'active')
      .executeTakeFirst();
    return row !== undefined;
  }

  async function showForm(
    request: FastifyRequest,
    reply: FastifyReply,
    view: View,
    draft: IntegrityDraft,
    errors: FieldErrors,
  ) {
    const page = integrityFormPage(view, draft, errors, issueChallenge(config.secret));
    return h.send(request, reply, view, page, { status: errors.length ? 400 : 200, private: true });
  }

  /** The acceptable files, and one message for each refused one (the same checks and texts as case forms). */
  function checkFiles(files: UploadedFile[], t: Translate): { files: IncomingFile[]; errors: string[] } {
    const accepted: IncomingFile[] = [];
    const errors: string[] = [];
    const size = ATTACHMENT_LIMITS.maxBytes / 1024 / 1024;
    for (const file of files) {
      if (file.problem === 'file_count') {
        const message = t('error.file_count', { count: ATTACHMENT_LIMITS.maxFiles });
        if (!errors.includes(message)) errors.push(message);
      } else if (file.problem || !file.mediaType) {
        errors.push(t(`error.${file.problem ?? 'file_type'}`, { name: file.fileName, size }));
      } else {
        accepted.push({ fileName: file.fileName, mediaType: file.mediaType, content: file.content });
      }
    }
    return { files: accepted, errors };
  }

  // The published audit checkpoints (accountability, with the integrity channel).
  app.get('/audit', async (request, reply) => {
    const view = await h.viewFor(request, reply);
    const year = new Date().getUTCFullYear();
    const integrity = view.office ? { year, count: await reportsReceivedSince(view.office.id, year) } : null;
    return h.send(request, reply, view, checkpointsPage(view, await listCheckpoints(db, 30), integrity), {
      private: false,
    });
  });

  /**
   * Integrity reports appear in public figures only as one total per year: never by category, status or day, so
   * that the figures cannot help anyone guess who reported what.
   */
  async function reportsReceivedSince(officeId: string, year: number): Promise<number> {
    const row = await db
      .selectFrom('integrity_reports')
      .select((eb) => eb.fn.countAll<number>().as('count'))
      .where('office_id', '=', officeId)
      .where('received_day', '>=', `${year}-01-01`)
      .executeTakeFirstOrThrow();
    return Number(row.count);
  }

  app.get('/integrity', quiet, async (request, reply) => {
    const view = await h.viewFor(request, reply);
    if (!view.office || !(await hasOfficer(view.office.id)))
      return h.send(request, reply, view, integrityUnavailablePage(view), { private: false });
    return showForm(request, reply, view, EMPTY_INTEGRITY_DRAFT, []);
  });

  app.post('/integrity', quiet, async (request, reply) => {
    const form = await readForm(request);
    h.checkCsrf(request, form);
    if (form.fields.website) throw h.rejected();
    const view = await h.viewFor(request, reply);
    if (!view.office || !(await hasOfficer(view.office.id)))
      return h.send(request, reply, view, integrityUnavailablePage(view), { status: 503 });
    const { t } = view;
    const draft: IntegrityDraft = {
      category: form.fields.category ?? '',
      description: (form.fields.description ?? '').trim(),
      wantsContact: form.fields.wants_contact === '1',
      contact: (form.fields.contact ?? '').trim(),
    };
    const errors: FieldErrors = [];
    if (!(INTEGRITY_CATEGORIES as readonly string[]).includes(draft.category))
      errors.push({ field: 'category', message: t('integrity.error_category') });
    if (draft.description.length < 20)
      errors.push({ field: 'description', message: t('integrity.error_description') });
    if (draft.description.length > MAX_REPORT_LENGTH)
      errors.push({
        field: 'description',
        message: t('integrity.error_too_long', { limit: MAX_REPORT_LENGTH }),
      });
    if (draft.wantsContact && (draft.contact.length < 3 || draft.contact.length > MAX_CONTACT_LENGTH))
      errors.push({ field: 'contact', message: t('integrity.error_contact') });
    const uploads = checkFiles(form.files, t);
    if (uploads.errors.length) errors.push({ field: 'files', message: uploads.errors.join(' ') });
    // Files are never kept before the report is sent (they would lie on disk unencrypted): ask for them again.
    else if (errors.length && uploads.files.length)
      errors.push({ field: 'files', message: t('integrity.files_again') });
    if (errors.length) return showForm(request, reply, view, draft, errors);
    const outcome = challenges.check(form.fields.challenge, form.fields.pow || undefined);
    if (outcome !== 'ok')
      return showForm(request, reply, view, draft, [
        {
          field: 'description',
          message: t(outcome === 'too_early' ? 'integrity.error_too_early' : 'integrity.error_challenge'),
        },
        ...(uploads.files.length ? [{ field: 'files', message: t('integrity.files_again') }] : []),
      ]);
    const wait = submissions.hit(view.office.id);
    if (wait > 0) throw new AppError('rate_limited', { retryAfterSeconds: wait });
    const { receipt } = await submitIntegrityReport(db, {
      officeId: view.office.id,
      category: draft.category as IntegrityCategory,
      description: draft.description,
      // Contact only when the reporter chose to give it.
      contact: draft.wantsContact ? draft.contact : null,
      secret: config.secret,
      now: new Date(),
      files: uploads.files,
      store,
    });
    const shown = formatReceipt(receipt);
    const sealed = seal(config.secret, 'integrity-receipt', shown, 3_600_000);
    return h.send(request, reply, view, integrityReceiptPage(view, shown, sealed), {
      status: 201,
      private: true,
    });
  });

  app.post('/integrity/receipt', quiet, async (request, reply) => {
    const form = await readForm(request);
    h.checkCsrf(request, form);
    const shown = unseal<string>(config.secret, 'integrity-receipt', form.fields.receipt);
    if (!shown) throw h.forbidden();
    const view = await h.viewFor(request, reply, h.languageOf(request, reply, form.fields.lang));
    return h.send(request, reply, view, integrityReceiptPage(view, shown, form.fields.receipt!), {
      private: true,
    });
  });

  app.get('/integrity/follow-up', quiet, async (request, reply) => {
    const view = await h.viewFor(request, reply);
    return h.send(request, reply, view, integrityLookupPage(view, []), { private: true });
  });

  /** Opens the report a receipt names, or answers the look-up form with an error (same for any wrong receipt). */
  async function openOrRefuse(
    request: FastifyRequest,
    reply: FastifyReply,
    view: View,
    input: string | undefined,
  ) {
    const key = clientKey(request);
    const wait = lookupFailures.blockedFor(key);
    if (wait > 0) throw new AppError('rate_limited', { retryAfterSeconds: wait });
    const receipt = normaliseReceipt(input ?? '');
    const opened = receipt ? await openWithReceiptOnly(db, config.secret, receipt) : null;
    if (!opened || !receipt) {
      lookupFailures.hit(key);
      await h.send(
        request,
        reply,
        view,
        integrityLookupPage(view, [{ field: 'receipt', message: view.t('integrity.error_receipt') }]),
        { status: 404, private: true },
      );
      return null;
    }
    return { receipt, opened };
  }

  app.post('/integrity/follow-up', quiet, async (request, reply) => {
    const form = await readForm(request);
    h.checkCsrf(request, form);
    const view = await h.viewFor(request, reply, h.languageOf(request, reply, form.fields.lang));
    const found = await openOrRefuse(request, reply, view, form.fields.receipt);
    if (!found) return reply;
    const page = integrityReportPage(view, formatReceipt(found.receipt), found.opened.view, []);
    return h.send(request, reply, view, page, { private: true });
  });

  app.post('/integrity/follow-up/reply', quiet, async (request, reply) => {
    const form = await readForm(request);
    h.checkCsrf(request, form);
    const view = await h.viewFor(request, reply);
    const found = await openOrRefuse(request, reply, view, form.fields.receipt);
    if (!found) return reply;
    const body = (form.fields.body ?? '').replace(/\r\n?/g, '\n').trim();
    const shown = formatReceipt(found.receipt);
    const uploads = checkFiles(form.files, view.t);
    const errors: FieldErrors = [];
    if ((body.length < 1 && uploads.files.length === 0) || body.length > MAX_REPORT_LENGTH)
      errors.push({ field: 'body', message: view.t('integrity.error_reply') });
    if (uploads.errors.length) errors.push({ field: 'files', message: uploads.errors.join(' ') });
    if (errors.length) {
      return h.send(request, reply, view, integrityReportPage(view, shown, found.opened.view, errors), {
        status: 400,
        private: true,
      });
    }
    await addReporterMessage(db, config.secret, found.receipt, body, new Date(), {
      store,
      list: uploads.files,
    });
    const again = await openWithReceiptOnly(db, config.secret, found.receipt);
    return h.send(request, reply, view, integrityReportPage(view, shown, again!.view, []), { private: true });
  });

  /** A file of the reporter's own thread: POST, so the receipt stays out of URLs and logs. */
  app.post<{ Params: { id: string } }>(
    '/integrity/follow-up/attachments/:id',
    quiet,
    async (request, reply) => {
      const form = await readForm(request);
      h.checkCsrf(request, form);
      const view = await h.viewFor(request, reply);
      const found = await openOrRefuse(request, reply, view, form.fields.receipt);
      if (!found) return reply;
      const id = request.params.id.toLowerCase();
      const file = /^[0-9a-f-]{36}$/.test(id)
        ? await readAttachmentWithReceipt(db, config.secret, store, found.receipt, id)
        : null;
      if (!file) throw h.notFound();
      return reply.headers(downloadHeaders(file)).send(file.content);
    },
  );
}
