import { type Language, translate } from '../i18n';

/** One failing field of an RFC 9457 validation problem. */
export interface FieldProblem {
  field: string;
  code: string;
  message: string;
}

/**
 * An API failure, ready to show: `title` is already in the user's language (the server localizes problem titles
 * by Accept-Language; network and unexpected failures come from the console's catalogue).
 */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly title: string;
  readonly detail: string | undefined;
  readonly field: string | undefined;
  readonly errors: FieldProblem[];

  constructor(init: {
    status: number;
    code: string;
    title: string;
    detail?: string;
    field?: string;
    errors?: FieldProblem[];
  }) {
    super(init.title);
    this.name = 'ApiError';
    this.status = init.status;
    this.code = init.code;
    this.title = init.title;
    this.detail = init.detail;
    this.field = init.field;
    this.errors = init.errors ?? [];
  }

  /** The text to show: the title, followed by the field messages when there are any. */
  get display(): string {
    if (this.errors.length === 0) return this.detail ? `${this.title} ${this.detail}` : this.title;
    return `${this.title} ${this.errors.map((e) => e.message).join('; ')}`;
  }
}

export type QueryValue = string | number | readonly string[] | null | undefined;

/** A query string with repeated keys for arrays; empty values are left out. */
export function buildQuery(params: Record<string, QueryValue>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value === undefined || value === null || value === '') continue;
    if (Array.isArray(value)) for (const v of value) search.append(key, v);
    else search.append(key, String(value));
  }
  const text = search.toString();
  return text ? `?${text}` : '';
}

export interface ApiOptions {
  fetch?: typeof fetch;
  /** The UI language, sent as Accept-Language so problem titles come back in it. */
  language: () => Language;
  /** The session's CSRF token, sent with every state-changing request. */
  csrfToken: () => string | null;
  /** Called when a signed-in request answers 401 (the session ended elsewhere or timed out). */
  onSessionEnded?: () => void;
}

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

export type Api = ReturnType<typeof createApi>;

/** A thin fetch wrapper for /api/v1: JSON in and out, CSRF header, problem+json mapped to ApiError. */
export function createApi(options: ApiOptions) {
  const doFetch = options.fetch ?? ((input, init) => fetch(input, init));

  async function request<T>(
    method: string,
    path: string,
    body?: unknown,
    config: { quietUnauthorized?: boolean } = {},
  ): Promise<T> {
    const headers: Record<string, string> = {
      accept: 'application/json',
      'accept-language': options.language(),
    };
    const isForm = typeof FormData !== 'undefined' && body instanceof FormData;
    if (body !== undefined && !isForm) headers['content-type'] = 'application/json';
    if (UNSAFE.has(method)) {
      const token = options.csrfToken();
      if (token) headers['x-csrf-token'] = token;
    }
    let response: Response;
    try {
      response = await doFetch(`/api/v1${path}`, {
        method,
        headers,
        credentials: 'same-origin',
        body: body === undefined ? undefined : isForm ? body : JSON.stringify(body),
      });
    } catch {
      throw new ApiError({
        status: 0,
        code: 'network',
        title: translate(options.language(), 'error.network'),
      });
    }
    if (response.status === 204) return undefined as T;
    const text = await response.text();
    let parsed: unknown;
    try {
      parsed = text ? JSON.parse(text) : undefined;
    } catch {
      parsed = undefined;
    }
    if (response.ok) return parsed as T;
    const error = toApiError(response.status, parsed, options.language());
    if (response.status === 401 && !config.quietUnauthorized) options.onSessionEnded?.();
    throw error;
  }

  return {
    get: <T>(path: string, config?: { quietUnauthorized?: boolean }) =>
      request<T>('GET', path, undefined, config),
    post: <T>(path: string, body?: unknown, config?: { quietUnauthorized?: boolean }) =>
      request<T>('POST', path, body ?? {}, config),
    /** multipart/form-data (files): the browser sets the content type with its boundary. */
    postForm: <T>(path: string, form: FormData) => request<T>('POST', path, form),
    patch: <T>(path: string, body: unknown) => request<T>('PATCH', path, body),
    put: <T>(path: string, body: unknown) => request<T>('PUT', path, body),
    del: <T>(path: string) => request<T>('DELETE', path),
  };
}

/** A problem+json body → ApiError; anything else → a generic localized message with the status. */
export function toApiError(status: number, body: unknown, language: Language): ApiError {
  if (body && typeof body === 'object' && typeof (body as { code?: unknown }).code === 'string') {
    const problem = body as {
      code: string;
      title?: string;
      detail?: string;
      field?: string;
      errors?: FieldProblem[];
    };
    return new ApiError({
      status,
      code: problem.code,
      title: problem.title ?? translate(language, 'error.unexpected', { status }),
      detail: problem.errors?.length ? undefined : problem.detail,
      field: problem.field,
      errors: Array.isArray(problem.errors) ? problem.errors : [],
    });
  }
  return new ApiError({
    status,
    code: `http_${status}`,
    title: translate(language, 'error.unexpected', { status }),
  });
}

export function errorText(error: unknown, language: Language): string {
  if (error instanceof ApiError) return error.display;
  return translate(language, 'error.unexpected', { status: '?' });
}
