import type { ErrorBody, ErrorCode, ErrorDetail } from '@portico/contracts';
import type { z } from 'zod';

/** Codes the client adds for failures that never reached (or never came back from) the API's error handler. */
export type ClientErrorCode = 'NETWORK_ERROR' | 'BAD_RESPONSE';

/** Every failed API call becomes one of these, so pages handle errors in one way. */
export class ApiError extends Error {
  readonly status: number;
  readonly code: ErrorCode | ClientErrorCode;
  readonly details: ErrorDetail[];
  readonly requestId: string | undefined;
  /** Seconds to wait before trying again, from the Retry-After header of a 429. */
  readonly retryAfter: number | undefined;
  /** The whole answer, for the few errors that carry more than the envelope (a refused import's report). */
  readonly body: unknown;

  constructor(init: {
    status: number;
    code: ErrorCode | ClientErrorCode;
    message: string;
    details?: ErrorDetail[];
    requestId?: string;
    retryAfter?: number;
    body?: unknown;
  }) {
    super(init.message);
    this.name = 'ApiError';
    this.status = init.status;
    this.code = init.code;
    this.details = init.details ?? [];
    this.requestId = init.requestId;
    this.retryAfter = init.retryAfter;
    this.body = init.body;
  }
}

export function isApiError(error: unknown, code?: ApiError['code']): error is ApiError {
  return error instanceof ApiError && (code === undefined || error.code === code);
}

type Method = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';

interface RequestOptions<T> {
  method?: Method;
  body?: unknown;
  /** Parses the answer, so a server that drifts from the contract fails loudly here and not deep in a page. */
  schema?: z.ZodType<T>;
  signal?: AbortSignal;
  /** Sent as Idempotency-Key: the same change sent again with the same key runs once (SPEC §4.2). */
  idempotencyKey?: string;
}

/** Retry-After is either seconds or an HTTP date (RFC 9110 §10.2.3). */
function parseRetryAfter(value: string | null): number | undefined {
  if (!value) return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return Math.max(0, Math.ceil(seconds));
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, Math.ceil((date - Date.now()) / 1000));
}

function isErrorBody(value: unknown): value is ErrorBody {
  const error = (value as ErrorBody | null)?.error;
  return typeof error?.code === 'string' && typeof error.message === 'string';
}

async function readJson(response: Response): Promise<unknown> {
  const text = await response.text();
  if (!text) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function fallbackCode(status: number): ErrorCode {
  if (status === 404) return 'NOT_FOUND';
  if (status === 429) return 'RATE_LIMITED';
  if (status === 502 || status === 503 || status === 504) return 'UNAVAILABLE';
  return 'INTERNAL';
}

async function toApiError(response: Response): Promise<ApiError> {
  const body = await readJson(response);
  const retryAfter = parseRetryAfter(response.headers.get('retry-after'));
  if (isErrorBody(body)) {
    const { code, message, details, requestId } = body.error;
    return new ApiError({
      status: response.status,
      code,
      message,
      details: details ?? [],
      requestId,
      retryAfter,
      body,
    });
  }
  // A proxy or a crashed server answers without our envelope.
  return new ApiError({
    status: response.status,
    code: fallbackCode(response.status),
    message: `The server answered ${response.status} ${response.statusText}`.trim(),
    retryAfter,
  });
}

async function parseAnswer<T>(response: Response, schema: z.ZodType<T> | undefined): Promise<T> {
  if (!response.ok) throw await toApiError(response);
  if (!schema) return undefined as T;

  const parsed = schema.safeParse(await readJson(response));
  if (!parsed.success) {
    throw new ApiError({
      status: response.status,
      code: 'BAD_RESPONSE',
      message: 'The server sent an answer this page does not understand. Reload the page and try again.',
    });
  }
  return parsed.data;
}

function networkError(): ApiError {
  return new ApiError({
    status: 0,
    code: 'NETWORK_ERROR',
    message: 'The server cannot be reached. Check your connection.',
  });
}

/** The one way the app talks to the API: same-origin cookies, JSON both ways, errors as ApiError. */
export async function apiRequest<T = void>(path: string, options: RequestOptions<T> = {}): Promise<T> {
  const { method = 'GET', body, schema, signal, idempotencyKey } = options;
  const headers: Record<string, string> = { accept: 'application/json' };
  if (idempotencyKey) headers['idempotency-key'] = idempotencyKey;
  // Only a request with a body declares JSON: Fastify refuses an empty body sent as application/json.
  if (body !== undefined) headers['content-type'] = 'application/json';

  let response: Response;
  try {
    response = await fetch(path, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
      credentials: 'same-origin',
      signal,
    });
  } catch (cause) {
    if (signal?.aborted) throw cause;
    throw networkError();
  }
  return parseAnswer(response, schema);
}

interface UploadOptions<T> {
  body: Blob;
  contentType: string;
  schema: z.ZodType<T>;
  /** Called with the fraction of the body sent so far, 0 to 1. */
  onProgress?: (fraction: number) => void;
  signal?: AbortSignal;
}

/**
 * POSTs a file with upload progress, which fetch cannot report (SPEC §4.1: long operations show progress). The
 * answer goes through the same parsing as apiRequest, so callers see the same ApiError either way.
 */
export function apiUpload<T>(path: string, options: UploadOptions<T>): Promise<T> {
  const { body, contentType, schema, onProgress, signal } = options;
  return new Promise<T>((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', path);
    xhr.setRequestHeader('accept', 'application/json');
    xhr.setRequestHeader('content-type', contentType);
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable && event.total > 0) onProgress?.(event.loaded / event.total);
    };
    xhr.onload = () => {
      const headers = new Headers();
      const retryAfter = xhr.getResponseHeader('retry-after');
      if (retryAfter) headers.set('retry-after', retryAfter);
      // Rebuilt as a Response so errors and contract checks are handled exactly as for fetch.
      const response = new Response(xhr.status === 204 ? null : xhr.responseText, {
        status: xhr.status,
        statusText: xhr.statusText,
        headers,
      });
      parseAnswer(response, schema).then(resolve, reject);
    };
    xhr.onerror = () => reject(networkError());
    xhr.onabort = () => reject(new DOMException('The upload was cancelled', 'AbortError'));
    signal?.addEventListener('abort', () => xhr.abort(), { once: true });
    xhr.send(body);
  });
}

/** A path with its query, leaving out parameters that are unset or empty (a list's filters, its cursor). */
export function withQuery(path: string, params: Record<string, string | undefined>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) if (value) search.set(key, value);
  const query = search.toString();
  return query ? `${path}?${query}` : path;
}

/** What a change may add to its request. */
interface ChangeOptions {
  idempotencyKey?: string;
}

export const api = {
  get: <T>(path: string, schema: z.ZodType<T>, signal?: AbortSignal) => apiRequest(path, { schema, signal }),
  post: <T = void>(path: string, body?: unknown, schema?: z.ZodType<T>, options: ChangeOptions = {}) =>
    apiRequest(path, { method: 'POST', body, schema, ...options }),
  patch: <T = void>(path: string, body: unknown, schema?: z.ZodType<T>, options: ChangeOptions = {}) =>
    apiRequest(path, { method: 'PATCH', body, schema, ...options }),
  put: <T = void>(path: string, body: unknown, schema?: z.ZodType<T>, options: ChangeOptions = {}) =>
    apiRequest(path, { method: 'PUT', body, schema, ...options }),
  delete: <T = void>(path: string, schema?: z.ZodType<T>, options: ChangeOptions = {}) =>
    apiRequest(path, { method: 'DELETE', schema, ...options }),
};
