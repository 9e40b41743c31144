/**
 * The one catalogue of error codes (SPEC §4.2): each code maps to exactly one HTTP status.
 * Modules add their codes here so that server and web app agree on them.
 */
export const ERROR_STATUS = {
  VALIDATION_FAILED: 400,
  INVALID_TOKEN: 400,
  UNAUTHENTICATED: 401,
  INVALID_CREDENTIALS: 401,
  FORBIDDEN: 403,
  CSRF_REJECTED: 403,
  EMAIL_NOT_VERIFIED: 403,
  EMAIL_MISMATCH: 403,
  NOT_FOUND: 404,
  NOT_LINKED: 404,
  CONFLICT: 409,
  LAST_OPERATOR: 409,
  ALREADY_ADMINISTERED: 409,
  ALREADY_EXISTS: 409,
  LAST_ADMINISTRATOR: 409,
  OWN_MEMBERSHIP: 409,
  INVITATION_EXPIRED: 409,
  INVITATION_REVOKED: 409,
  INVITATION_USED: 409,
  INVITATION_NOT_EXPIRED: 409,
  RESEND_LIMIT_REACHED: 409,
  SEATS_IN_USE: 409,
  MEMBER_HOLDS_LICENSES: 409,
  MODE_CHANGE_REFUSED: 409,
  IDEMPOTENCY_KEY_IN_USE: 409,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  UNPROCESSABLE: 422,
  TERMS_NOT_ACCEPTED: 422,
  IMPORT_REFUSED: 422,
  IDEMPOTENCY_KEY_REUSED: 422,
  UNKNOWN_SERIAL: 404,
  RATE_LIMITED: 429,
  INTERNAL: 500,
  UNAVAILABLE: 503,
} as const;

export type ErrorCode = keyof typeof ERROR_STATUS;

export interface ErrorDetail {
  /** Dotted path of the offending field, e.g. `password` or `emails.3`; empty for the body as a whole. */
  path: string;
  message: string;
}

export interface ErrorBody {
  error: { code: ErrorCode; message: string; details: ErrorDetail[]; requestId: string };
}
