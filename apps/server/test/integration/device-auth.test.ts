import { DEVICE_GRANT_TYPE, USER_CODE_ALPHABET } from '@portico/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashSecret } from '../../src/modules/device-auth/device-secrets.js';
import {
  DESKTOP_CLIENT_ID,
  decideDeviceCode,
  pollToken,
  postForm,
  requestDeviceCode,
} from '../helpers/device-sign-in.js';
import { createSignedInUser } from '../helpers/factories.js';
import { createTestApp, type TestApp } from '../helpers/test-app.js';

// The OAuth 2.0 Device Authorization Grant (RFC 8628) as a desktop application drives it.

let t: TestApp;
let cookie: string;

beforeAll(async () => {
  t = await createTestApp({ env: { PUBLIC_URL: 'https://licenses.example.com' } });
  cookie = await createSignedInUser(t, 'rfc.user@example.com', 'Rita Flow');
});
afterAll(async () => t?.close());

const CODE = `[${USER_CODE_ALPHABET}]{4}-[${USER_CODE_ALPHABET}]{4}`;

function authorization(deviceCode: string) {
  return t.runtime.deps.db
    .selectFrom('device_authorizations')
    .selectAll()
    .where('device_code_hash', '=', hashSecret(deviceCode))
    .executeTakeFirstOrThrow();
}

describe('authorization server metadata (RFC 8414)', () => {
  it('names the endpoints, the grant, the scope and public clients', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/.well-known/oauth-authorization-server' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({
      issuer: 'https://licenses.example.com',
      device_authorization_endpoint: 'https://licenses.example.com/api/v1/licensing/device/code',
      token_endpoint: 'https://licenses.example.com/api/v1/licensing/device/token',
      grant_types_supported: [DEVICE_GRANT_TYPE],
      scopes_supported: ['licensing'],
      token_endpoint_auth_methods_supported: ['none'],
      response_types_supported: [],
      jwks_uri: 'https://licenses.example.com/.well-known/jwks.json',
      service_documentation: 'https://licenses.example.com/api/docs',
    });
  });
});

describe('POST /api/v1/licensing/device/code', () => {
  it('answers a device code, a user code to type and where to type it, never to be cached', async () => {
    const res = await postForm(t, '/api/v1/licensing/device/code', {
      client_id: DESKTOP_CLIENT_ID,
      scope: 'licensing',
      application: 'Portico CAD',
      machine_name: 'DESIGN-07',
      platform: 'windows',
      app_version: '2026.1',
    });
    expect(res.statusCode).toBe(200);
    expect(res.headers['cache-control']).toBe('no-store');
    const body = res.json();
    expect(body.user_code).toMatch(new RegExp(`^${CODE}$`));
    expect(body.device_code).toMatch(/^[A-Za-z0-9_-]{43,}$/);
    expect(body).toMatchObject({
      verification_uri: 'https://licenses.example.com/device',
      verification_uri_complete: `https://licenses.example.com/device?user_code=${body.user_code}`,
      expires_in: 900,
      interval: 5,
    });
    // Stored: the device code's hash only, the user code upper case without its dash, what the page shows.
    const row = await authorization(body.device_code);
    expect(row).toMatchObject({
      user_code: body.user_code.replace('-', ''),
      client_id: DESKTOP_CLIENT_ID,
      application: 'Portico CAD',
      machine_name: 'DESIGN-07',
      platform: 'windows',
      app_version: '2026.1',
      status: 'pending',
    });
    expect(JSON.stringify(row)).not.toContain(body.device_code);
  });

  it('accepts JSON as well, and names the application after the client when it says nothing else', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/licensing/device/code',
      payload: { client_id: 'portico-cli' },
    });
    expect(res.statusCode).toBe(200);
    expect((await authorization(res.json().device_code)).application).toBe('portico-cli');
  });

  it('gives different codes every time', async () => {
    const answers = await Promise.all(Array.from({ length: 20 }, () => requestDeviceCode(t)));
    expect(new Set(answers.map((a) => a.user_code)).size).toBe(20);
    expect(new Set(answers.map((a) => a.device_code)).size).toBe(20);
  });

  it('grants the licensing scope only (invalid_scope), and wants a client_id (invalid_request), as RFC errors', async () => {
    const scoped = await postForm(t, '/api/v1/licensing/device/code', {
      client_id: DESKTOP_CLIENT_ID,
      scope: 'licensing account',
    });
    expect(scoped.statusCode).toBe(400);
    expect(scoped.json()).toEqual({ error: 'invalid_scope', error_description: expect.any(String) });
    expect(scoped.headers['cache-control']).toBe('no-store');
    const anonymous = await postForm(t, '/api/v1/licensing/device/code', { scope: 'licensing' });
    expect(anonymous.statusCode).toBe(400);
    expect(anonymous.json()).toMatchObject({ error: 'invalid_request', error_description: 'client_id is required' });
  });
});

describe('POST /api/v1/licensing/device/token', () => {
  it('refuses other grant types, missing and unknown codes and another client, in the RFC shape', async () => {
    const code = await requestDeviceCode(t);
    const cases: [Record<string, string>, string][] = [
      [{ grant_type: 'authorization_code', code: 'x' }, 'unsupported_grant_type'],
      [{ grant_type: DEVICE_GRANT_TYPE }, 'invalid_request'],
      [{ client_id: DESKTOP_CLIENT_ID, device_code: code.device_code }, 'invalid_request'],
      [{ grant_type: DEVICE_GRANT_TYPE, device_code: 'not-a-code' }, 'invalid_grant'],
      [{ grant_type: DEVICE_GRANT_TYPE, device_code: code.device_code, client_id: 'someone-else' }, 'invalid_grant'],
    ];
    for (const [fields, error] of cases) {
      const res = await postForm(t, '/api/v1/licensing/device/token', fields);
      expect({ fields, status: res.statusCode, body: res.json() }).toEqual({
        fields,
        status: 400,
        body: { error, error_description: expect.any(String) },
      });
      expect(res.headers['cache-control']).toBe('no-store');
    }
  });

  it('answers malformed bodies in the RFC shape too, not the API envelope', async () => {
    for (const [type, payload] of [
      ['application/json', '{"grant_type":'],
      ['text/plain', 'grant_type=x'],
      ['application/x-www-form-urlencoded', `grant_type=${DEVICE_GRANT_TYPE}&device_code=a&device_code=b`],
    ]) {
      const res = await t.app.inject({
        method: 'POST',
        url: '/api/v1/licensing/device/token',
        headers: { 'content-type': type as string },
        payload,
      });
      expect(res.statusCode).toBe(400);
      expect(res.json()).toEqual({ error: 'invalid_request', error_description: expect.any(String) });
    }
  });

  it('says authorization_pending, then slow_down when polled too soon, with an interval 5 s longer each time', async () => {
    const code = await requestDeviceCode(t);
    expect((await pollToken(t, code.device_code)).json().error).toBe('authorization_pending');
    expect((await pollToken(t, code.device_code)).json().error).toBe('slow_down');
    expect((await authorization(code.device_code)).interval_seconds).toBe(10);
    // Waiting the old 5 seconds is too soon now.
    t.clock.advance(5_000);
    expect((await pollToken(t, code.device_code)).json().error).toBe('slow_down');
    expect((await authorization(code.device_code)).interval_seconds).toBe(15);
    // Waiting the grown interval is fine.
    t.clock.advance(15_000);
    expect((await pollToken(t, code.device_code)).json().error).toBe('authorization_pending');
  });

  it('says expired_token once the 15 minutes are over, approved or not', async () => {
    const pending = await requestDeviceCode(t);
    const approved = await requestDeviceCode(t);
    expect((await decideDeviceCode(t, cookie, approved.user_code)).statusCode).toBe(200);
    t.clock.advance(900_000);
    for (const code of [pending, approved]) {
      const res = await pollToken(t, code.device_code);
      expect(res.statusCode).toBe(400);
      expect(res.json().error).toBe('expired_token');
    }
  });

  it('says access_denied after the person denied it', async () => {
    const code = await requestDeviceCode(t);
    expect((await decideDeviceCode(t, cookie, code.user_code, 'deny')).json().status).toBe('denied');
    expect((await pollToken(t, code.device_code)).json().error).toBe('access_denied');
  });

  it('issues a Bearer token for licensing once approved, and only once', async () => {
    const code = await requestDeviceCode(t);
    expect((await pollToken(t, code.device_code)).json().error).toBe('authorization_pending');
    expect((await decideDeviceCode(t, cookie, code.user_code)).json().status).toBe('approved');
    t.clock.advance(5_000);
    const res = await pollToken(t, code.device_code);
    expect(res.statusCode).toBe(200);
    expect(res.headers['cache-control']).toBe('no-store');
    expect(res.json()).toEqual({
      access_token: expect.stringMatching(/^pdt_[A-Za-z0-9_-]{43}$/),
      token_type: 'Bearer',
      expires_in: 90 * 86_400,
      scope: 'licensing',
    });
    t.clock.advance(5_000);
    expect((await pollToken(t, code.device_code)).json().error).toBe('invalid_grant');
    const stored = await t.runtime.deps.db.selectFrom('device_tokens').selectAll().execute();
    expect(stored.some((row) => row.token_hash === hashSecret(res.json().access_token))).toBe(true);
    expect(JSON.stringify(stored)).not.toContain(res.json().access_token);
  });

  it('issues the token once when the application polls many times at the same moment', async () => {
    const code = await requestDeviceCode(t);
    expect((await decideDeviceCode(t, cookie, code.user_code)).statusCode).toBe(200);
    const answers = await Promise.all(Array.from({ length: 25 }, () => pollToken(t, code.device_code)));
    const issued = answers.filter((res) => res.statusCode === 200);
    expect(issued).toHaveLength(1);
    for (const res of answers.filter((r) => r.statusCode !== 200)) {
      expect(res.statusCode).toBe(400);
      expect(['invalid_grant', 'slow_down']).toContain(res.json().error);
    }
    const tokens = await t.runtime.deps.db
      .selectFrom('device_tokens as t')
      .innerJoin('device_authorizations as a', 'a.id', 't.authorization_id')
      .select('t.id')
      .where('a.device_code_hash', '=', hashSecret(code.device_code))
      .execute();
    expect(tokens).toHaveLength(1);
  });
});

describe('rate limit of device codes', () => {
  it('refuses past the limit per address with 429, Retry-After and an RFC error', async () => {
    const limited = await createTestApp({ rateRules: { deviceCodePerIp: { limit: 2, windowMs: 3_600_000 } } });
    try {
      await requestDeviceCode(limited);
      await requestDeviceCode(limited);
      const res = await postForm(limited, '/api/v1/licensing/device/code', { client_id: DESKTOP_CLIENT_ID });
      expect(res.statusCode).toBe(429);
      expect(Number(res.headers['retry-after'])).toBeGreaterThan(0);
      expect(res.json()).toEqual({ error: 'temporarily_unavailable', error_description: expect.any(String) });
    } finally {
      await limited.close();
    }
  });
});
