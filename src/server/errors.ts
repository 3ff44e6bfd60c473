/**
 * The closed set of error codes clients can rely on. Domain code throws AppError; the HTTP layer turns it into
 * an RFC 9457 problem with the status from ERROR_STATUS and a title from the message catalogues.
 */
export const ERROR_STATUS = {
  validation_failed: 400,
  malformed_json: 400,
  invalid_tracking_code: 400,
  unauthorized: 401,
  invalid_credentials: 401,
  two_factor_required: 401,
  invalid_code: 401,
  forbidden: 403,
  csrf_failed: 403,
  two_factor_setup_required: 403,
  not_found: 404,
  case_not_found: 404,
  application_not_found: 404,
  method_not_allowed: 405,
  invalid_transition: 409,
  version_conflict: 409,
  case_closed: 409,
  conflict: 409,
  payload_too_large: 413,
  unsupported_media_type: 415,
  unknown_office: 422,
  unknown_service: 422,
  unknown_category: 422,
  category_service_mismatch: 422,
  reason_required: 422,
  weak_password: 422,
  email_taken: 409,
  two_factor_mandatory: 409,
  invalid_merge: 422,
  invalid_import: 422,
  rate_limited: 429,
  account_locked: 429,
  internal_error: 500,
  not_ready: 503,
  integrity_locked: 403,
  integrity_unavailable: 503,
  proof_of_work_failed: 400,
  publication_blocked: 422,
  url_not_allowed: 422,
  second_publisher_required: 403,
  invalid_signature: 401,
  channel_not_configured: 503,
  survey_already_answered: 409,
  feedback_not_allowed: 409,
} as const;

export type ErrorCode = keyof typeof ERROR_STATUS;

export interface FieldError {
  /** Dotted path of the failing field, e.g. `contact.email`. */
  field: string;
  /** Machine-readable reason, e.g. `maxLength`. */
  code: string;
  /** Parameters for the localized message, e.g. `{ limit: 200 }`. */
  params?: Record<string, string | number>;
}

export interface ErrorDetails {
  field?: string;
  errors?: FieldError[];
  retryAfterSeconds?: number;
  [key: string]: unknown;
}

export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly details: ErrorDetails = {},
  ) {
    super(code);
    this.name = 'AppError';
  }

  get status(): number {
    return ERROR_STATUS[this.code];
  }
}
