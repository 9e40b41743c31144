import type { ErrorCode, ErrorDetail } from '@portico/contracts';
import { AppError } from '../../lib/errors.js';

/** Better Auth throws APIError with an HTTP status and its own code; this reads either defensively. */
export function authErrorInfo(error: unknown): { status: number; code: string } | null {
  if (typeof error !== 'object' || error === null) return null;
  const e = error as { statusCode?: number; status?: number | string; body?: { code?: string } };
  const status = typeof e.statusCode === 'number' ? e.statusCode : typeof e.status === 'number' ? e.status : null;
  if (status === null) return null;
  return { status, code: e.body?.code ?? '' };
}

/** Maps a Better Auth refusal by its status; anything unexpected is rethrown and becomes a logged 500. */
export function mapAuthError(error: unknown, byStatus: Record<number, () => AppError>): never {
  const info = authErrorInfo(error);
  const make = info ? byStatus[info.status] : undefined;
  if (make) throw make();
  throw error;
}

export function refusal(code: ErrorCode, message: string, detail?: ErrorDetail): () => AppError {
  return () => new AppError(code, message, detail ? [detail] : []);
}
