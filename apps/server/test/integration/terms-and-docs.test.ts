import { TERMS_MAX_LENGTH } from '@portico/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOperator, createOrganizationWithAsset, json } from '../helpers/factories.js';
import { createTestApp, createUser, type TestApp } from '../helpers/test-app.js';

/**
 * The Terms and Conditions the First Moment of Truth links to (issue 14: a default text ships, operators set the
 * instance's own, /terms shows them), and the documentation the instance serves: /api/docs and /docs.
 */
let t: TestApp;
let operator: string;
let admin: string;

beforeAll(async () => {
  t = await createTestApp();
  operator = await createOperator(t);
  const acme = await createOrganizationWithAsset(t, operator, { code: 'acme', name: 'Acme', serial: 'ACME00000001' });
  admin = await createUser(t, 'ada@example.com', 'Ada Admin');
  await json(t, 'POST', `/api/v1/operator/organizations/${acme.organizationId}/administrators`, operator, {
    email: 'ada@example.com',
  });
});
afterAll(async () => t?.close());

const getTerms = () => t.app.inject({ method: 'GET', url: '/api/v1/terms' });
const putTerms = (body: unknown, cookie: string | null = operator) =>
  t.app.inject({
    method: 'PUT',
    url: '/api/v1/operator/terms',
    headers: cookie ? { cookie } : {},
    payload: body as object,
  });
const termsEvents = () =>
  t.runtime.deps.db.selectFrom('audit_events').selectAll().where('action', '=', 'terms.updated').execute();

describe('Terms and Conditions', () => {
  it('answers the default text to anyone until an operator sets one', async () => {
    const res = await getTerms();
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ isDefault: true, updatedAt: null });
    expect(res.json().text).toMatch(/^Terms and Conditions\n/);
  });

  it('keeps the operator’s text as written, line breaks and tabs included, recorded in the audit log', async () => {
    const text = 'Acme Licensing terms\n\n1.\tUse the seats you bought.\r\n2. Be nice.';
    const res = await putTerms({ text });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({ text, isDefault: false, updatedAt: t.clock.now().toISOString() });
    expect((await getTerms()).json()).toEqual(res.json());
    const [event] = await termsEvents();
    expect(event).toMatchObject({ target_type: 'instance', organization_id: null });
    expect(JSON.parse(event?.after_json as string)).toEqual({ text });

    t.clock.advance(60_000);
    const second = await putTerms({ text: 'Second version' });
    expect(second.json()).toMatchObject({ text: 'Second version', updatedAt: t.clock.now().toISOString() });
    expect(await termsEvents()).toHaveLength(2);
  });

  it('goes back to the default text with null', async () => {
    const res = await putTerms({ text: null });
    expect(res.json()).toMatchObject({ isDefault: true, updatedAt: null });
    expect(JSON.parse((await termsEvents()).at(-1)?.after_json as string)).toEqual({ default: true });
    // Already the default: nothing changes, nothing is recorded.
    const count = (await termsEvents()).length;
    expect((await putTerms({ text: null })).statusCode).toBe(200);
    expect(await termsEvents()).toHaveLength(count);
  });

  it.each([
    ['an empty text', { text: '' }, 'text'],
    ['only spaces and line breaks', { text: ' \n\t ' }, 'text'],
    ['a NUL byte', { text: 'Terms\u0000' }, 'text'],
    ['another control character', { text: 'Terms\u001b[31m' }, 'text'],
    ['a text over the limit', { text: 'x'.repeat(TERMS_MAX_LENGTH + 1) }, 'text'],
    ['a number', { text: 42 }, 'text'],
    ['no text', {}, 'text'],
    ['an unknown field', { text: 'ok', html: '<b>' }, ''],
  ])('refuses %s with 400 naming the field, changing nothing', async (_what, body, path) => {
    const before = (await getTerms()).json();
    const res = await putTerms(body);
    expect(res.statusCode, res.body).toBe(400);
    expect(res.json().error.code).toBe('VALIDATION_FAILED');
    if (path) expect(res.json().error.details[0].path).toBe(path);
    expect((await getTerms()).json()).toEqual(before);
  });

  it('lets only operators set them: 401 without a session, 403 for an administrator', async () => {
    const anonymous = await putTerms({ text: 'Mine' }, null);
    expect(anonymous.statusCode).toBe(401);
    const forbidden = await putTerms({ text: 'Mine' }, admin);
    expect(forbidden.statusCode).toBe(403);
    expect((await getTerms()).json().isDefault).toBe(true);
  });
});

describe('the API reference at /api/docs', () => {
  it('is Portico’s page, under the pages’ Content-Security-Policy, with only same-origin files', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/docs' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/html');
    expect(res.body).toContain('<title>Portico API reference</title>');
    expect(res.body).toContain('href="/docs/api.md"');
    expect(res.body).not.toMatch(/<script>|<style>| style=|https?:\/\//);
    const csp = res.headers['content-security-policy'] as string;
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toContain('unsafe-eval');
    expect((await t.app.inject({ method: 'GET', url: '/api/docs/' })).body).toBe(res.body);
  });

  it('serves its own files and Swagger UI’s, nothing else of that folder', async () => {
    const get = (url: string) => t.app.inject({ method: 'GET', url });
    for (const [url, type] of [
      ['/api/docs/assets/portico.js', 'text/javascript'],
      ['/api/docs/assets/portico.css', 'text/css'],
      ['/api/docs/assets/favicon.svg', 'image/svg+xml'],
      ['/api/docs/static/swagger-ui-bundle.js', 'javascript'],
      ['/api/docs/static/swagger-ui.css', 'text/css'],
    ]) {
      const res = await get(url as string);
      expect(res.statusCode, url).toBe(200);
      expect(res.headers['content-type'], url).toContain(type);
    }
    for (const url of ['/api/docs/assets/nope.js', '/api/docs/static/index.html', '/api/docs/static/../package.json'])
      expect((await get(url)).statusCode, url).toBe(404);
    expect((await get('/api/docs/json')).json().info.title).toBe('Portico API');
  });

  it('links the guide served by the instance from the OpenAPI document', async () => {
    const doc = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
    expect(doc.info.description).toContain('(/docs/api.md)');
    expect(doc.paths['/api/v1/terms'].get).toBeDefined();
    expect(doc.paths['/api/v1/operator/products/{product}/retire'].post).toBeDefined();
  });
});

describe('the guides at /docs', () => {
  it('lists the Markdown files of docs/ and serves each as plain text', async () => {
    const index = await t.app.inject({ method: 'GET', url: '/docs' });
    expect(index.statusCode).toBe(200);
    expect(index.body).toContain('href="/docs/api.md"');
    expect(index.body).toContain('href="/docs/adr/0003-csrf.md"');
    const guide = await t.app.inject({ method: 'GET', url: '/docs/api.md' });
    expect(guide.statusCode).toBe(200);
    expect(guide.headers['content-type']).toBe('text/plain; charset=utf-8');
    expect(guide.body).toMatch(/^# /);
    expect((await t.app.inject({ method: 'GET', url: '/docs/adr/0003-csrf.md' })).statusCode).toBe(200);
  });

  it.each(['/docs/nope.md', '/docs/../package.json', '/docs/%2e%2e/package.json', '/docs/adr', '/docs/api.md%00'])(
    'answers %s 404',
    async (url) => {
      const res = await t.app.inject({ method: 'GET', url });
      expect(res.statusCode).toBe(404);
      expect(res.json().error.code).toBe('NOT_FOUND');
    },
  );
});
