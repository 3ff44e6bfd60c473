import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyReply } from 'fastify';
import { Type } from 'typebox';
import type { Language } from '../../../shared/enums.js';
import type { AppContext } from '../../context.js';
import { CITIZEN_ACTOR } from '../../events/catalogue.js';
import { escapeHtml } from '../email/render.js';
import { checkPassportUnsubscribeToken, PASSPORT_MAIL_CATALOGUES } from './notifications.js';
import { findApplication } from './storage.js';
import { withdrawConsent } from './withdraw-consent.js';

/**
 * The unsubscribe link of passport e-mails: GET shows a button (link scanners open links on their own), POST —
 * the button or the mail program's one-click unsubscribe (RFC 8058) — withdraws the applicant's consent.
 */
export const passportUnsubscribeRoutes: FastifyPluginAsyncTypebox<AppContext> = async (app, ctx) => {
  const { db, config } = ctx;
  app.addContentTypeParser('*', { parseAs: 'string', bodyLimit: 4096 }, (_request, body, done) =>
    done(null, body),
  );
  const Query = Type.Object({
    id: Type.Optional(Type.String({ maxLength: 40 })),
    token: Type.Optional(Type.String({ maxLength: 64 })),
  });

  async function applicationOf(query: { id?: string; token?: string }) {
    if (!query.id || !query.token || !/^[0-9a-f-]{36}$/.test(query.id)) return;
    if (!checkPassportUnsubscribeToken(config.secret, query.id, query.token)) return;
    return findApplication(db, query.id);
  }

  app.get('/passport/unsubscribe', { schema: { hide: true, querystring: Query } }, async (request, reply) => {
    const found = await applicationOf(request.query);
    if (!found) return page(reply, request.language, 'invalid', 404);
    return page(reply, found.language, 'question', 200, found.applicationNumber);
  });

  app.post(
    '/passport/unsubscribe',
    { schema: { hide: true, querystring: Query } },
    async (request, reply) => {
      const found = await applicationOf(request.query);
      if (!found) return page(reply, request.language, 'invalid', 404);
      // Pressing the button twice (or the mail program's one-click after the button) keeps the first time.
      if (found.contactConsent || !found.consentWithdrawal)
        await withdrawConsent(db, CITIZEN_ACTOR, found, 'unsubscribe', new Date());
      return page(reply, found.language, 'done', 200, found.applicationNumber);
    },
  );
};

function page(
  reply: FastifyReply,
  language: Language,
  state: 'question' | 'done' | 'invalid',
  status: number,
  number = '',
) {
  const texts = PASSPORT_MAIL_CATALOGUES[language];
  const fill = (text: string) => escapeHtml(text.replace('{{number}}', number));
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
