import { afterEach, describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { ApiError, api, apiRequest, withQuery } from './api';

function sentHeaders(): Record<string, string> {
  const [, init] = vi.mocked(fetch).mock.calls[0] ?? [];
  return (init?.headers ?? {}) as Record<string, string>;
}

function respond(status: number, body: unknown, headers: Record<string, string> = {}) {
  const text = body === undefined ? '' : typeof body === 'string' ? body : JSON.stringify(body);
  vi.stubGlobal(
    'fetch',
    vi.fn(async () => new Response(status === 204 ? null : text, { status, headers })),
  );
}

afterEach(() => vi.unstubAllGlobals());

describe('apiRequest', () => {
  it('sends JSON with same-origin credentials and parses the answer', async () => {
    respond(200, { ok: true });
    const data = await apiRequest('/api/x', { method: 'POST', body: { a: 1 }, schema: z.object({ ok: z.boolean() }) });
    expect(data).toEqual({ ok: true });
    expect(vi.mocked(fetch).mock.calls[0]?.[1]).toMatchObject({
      method: 'POST',
      credentials: 'same-origin',
      body: '{"a":1}',
    });
    expect(sentHeaders()['content-type']).toBe('application/json');
  });

  it('declares no content type without a body', async () => {
    respond(204, undefined);
    await apiRequest('/api/auth/sign-out', { method: 'POST' });
    expect(sentHeaders()['content-type']).toBeUndefined();
  });

  it('turns the error envelope and Retry-After into an ApiError', async () => {
    respond(
      429,
      { error: { code: 'RATE_LIMITED', message: 'Too many', details: [], requestId: 'req_1' } },
      { 'retry-after': '42' },
    );
    const error = await apiRequest('/api/x').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status: 429, code: 'RATE_LIMITED', retryAfter: 42, requestId: 'req_1' });
  });

  it('copes with an answer that is not the envelope', async () => {
    respond(502, '<html>Bad gateway</html>');
    await expect(apiRequest('/api/x')).rejects.toMatchObject({ status: 502, code: 'UNAVAILABLE' });
  });

  it('refuses an answer that breaks the contract', async () => {
    respond(200, { ok: 'yes' });
    await expect(apiRequest('/api/x', { schema: z.object({ ok: z.boolean() }) })).rejects.toMatchObject({
      code: 'BAD_RESPONSE',
    });
  });

  it('reports a network failure', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => Promise.reject(new TypeError('Failed to fetch'))),
    );
    await expect(apiRequest('/api/x')).rejects.toMatchObject({ status: 0, code: 'NETWORK_ERROR' });
  });
});

describe('withQuery', () => {
  it('adds the parameters that are set, encoded, and leaves out the rest', () => {
    expect(withQuery('/api/v1/x', { q: 'a&b c', cursor: undefined, status: '' })).toBe('/api/v1/x?q=a%26b+c');
    expect(withQuery('/api/v1/x', { cursor: undefined })).toBe('/api/v1/x');
  });
});

describe('changes with an Idempotency-Key', () => {
  it('send the key as a header', async () => {
    respond(204, undefined);
    await api.delete('/api/v1/orgs/o/assignments/a', undefined, { idempotencyKey: 'k-1' });
    expect(sentHeaders()['idempotency-key']).toBe('k-1');
  });
});
