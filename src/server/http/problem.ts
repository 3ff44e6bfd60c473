import type { ErrorObject } from 'ajv';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Language } from '../../shared/enums.js';
import { AppError, ERROR_STATUS, type ErrorCode, type FieldError } from '../errors.js';
import { isMessageKey, type MessageKey, t } from '../i18n/index.js';
import { toFieldErrors } from './validation.js';

/** RFC 9457 problem details, with our stable `code` and, for validation errors, the failing fields. */
export interface Problem {
  type: string;
  title: string;
  status: number;
  code: ErrorCode;
  detail?: string;
  instance?: string;
  requestId: string;
  field?: string;
  errors?: { field: string; code: string; message: string }[];
  retryAfterSeconds?: number;
  [extra: string]: unknown;
}

export function buildProblem(request: FastifyRequest, error: AppError): Problem {
  const language = request.language;
  const { errors, field, retryAfterSeconds, ...extra } = error.details;
  const problem: Problem = {
    type: `urn:loket:problem:${error.code}`,
    title: t(language, `error.${error.code}` as MessageKey, { seconds: retryAfterSeconds ?? 0 }),
    status: error.status,
    code: error.code,
    instance: request.url.split('?')[0],
    requestId: request.id,
    ...extra,
  };
  if (field) problem.field = field;
  if (retryAfterSeconds !== undefined) problem.retryAfterSeconds = retryAfterSeconds;
  if (errors?.length) {
    problem.errors = errors.map((e) => ({ ...e, message: fieldMessage(language, e) }));
    problem.field ??= errors[0]!.field;
    problem.detail = problem.errors.map((e) => (e.field ? `${e.field}: ${e.message}` : e.message)).join('; ');
  }
  return problem;
}

function fieldMessage(language: Language, error: FieldError): string {
  const params = { ...error.params };
  if (error.code === 'type' && typeof params.type === 'string') {
    params.type = t(language, `type.${params.type}` as MessageKey);
  }
  // Privacy-check findings name the part of the text in the reader's language.
  if (typeof params.where === 'string' && isMessageKey(`publication.field.${params.where}`)) {
    params.where = t(language, `publication.field.${params.where}` as MessageKey);
  }
  // Codes with a dot name their own catalogue entry (e.g. password.common); others are validation keywords.
  const key = (error.code.includes('.') ? error.code : `validation.${error.code}`) as MessageKey;
  return t(language, isMessageKey(key) ? key : 'validation.invalid', params);
}

export function sendProblem(request: FastifyRequest, reply: FastifyReply, error: AppError): FastifyReply {
  const problem = buildProblem(request, error);
  if (problem.retryAfterSeconds !== undefined) reply.header('retry-after', String(problem.retryAfterSeconds));
  return reply
    .code(problem.status)
    .header('content-type', 'application/problem+json; charset=utf-8')
    .header('content-language', request.language)
    .send(JSON.stringify(problem));
}

/** Fastify's own errors (parsing, limits, validation) → our codes. Anything unknown is a 500. */
function fromFastifyError(error: FastifyError & { validation?: ErrorObject[] }): AppError | undefined {
  if (error.validation) {
    return new AppError('validation_failed', { errors: toFieldErrors(error.validation) });
  }
  switch (error.code) {
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
    case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
      return new AppError('malformed_json');
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return new AppError('payload_too_large');
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
    case 'FST_ERR_CTP_INVALID_TYPE':
      return new AppError('unsupported_media_type');
  }
  // Errors raised by the JSON parser itself carry a 400 status but no Fastify code.
  if (error instanceof SyntaxError && error.statusCode === 400) return new AppError('malformed_json');
  const status = error.statusCode;
  if (status !== undefined && status >= 400 && status < 500) {
    const code = (Object.keys(ERROR_STATUS) as ErrorCode[]).find((c) => ERROR_STATUS[c] === status);
    return new AppError(code ?? 'validation_failed');
  }
  return undefined;
}

export function registerProblemHandlers(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    const known = error instanceof AppError ? error : fromFastifyError(error);
    if (known) {
      if (known.status >= 500) request.log.error({ err: error }, 'request failed');
      return sendProblem(request, reply, known);
    }
    request.log.error({ err: error }, 'unexpected error');
    return sendProblem(request, reply, new AppError('internal_error'));
  });
  // Unknown addresses under /api get a problem document; others a page from the user interface that registered
  // one (the portal), since a person typed or followed them.
  const pages: HtmlPages = {};
  app.decorate('htmlPages', pages);
  app.setNotFoundHandler((request, reply) => {
    const path = request.url.split('?')[0]!;
    if (pages.notFound && path !== '/api' && !path.startsWith('/api/')) return pages.notFound(request, reply);
    return sendProblem(request, reply, new AppError('not_found'));
  });
}

/** Pages a user interface offers for requests that reach no route. */
export interface HtmlPages {
  notFound?: (request: FastifyRequest, reply: FastifyReply) => Promise<FastifyReply> | FastifyReply;
}

declare module 'fastify' {
  interface FastifyInstance {
    htmlPages: HtmlPages;
  }
}
