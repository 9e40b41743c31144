import { ERROR_STATUS, type ErrorCode, type ErrorDetail } from '@portico/contracts';

/** A refusal the client can act on. Services throw these; the one error handler (http/errors.ts) turns them into the envelope. */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details: ErrorDetail[] = [],
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
    this.name = 'AppError';
  }

  get status(): number {
    return ERROR_STATUS[this.code];
  }

  static validation(path: string, message: string): AppError {
    return new AppError('VALIDATION_FAILED', `${path} ${message}`, [{ path, message }]);
  }

  static notFound(what = 'resource'): AppError {
    return new AppError('NOT_FOUND', `The ${what} does not exist`);
  }

  static rateLimited(retryAfterSeconds: number): AppError {
    const seconds = Math.max(1, Math.ceil(retryAfterSeconds));
    return new AppError('RATE_LIMITED', `Too many requests; try again in ${seconds} s`, [], {
      'retry-after': String(seconds),
    });
  }
}
