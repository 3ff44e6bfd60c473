import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyReply } from 'fastify';
import { Type } from 'typebox';
import type { Language } from '../../../shared/enums.js';
import type { AppContext } from '../../context.js';
import { CITIZEN_ACTOR } from '../../events/catalogue.js';
import { recordEvent } from '../../events/record-event.js';
import { inTransaction } from '../../lib/transaction.js';
import { findCaseByTrackingCode } from '../cases/storage.js';
import { checkUnsubscribeToken } from './links.js';
import { escapeHtml } from './render.js';
import { CATALOGUES, optOut } from './storage.js';

/**
 * The unsubscribe link of every notification (List-Unsubscribe). GET shows a page with a button, because link
 * scanners and previews open links on their own; POST — from that button or from the mail program's one-click
 * unsubscribe (RFC 8058) — stops the e-mails about that one case. The HMAC token is the authorisation.
 */
export const unsubscribeRoutes: FastifyPluginAsyncTypebox<AppContext> = async (app, ctx) => {
  const { db, config } = ctx;
  // Mail programs post `List-Unsubscribe=One-Click` as a form; its content does not matter.
  app.addContentTypeParser('*', { parseAs: 'string', bodyLimit: 4096 }, (_request, body, done) =>
    done(null, body),
  );

  const Query = Type.Object({
    code: Type.Optional(Type.String({ maxLength: 40 })),
    token: Type.Optional(Type.String({ maxLength: 64 })),
  });

  async function caseOf(query: { code?: string; token?: string }) {
    if (!query.code || !query.token || !checkUnsubscribeToken(config.secret, query.code, query.token)) return;
    return findCaseByTrackingCode(db, query.code);
  }

  app.get('/email/unsubscribe', { schema: { hide: true, querystring: Query } }, async (request, reply) => {
    const found = await caseOf(request.query);
    if (!found) return page(reply, request.language, 'invalid', 404);
    return page(reply, found.language, 'question', 200, found.trackingCode);
  });

  app.post('/email/unsubscribe', { schema: { hide: true, querystring: Query } }, async (request, reply) => {
    const found = await caseOf(request.query);
    if (!found) return page(reply, request.language, 'invalid', 404);
    const now = new Date();
    await inTransaction(db, async (trx) => {
      if (!(await optOut(trx, found.id, now))) return;
      await recordEvent(trx, {
        type: 'case.email_unsubscribed',
        actor: CITIZEN_ACTOR,
        officeId: found.officeId,
        caseId: found.id,
        payload: {},
        at: now,
      });
    });
    return page(reply, found.language, 'done', 200, found.trackingCode);
  });
};

function page(
  reply: FastifyReply,
  language: Language,
  state: 'question' | 'done' | 'invalid',
  status: number,
  code = '',
) {
  const texts = CATALOGUES[language].texts;
  const fill = (text: string) => escapeHtml(text.replace('{{code}}', code));
  const body =
    state === 'invalid'
      ? `<p>${fill(texts.unsubscribeInvalid)}</p>`
      : state === 'done'
        ? `<p>${fill(texts.unsubscribeDone)}</p>`
        : `<p>${fill(texts.unsubscribeQuestion)}</p><form method="post"><button type="submit">${fill(texts.unsubscribeButton)}</button></form>`;
  return reply
    .code(status)
    .header('content-type', 'text/html; charset=utf-8')
    .header('cache-control', 'no-store')
    .header(
      'content-security-policy',
      "default-src 'none'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'",
    )
    .send(
      `<!doctype html><html lang="${language}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><meta name="robots" content="noindex"><title>${fill(texts.unsubscribeTitle)}</title></head><body><main><h1>${fill(texts.unsubscribeTitle)}</h1>${body}</main></body></html>`,
    );
}
