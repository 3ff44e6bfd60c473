import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { AppContext } from '../../context.js';
import { problems } from '../../http/schema-helpers.js';
import { t } from '../../i18n/index.js';
import { PublicStatus, StatusCheckBody } from './schemas.js';
import { checkApplicationStatus } from './status-check.js';

/** The applicant's status check. A POST, so that the number and date of birth stay out of URLs and logs. */
export const publicPassportRoutes: FastifyPluginAsyncTypebox<AppContext> = async (app, ctx) => {
  app.post(
    '/passport-applications/status',
    {
      schema: {
        tags: ['Passport applications (public)'],
        summary: 'Check a passport application by its number and the applicant’s date of birth',
        description:
          'Any wrong combination answers the same 404 `application_not_found`; failed attempts are limited per client address and per application number (429).',
        body: StatusCheckBody,
        response: { 200: PublicStatus, ...problems(400, 404, 429) },
      },
    },
    async (request) => {
      const { applicationNumber, birthDate } = request.body;
      const status = await checkApplicationStatus(ctx, request.ip, applicationNumber, birthDate);
      const language = request.language;
      return {
        ...status,
        stageText: t(language, `passport.stage.${status.stage}`),
        nextStepText: t(language, `passport.next.${status.nextStep}` as Parameters<typeof t>[1]),
      };
    },
  );
};
