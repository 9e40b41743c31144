import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, PASSWORD, post, signUp, type TestApp, verify } from '../helpers/test-app.js';

let t: TestApp;
let webRoot: string;
beforeAll(async () => {
  webRoot = mkdtempSync(join(tmpdir(), 'portico-web-'));
  mkdirSync(join(webRoot, 'assets'));
  writeFileSync(join(webRoot, 'index.html'), '<!doctype html><title>Portico</title><div id="root"></div>');
  writeFileSync(join(webRoot, 'assets', 'app-abc123.js'), 'console.log(1)');
  t = await createTestApp({ webRoot, env: { PUBLIC_URL: 'https://portal.example.com' } });
});
afterAll(async () => t.close());

describe('health', () => {
  it('answers /healthz and /readyz', async () => {
    expect((await t.app.inject('/healthz')).json()).toEqual({ status: 'ok' });
    expect((await t.app.inject('/readyz')).json()).toEqual({ status: 'ready' });
  });
});

describe('error envelope and request ids', () => {
  it('gives every response a request id, and error bodies carry the same one', async () => {
    const res = await t.app.inject('/api/v1/nothing-here');
    expect(res.statusCode).toBe(404);
    const { error } = res.json();
    expect(error).toMatchObject({ code: 'NOT_FOUND', details: [] });
    expect(error.requestId).toBe(res.headers['x-request-id']);
  });

  it('answers 415 to a body that is not JSON', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/auth/sign-in',
      headers: { 'content-type': 'text/plain' },
      payload: 'hello',
    });
    expect(res.statusCode).toBe(415);
    expect(res.json().error.code).toBe('UNSUPPORTED_MEDIA_TYPE');
  });

  it('never answers 5xx to hostile input', async () => {
    const payloads = [
      '{"email": "a@b.co", "password": {"$gt": ""}}',
      '[]',
      'null',
      '"just a string"',
      '{"email": "\u0000@x.com", "password": "x"}',
      Buffer.from([0x7b, 0x22, 0x65, 0x22, 0x3a, 0x22, 0xff, 0xfe, 0x22, 0x7d]),
      '{"__proto__": {"admin": true}, "email": "a@b.co", "password": "x"}',
    ];
    for (const payload of payloads) {
      const res = await t.app.inject({
        method: 'POST',
        url: '/api/auth/sign-in',
        headers: { 'content-type': 'application/json' },
        payload,
      });
      expect(res.statusCode, String(payload)).toBeGreaterThanOrEqual(400);
      expect(res.statusCode, String(payload)).toBeLessThan(500);
    }
  });
});

describe('security headers and cookies', () => {
  it('sends pages a strict Content-Security-Policy and the usual headers', async () => {
    const res = await t.app.inject('/sign-in');
    const csp = String(res.headers['content-security-policy']);
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toContain('unsafe-eval');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['x-frame-options']).toBe('SAMEORIGIN');
    expect(res.headers['strict-transport-security']).toBeDefined();
  });

  it('sends API answers the short set for JSON, and keeps them out of caches', async () => {
    for (const url of ['/healthz', '/api/v1/instance', '/api/v1/me']) {
      const res = await t.app.inject(url);
      expect(res.headers['content-security-policy']).toBe("default-src 'none'; frame-ancestors 'none'");
      expect(res.headers['x-content-type-options']).toBe('nosniff');
      expect(res.headers['cache-control']).toBe('no-store');
      expect(res.headers['strict-transport-security']).toBeDefined();
    }
  });

  it('marks cookies Secure when PUBLIC_URL is https', async () => {
    await signUp(t, 'secure@example.com');
    await verify(t, 'secure@example.com');
    const res = await post(t, '/api/auth/sign-in', { email: 'secure@example.com', password: PASSWORD });
    const cookie = String(res.headers['set-cookie']);
    expect(cookie).toContain('__Secure-portico.session_token=');
    expect(cookie).toMatch(/; Secure/);
    expect(cookie).toContain('HttpOnly');
    expect(cookie).toContain('SameSite=Lax');
  });
});

describe('CSRF', () => {
  const body = { email: 'someone@example.com' };
  it('refuses a change sent from another site', async () => {
    const crossSite = await t.app.inject({
      method: 'POST',
      url: '/api/auth/forgot-password',
      payload: body,
      headers: { 'sec-fetch-site': 'cross-site', origin: 'https://evil.example' },
    });
    expect(crossSite.statusCode).toBe(403);
    expect(crossSite.json().error.code).toBe('CSRF_REJECTED');
    const foreignOrigin = await t.app.inject({
      method: 'POST',
      url: '/api/auth/forgot-password',
      payload: body,
      headers: { origin: 'https://evil.example' },
    });
    expect(foreignOrigin.statusCode).toBe(403);
  });

  it('accepts the same origin and programs that send no browser headers', async () => {
    const sameOrigin = await t.app.inject({
      method: 'POST',
      url: '/api/auth/forgot-password',
      payload: body,
      headers: { 'sec-fetch-site': 'same-origin', origin: 'https://portal.example.com' },
    });
    expect(sameOrigin.statusCode).toBe(202);
    const ownOrigin = await t.app.inject({
      method: 'POST',
      url: '/api/auth/forgot-password',
      payload: body,
      headers: { origin: 'https://portal.example.com' },
    });
    expect(ownOrigin.statusCode).toBe(202);
    const program = await t.app.inject({ method: 'POST', url: '/api/auth/forgot-password', payload: body });
    expect(program.statusCode).toBe(202);
  });

  it('lets reads through from anywhere', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/healthz', headers: { 'sec-fetch-site': 'cross-site' } });
    expect(res.statusCode).toBe(200);
  });
});

describe('OpenAPI and the web app', () => {
  it('publishes an OpenAPI 3.1 document that lists the account routes', async () => {
    const doc = (await t.app.inject('/api/openapi.json')).json();
    expect(doc.openapi).toBe('3.1.0');
    for (const path of ['/api/auth/sign-up', '/api/auth/sign-in', '/api/v1/me', '/api/auth/sessions'])
      expect(doc.paths).toHaveProperty([path]);
    expect(JSON.stringify(doc.paths['/api/auth/sign-up'])).toContain('password');
    expect(doc.paths['/api/v1/me'].get.security).toEqual([{ session: [] }]);
    expect(doc.paths['/api/auth/sign-in'].post.security).toBeUndefined();
  });

  it('serves a browsable reference at /api/docs', async () => {
    const res = await t.app.inject('/api/docs/');
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('swagger');
  });

  it('serves the web app with history fallback, and assets as long-lived files', async () => {
    const deep = await t.app.inject({
      method: 'GET',
      url: '/verify-email?token=abc',
      headers: { accept: 'text/html' },
    });
    expect(deep.statusCode).toBe(200);
    expect(deep.body).toContain('<div id="root">');
    const asset = await t.app.inject('/assets/app-abc123.js');
    expect(asset.statusCode).toBe(200);
    expect(asset.headers['cache-control']).toContain('immutable');
    const missingApi = await t.app.inject('/api/v1/unknown');
    expect(missingApi.json().error.code).toBe('NOT_FOUND');
    const root = await t.app.inject('/');
    expect(root.statusCode).toBe(200);
    expect(root.body).toContain('<div id="root">');
    expect((await t.app.inject({ method: 'HEAD', url: '/' })).statusCode).toBe(200);
  });

  it('serves files of a web app rebuilt while the server runs', async () => {
    writeFileSync(join(webRoot, 'assets', 'app-new456.js'), 'console.log(2)');
    const res = await t.app.inject('/assets/app-new456.js');
    expect(res.statusCode).toBe(200);
    expect(res.body).toBe('console.log(2)');
  });
});
