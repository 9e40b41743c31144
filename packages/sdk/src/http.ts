import type { ErrorBody, OAuthErrorResponse } from './types.js';

/**
 * One HTTP exchange with the server, sorted into the three outcomes the licensing rules care about:
 * - `ok`: a 2xx answer (business outcomes, valid or not, are 200 answers);
 * - `refused`: a 4xx answer: the server is there and says no (not signed in, unknown activation, bad input);
 * - `unreachable`: no answer, a timeout, a 5xx, or 429: the server cannot answer the question now. A rate limit
 *   counts as unreachable on purpose, so a busy server never ends a license (outage grace applies instead).
 */
export type Reply<T> =
  | { kind: 'ok'; status: number; body: T; serverTime: number | null }
  | { kind: 'refused'; status: number; code: string; message: string; serverTime: number | null }
  | { kind: 'unreachable'; status: number | null; message: string };

export interface RequestOptions {
  token?: string | null;
  json?: unknown;
  form?: Record<string, string | undefined>;
}

export interface TransportOptions {
  serverUrl: string;
  fetch: typeof fetch;
  timeoutMs: number;
  userAgent: string;
}

export type Transport = <T>(method: string, path: string, options?: RequestOptions) => Promise<Reply<T>>;

/** The server's URL as the server itself writes it into `iss`: origin and path, no trailing slash. */
export function normalizeServerUrl(raw: string): string {
  const url = new URL(raw);
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new Error(`not an http(s) URL: ${raw}`);
  return url.origin + url.pathname.replace(/\/+$/, '');
}

function headersAndBody(options: RequestOptions, userAgent: string) {
  const headers: Record<string, string> = { accept: 'application/json', 'user-agent': userAgent };
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  let body: string | undefined;
  if (options.form) {
    headers['content-type'] = 'application/x-www-form-urlencoded';
    const entries = Object.entries(options.form).filter((e): e is [string, string] => e[1] !== undefined);
    body = new URLSearchParams(entries).toString();
  } else if (options.json !== undefined) {
    headers['content-type'] = 'application/json';
    body = JSON.stringify(options.json);
  }
  return { headers, body };
}

function dateOf(res: Response): number | null {
  const date = res.headers.get('date');
  const ms = date ? Date.parse(date) : Number.NaN;
  return Number.isNaN(ms) ? null : ms;
}

/** The code and message of a 4xx: the error envelope `{error:{code,message}}`, or an OAuth `{error}`. */
function refusalOf(status: number, body: unknown): { code: string; message: string } {
  const error = (body as Partial<ErrorBody> | Partial<OAuthErrorResponse> | null)?.error;
  if (typeof error === 'string') {
    const description = (body as OAuthErrorResponse).error_description;
    return { code: error, message: description ?? error };
  }
  if (error && typeof error === 'object' && typeof error.code === 'string') {
    return { code: error.code, message: typeof error.message === 'string' ? error.message : error.code };
  }
  return { code: `HTTP_${status}`, message: `The server answered ${status}` };
}

async function readJson(res: Response): Promise<unknown> {
  const text = await res.text();
  if (text === '') return null;
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

export function createTransport(options: TransportOptions): Transport {
  return async <T>(method: string, path: string, request: RequestOptions = {}): Promise<Reply<T>> => {
    const { headers, body } = headersAndBody(request, options.userAgent);
    let res: Response;
    try {
      res = await options.fetch(`${options.serverUrl}${path}`, {
        method,
        headers,
        body,
        signal: AbortSignal.timeout(options.timeoutMs),
      });
    } catch (error) {
      const reason = (error as Error)?.name === 'TimeoutError' ? 'timed out' : (error as Error)?.message;
      return { kind: 'unreachable', status: null, message: `Cannot reach ${options.serverUrl}: ${reason}` };
    }
    const parsed = await readJson(res).catch(() => null);
    if (res.status >= 500 || res.status === 429) {
      return { kind: 'unreachable', status: res.status, message: `The server answered ${res.status}` };
    }
    if (res.status >= 400)
      return { kind: 'refused', status: res.status, ...refusalOf(res.status, parsed), serverTime: dateOf(res) };
    if (res.status >= 300) {
      return { kind: 'unreachable', status: res.status, message: `Unexpected redirect (${res.status}): check the URL` };
    }
    return { kind: 'ok', status: res.status, body: parsed as T, serverTime: dateOf(res) };
  };
}
