import { createHmac, timingSafeEqual } from 'node:crypto';
import { Type } from 'typebox';
import type { Config } from '../../config.js';
import { onEvent } from '../../events/reactions.js';
import { t } from '../../i18n/index.js';
import { enqueueJob } from '../../jobs/outbox.js';
import { defineJob } from '../../jobs/registry.js';
import { brandedHtml, senderOf } from '../email/compose.js';
import { deliver } from '../email/delivery.js';
import { publicBase } from '../email/links.js';
import { renderHtml, renderSubject, renderText } from '../email/render.js';
import { findOfficeById } from '../offices/storage.js';
import { passportSurveyUrl } from '../surveys/invitations.js';
import type { Stage } from './model.js';
import { initials, localDate, NEXT_STEP } from './status-check.js';
import { findApplication } from './storage.js';
import { en } from './templates/en.js';
import { id } from './templates/id.js';

const CATALOGUES = { id, en } as const;

/** The portal page where applicants check their application (number and date of birth are typed there). */
export function passportStatusUrl(config: Config): string {
  return `${publicBase(config)}/passport`;
}

/** The unsubscribe token of an application: an HMAC of its id, so links cannot be made for others. */
export function passportUnsubscribeToken(secret: string, applicationId: string): string {
  return createHmac('sha256', secret)
    .update(`passport-unsubscribe:${applicationId}`)
    .digest('base64url')
    .slice(0, 32);
}

export function checkPassportUnsubscribeToken(secret: string, applicationId: string, token: string): boolean {
  const expected = Buffer.from(passportUnsubscribeToken(secret, applicationId));
  const given = Buffer.from(token);
  return expected.length === given.length && timingSafeEqual(expected, given);
}

export function passportUnsubscribeUrl(config: Config, applicationId: string): string {
  return `${publicBase(config)}/passport/unsubscribe?id=${applicationId}&token=${passportUnsubscribeToken(config.secret, applicationId)}`;
}

/**
 * `passport.notify-applicant`: tells an applicant who consented that their application moved. Whether to write is
 * decided when the job runs (consent withdrawn meanwhile wins); the Message-ID comes from the event, so a retried
 * job sends the same message once.
 */
export const notifyApplicantJob = defineJob('passport.notify-applicant', {
  payload: Type.Object({ applicationId: Type.String(), eventId: Type.String(), stage: Type.String() }),
  maxAttempts: 10,
  async run(ctx, payload) {
    const app = await findApplication(ctx.db, payload.applicationId);
    if (!app?.contactConsent || !app.contactEmail) {
      ctx.log.info({ applicationId: payload.applicationId }, 'applicant notification not sent');
      return;
    }
    const office = await findOfficeById(ctx.db, app.officeId);
    if (!office) return;
    const language = app.language;
    const texts = CATALOGUES[language];
    const stage = payload.stage as Stage;
    const values = {
      'office.name': office.name[language],
      'application.number': app.applicationNumber,
      'applicant.initials': initials(app.applicantName),
      'stage.name': t(language, `passport.stage.${stage}`),
      'next.step': t(language, `passport.next.${NEXT_STEP[stage]}` as Parameters<typeof t>[1]),
      'links.status': passportStatusUrl(ctx.config),
      expected:
        app.expectedAt &&
        app.stage === stage &&
        [
          'booked',
          'documents_verified',
          'paid',
          'biometrics_taken',
          'interviewed',
          'adjudicated',
          'printed',
        ].includes(stage)
          ? new Intl.DateTimeFormat(language === 'id' ? 'id-ID' : 'en-GB', {
              dateStyle: 'full',
              timeZone: 'UTC',
            }).format(new Date(`${localDate(app.expectedAt, office.timeZone)}T00:00:00Z`))
          : null,
      note: stage === 'needs_documents' || stage === 'rejected' ? app.stageNote : null,
      // After collection the applicant is asked for the SKM (PermenPANRB 14/2017), once per application.
      survey: stage === 'collected' ? passportSurveyUrl(ctx.config, app) : null,
    };
    const sender = await senderOf(ctx.db, ctx.config, office, language);
    const unsubscribe = passportUnsubscribeUrl(ctx.config, app.id);
    const fill = (text: string) =>
      text.replace('{{office}}', office.name[language]).replace('{{number}}', app.applicationNumber);
    const subject = renderSubject(texts.subject, values);
    const notice = fill(texts.automaticNotice);
    const mail = {
      to: app.contactEmail,
      from: sender.from,
      replyTo: sender.address,
      subject,
      text: `${renderText(texts.text, values)}\n\n-- \n${notice}\n${texts.unsubscribeLine.replace('{{url}}', unsubscribe)}\n`,
      html: brandedHtml({
        language,
        title: subject,
        officeName: office.name[language],
        brandColor: office.portal.brandColor,
        content: renderHtml(texts.html, values),
        notice,
        unsubscribe: { url: unsubscribe, label: texts.unsubscribeLink },
      }),
      messageId: `<${payload.eventId}.${app.applicationNumber.toLowerCase()}@${sender.domain}>`,
      headers: {
        'Auto-Submitted': 'auto-generated',
        'List-Unsubscribe': `<${unsubscribe}>`,
        'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
      },
    };
    await deliver(ctx.db, ctx.config, mail, {
      officeId: office.id,
      caseId: null,
      template: 'passport.stage',
    });
  },
});

export { CATALOGUES as PASSPORT_MAIL_CATALOGUES };

onEvent('passport.stage_changed', async (trx, event) => {
  // Only applicants who agreed and left an address (decided in the transaction of the change, checked again on run).
  if (!event.payload.notify) return;
  await enqueueJob(
    trx,
    notifyApplicantJob,
    { applicationId: event.payload.applicationId, eventId: event.id, stage: event.payload.to },
    { dedupeKey: `passport.notify:${event.id}`, now: event.at },
  );
});
