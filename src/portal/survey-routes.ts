import { randomUUID } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { AppContext } from '../server/context.js';
import { AppError } from '../server/errors.js';
import { CITIZEN_ACTOR } from '../server/events/catalogue.js';
import { WindowCounter } from '../server/http/rate-limit.js';
import type { Case } from '../server/modules/cases/model.js';
import { findOfficeById, type OfficeWithServices } from '../server/modules/offices/storage.js';
import { findCaseFeedback, giveCaseFeedback } from '../server/modules/surveys/case-feedback.js';
import { SKM_ELEMENTS, type SkmAnswers } from '../server/modules/surveys/ikm.js';
import {
  caseSurveyUrl,
  type Invitation,
  invitationTarget,
  openInvitationToken,
} from '../server/modules/surveys/invitations.js';
import {
  isProfileValue,
  PROFILE_FIELDS,
  type SkmProfile,
  type SkmSource,
} from '../server/modules/surveys/model.js';
import { SKM_PER_ADDRESS } from '../server/modules/surveys/routes.js';
import { invitationUsed, submitSkmResponse } from '../server/modules/surveys/submit-response.js';
import type { Language } from '../shared/enums.js';
import type { FieldErrors } from './components.js';
import { type FormData, readForm } from './form-data.js';
import type { SafeHtml } from './html.js';
import type { View } from './layout.js';
import type { Credentials } from './pages/status.js';
import { caseSatisfactionBlock, type SurveyValues, surveyMessagePage, surveyPage } from './pages/survey.js';
import { seal, unseal } from './security.js';

export interface SurveyPageHelpers {
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
  /** The case the posted code and key open, or undefined when the look-up page was sent instead. */
  openCase(
    request: FastifyRequest,
    reply: FastifyReply,
    view: View,
    form: FormData,
  ): Promise<{ found: Case; credentials: Credentials } | undefined>;
  showCase(
    request: FastifyRequest,
    reply: FastifyReply,
    view: View,
    found: Case,
    credentials: Credentials,
    state?: { notice?: 'feedback.thanks'; errors?: FieldErrors; status?: number },
  ): unknown;
}

/** A kiosk session: one questionnaire. The nonce is what `skm_used_tokens` remembers once it is answered. */
interface KioskSession {
  nonce: string;
}
const KIOSK_SESSION_MS = 30 * 60_000;
/** All kiosks of an office together: a tablet at a counter serves perhaps one person a minute. */
const KIOSK_RESPONSES = { limit: 60, windowMs: 10 * 60_000 };

/**
 * The satisfaction pages: the SKM questionnaire (`/survey`, and `/survey/{token}` from a one-time link), the
 * counter kiosk (`/kiosk`: large buttons, no profile questions, starts over by itself, one answer per session),
 * and the per-case rating posted from a resolved case's status page (`/status/feedback`).
 */
export function surveyPages(app: FastifyInstance, ctx: AppContext, h: SurveyPageHelpers): void {
  const { db, config, limiters } = ctx;
  const perAddress = new WindowCounter(SKM_PER_ADDRESS);
  const kioskResponses = new WindowCounter(KIOSK_RESPONSES);

  function servicesOf(view: View) {
    return (view.office?.services ?? []).map((s) => ({ code: s.code, name: s.name[view.language] }));
  }

  /** Reads the posted answers; errors name the first unanswered question for the summary. */
  function readAnswers(view: View, form: FormData, needService: boolean) {
    const { t } = view;
    const values: SurveyValues = {};
    const errors: FieldErrors = [];
    if (needService) {
      values.service = (form.fields.service ?? '').slice(0, 40);
      if (!servicesOf(view).some((s) => s.code === values.service))
        errors.push({ field: 'service', message: t('survey.service_required') });
    }
    const answers: Partial<SkmAnswers> = {};
    SKM_ELEMENTS.forEach((element, i) => {
      const value = form.fields[element];
      values[element] = value;
      const score = Number(value);
      if (Number.isInteger(score) && score >= 1 && score <= 4) answers[element] = score;
      else errors.push({ field: element, message: t('survey.answer_required', { number: i + 1 }) });
    });
    const profile: SkmProfile = {};
    for (const field of PROFILE_FIELDS) {
      const value = form.fields[field];
      values[field] = value;
      if (value && isProfileValue(field, value)) (profile as Record<string, string>)[field] = value;
    }
    return { values, errors, answers: answers as SkmAnswers, profile };
  }

  function checkRate(counter: WindowCounter, key: string) {
    if (!limiters.enabled) return;
    const wait = counter.hit(key);
    if (wait > 0) throw new AppError('rate_limited', { retryAfterSeconds: wait });
  }

  // ------------------------------------------------------------------ the general questionnaire

  app.get('/survey', async (request, reply) => {
    const view = await h.viewFor(request, reply);
    return h.send(
      request,
      reply,
      view,
      surveyPage(view, { action: '/survey', services: servicesOf(view), values: {}, errors: [] }),
    );
  });

  app.post('/survey', async (request, reply) => {
    const form = await readForm(request);
    h.checkCsrf(request, form);
    if (form.fields.website) throw h.rejected();
    const view = await h.viewFor(request, reply);
    const read = readAnswers(view, form, true);
    if (read.errors.length)
      return h.send(
        request,
        reply,
        view,
        surveyPage(view, {
          action: '/survey',
          services: servicesOf(view),
          values: read.values,
          errors: read.errors,
        }),
        { status: 400 },
      );
    checkRate(perAddress, request.ip);
    await submit(view, read, read.values.service!, 'web');
    return h.send(
      request,
      reply,
      view,
      surveyMessagePage(view, {
        title: 'survey.thanks_title',
        body: 'survey.thanks_body',
        status: 'success',
      }),
      { status: 201 },
    );
  });

  async function submit(
    view: View,
    read: { answers: SkmAnswers; profile: SkmProfile },
    serviceCode: string,
    source: SkmSource,
    invitation?: Invitation,
    officeCode = view.office?.code ?? '',
  ) {
    await submitSkmResponse(
      db,
      config,
      {
        officeCode,
        serviceCode,
        answers: read.answers,
        profile: read.profile,
        language: view.language,
        source,
      },
      { invitation },
    );
  }

  // ------------------------------------------------------------------ one-time links

  async function invitationPage(request: FastifyRequest, reply: FastifyReply, token: string) {
    const view = await h.viewFor(request, reply);
    const invitation = openInvitationToken(config, token);
    if (!invitation) {
      await h.send(
        request,
        reply,
        view,
        surveyMessagePage(view, {
          title: 'survey.invalid_title',
          body: 'survey.invalid_body',
          generalLink: true,
        }),
        { status: 404 },
      );
      return undefined;
    }
    if (await invitationUsed(db, config, invitation)) {
      await h.send(
        request,
        reply,
        view,
        surveyMessagePage(view, { title: 'survey.used_title', body: 'survey.used_body', status: 'success' }),
        { status: 409 },
      );
      return undefined;
    }
    const target = await invitationTarget(db, invitation);
    const office = target ? ((await findOfficeById(db, target.officeId)) ?? null) : null;
    if (!office) {
      await h.send(
        request,
        reply,
        view,
        surveyMessagePage(view, {
          title: 'survey.invalid_title',
          body: 'survey.invalid_body',
          generalLink: true,
        }),
        { status: 404 },
      );
      return undefined;
    }
    // The portal lists its own office's services; a link for another office's case still counts for that office.
    const services = view.office?.id === office.id ? servicesOf(view) : [];
    const fixed = target?.serviceId
      ? (view.office as OfficeWithServices | null)?.services.find((s) => s.id === target.serviceId)
      : undefined;
    return { view, invitation, office, services, fixed };
  }

  app.get<{ Params: { token: string } }>('/survey/:token', async (request, reply) => {
    const found = await invitationPage(request, reply, request.params.token);
    if (!found) return reply;
    const { view, services, fixed } = found;
    const form = { action: `/survey/${request.params.token}`, values: {}, errors: [] };
    const page = fixed
      ? surveyPage(view, { ...form, fixedService: fixed.name[view.language] })
      : surveyPage(view, { ...form, services });
    return h.send(request, reply, view, page);
  });

  app.post<{ Params: { token: string } }>('/survey/:token', async (request, reply) => {
    const form = await readForm(request);
    h.checkCsrf(request, form);
    if (form.fields.website) throw h.rejected();
    const found = await invitationPage(request, reply, request.params.token);
    if (!found) return reply;
    const { view, invitation, services, fixed, office } = found;
    const read = readAnswers(view, form, !fixed);
    const action = `/survey/${request.params.token}`;
    if (read.errors.length) {
      const base = { action, values: read.values, errors: read.errors };
      const page = fixed
        ? surveyPage(view, { ...base, fixedService: fixed.name[view.language] })
        : surveyPage(view, { ...base, services });
      return h.send(request, reply, view, page, { status: 400 });
    }
    checkRate(perAddress, request.ip);
    try {
      await submit(
        view,
        read,
        fixed?.code ?? read.values.service!,
        invitation.kind,
        invitation,
        office?.code,
      );
    } catch (error) {
      if (!(error instanceof AppError) || error.code !== 'survey_already_answered') throw error;
      return h.send(
        request,
        reply,
        view,
        surveyMessagePage(view, { title: 'survey.used_title', body: 'survey.used_body', status: 'success' }),
        { status: 409 },
      );
    }
    return h.send(
      request,
      reply,
      view,
      surveyMessagePage(view, {
        title: 'survey.thanks_title',
        body: 'survey.thanks_body',
        status: 'success',
      }),
      { status: 201 },
    );
  });

  // ------------------------------------------------------------------ the counter kiosk

  function kioskForm(view: View, values: SurveyValues = {}, errors: FieldErrors = [], session?: string) {
    const sealed =
      session ??
      seal(config.secret, 'kiosk', { nonce: randomUUID() } satisfies KioskSession, KIOSK_SESSION_MS);
    return surveyPage(view, {
      action: '/kiosk',
      services: servicesOf(view),
      values,
      errors,
      kiosk: true,
      hiddenFields: { session: sealed },
    });
  }

  app.get('/kiosk', async (request, reply) => {
    const view = await h.viewFor(request, reply);
    return h.send(request, reply, view, kioskForm(view));
  });

  app.post('/kiosk', async (request, reply) => {
    const form = await readForm(request);
    h.checkCsrf(request, form);
    if (form.fields.website) throw h.rejected();
    const view = await h.viewFor(request, reply);
    const session = unseal<KioskSession>(config.secret, 'kiosk', form.fields.session);
    if (!session)
      return h.send(
        request,
        reply,
        view,
        surveyMessagePage(view, { title: 'survey.used_title', body: 'kiosk.session_used', kiosk: true }),
        { status: 409 },
      );
    const read = readAnswers(view, form, true);
    read.profile = {};
    if (read.errors.length)
      return h.send(request, reply, view, kioskForm(view, read.values, read.errors, form.fields.session), {
        status: 400,
      });
    checkRate(kioskResponses, view.office?.id ?? '');
    const invitation: Invitation = { kind: 'kiosk', ref: session.nonce, language: view.language, expires: 0 };
    try {
      await submit(view, read, read.values.service!, 'kiosk', invitation);
    } catch (error) {
      if (!(error instanceof AppError) || error.code !== 'survey_already_answered') throw error;
      return h.send(
        request,
        reply,
        view,
        surveyMessagePage(view, { title: 'survey.used_title', body: 'kiosk.session_used', kiosk: true }),
        { status: 409 },
      );
    }
    return h.send(
      request,
      reply,
      view,
      surveyMessagePage(view, {
        title: 'survey.thanks_title',
        body: 'survey.thanks_body',
        kiosk: true,
        status: 'success',
      }),
      { status: 201 },
    );
  });

  // ------------------------------------------------------------------ per-case rating

  app.post('/status/feedback', async (request, reply) => {
    const form = await readForm(request);
    h.checkCsrf(request, form);
    const view = await h.viewFor(request, reply);
    const opened = await h.openCase(request, reply, view, form);
    if (!opened) return reply;
    const rating = Number(form.fields.rating);
    if (!Number.isInteger(rating) || rating < 1 || rating > 5) {
      const errors = [{ field: 'rating', message: view.t('feedback.required') }];
      return h.showCase(request, reply, view, opened.found, opened.credentials, { errors, status: 400 });
    }
    try {
      await giveCaseFeedback(db, CITIZEN_ACTOR, opened.found, {
        rating,
        comment: (form.fields.comment ?? '').slice(0, 2000),
      });
    } catch (error) {
      if (!(error instanceof AppError) || error.code !== 'feedback_not_allowed') throw error;
    }
    return h.showCase(request, reply, view, opened.found, opened.credentials, { notice: 'feedback.thanks' });
  });
}

/**
 * The status page's satisfaction block for a case resolved at least once: the one-time SKM link (until it is
 * answered) and the per-case rating form (until it is given).
 */
export async function caseSatisfaction(
  ctx: AppContext,
  view: View,
  found: Case,
  credentials: Credentials,
): Promise<((errors: FieldErrors) => SafeHtml) | undefined> {
  const resolvedOnce =
    found.status === 'resolved' || (found.status === 'closed' && found.resolvedAt !== null);
  if (!resolvedOnce) return undefined;
  const [used, feedback] = await Promise.all([
    invitationUsed(ctx.db, ctx.config, { kind: 'case', ref: found.id }),
    findCaseFeedback(ctx.db, found.id),
  ]);
  const surveyUrl = used ? null : new URL(caseSurveyUrl(ctx.config, found)).pathname;
  return (errors) =>
    caseSatisfactionBlock(view, { surveyUrl, feedback: feedback ?? null, credentials, errors });
}
