import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decideDeviceCode, pollToken, requestDeviceCode, signInDevice } from '../helpers/device-sign-in.js';
import { createSignedInUser, json } from '../helpers/factories.js';
import { createTestApp, type TestApp } from '../helpers/test-app.js';

// The /device page: a signed-in person looks up the code the application shows, then approves or denies it.

let t: TestApp;
let cookie: string;
let other: string;

beforeAll(async () => {
  t = await createTestApp();
  cookie = await createSignedInUser(t, 'approver@example.com', 'Ada Approver');
  other = await createSignedInUser(t, 'other@example.com', 'Otto Other');
});
afterAll(async () => t?.close());

const lookUp = (code: string, as = cookie) =>
  json(t, 'GET', `/api/v1/licensing/device/requests/${encodeURIComponent(code)}`, as);

async function auditOf(action: string) {
  return t.runtime.deps.db.selectFrom('audit_events').selectAll().where('action', '=', action).execute();
}

describe('looking up a user code', () => {
  it('shows what asks to sign in, however the code is typed', async () => {
    const code = await requestDeviceCode(t, {
      application: 'Portico CAD',
      machine_name: 'DESIGN-07',
      platform: 'macos',
      app_version: '2026.1',
    });
    const bare = code.user_code.replace('-', '');
    const spaced = `${bare.slice(0, 4)} ${bare.slice(4)}`;
    for (const typed of [code.user_code, code.user_code.toLowerCase(), bare, ` ${spaced.toLowerCase()} `]) {
      const res = await lookUp(typed);
      expect(res.statusCode).toBe(200);
      expect(res.json()).toEqual({
        userCode: code.user_code,
        application: 'Portico CAD',
        clientId: 'portico-desktop',
        machineName: 'DESIGN-07',
        platform: 'macos',
        appVersion: '2026.1',
        requestedAt: t.clock.now().toISOString(),
        expiresAt: new Date(t.clock.now().getTime() + 900_000).toISOString(),
        status: 'pending',
      });
    }
  });

  it('answers 404 for an unknown code, one that cannot be a code, and one already decided', async () => {
    const decided = await requestDeviceCode(t);
    expect((await decideDeviceCode(t, cookie, decided.user_code, 'deny')).statusCode).toBe(200);
    for (const typed of ['BCDF-GHJK', 'AEIO-U123', 'too-short', decided.user_code]) {
      const res = await lookUp(typed);
      expect(res.statusCode).toBe(404);
      expect(res.json().error).toMatchObject({ code: 'NOT_FOUND', message: expect.stringMatching(/not valid/) });
    }
  });

  it('says expired once the 15 minutes are over, and refuses to decide it', async () => {
    const code = await requestDeviceCode(t);
    t.clock.advance(900_000);
    const res = await lookUp(code.user_code);
    expect(res.statusCode).toBe(200);
    expect(res.json().status).toBe('expired');
    const late = await decideDeviceCode(t, cookie, code.user_code);
    expect(late.statusCode).toBe(409);
    expect(late.json().error.code).toBe('CONFLICT');
  });

  it('limits look-ups per account against guessing (30 in 10 minutes)', async () => {
    const guesser = await createSignedInUser(t, 'guesser@example.com', 'Gus Guesser');
    for (let i = 0; i < 30; i++) expect((await lookUp('BCDF-GHJK', guesser)).statusCode).toBe(404);
    const refused = await lookUp('BCDF-GHJK', guesser);
    expect(refused.statusCode).toBe(429);
    expect(refused.headers['retry-after']).toBeDefined();
    // Another account is not affected.
    expect((await lookUp('BCDF-GHJK', other)).statusCode).toBe(404);
  });
});

describe('deciding', () => {
  it('needs a browser session: none is 401, a desktop token is 403', async () => {
    const code = await requestDeviceCode(t);
    const anonymous = await t.app.inject({
      method: 'POST',
      url: `/api/v1/licensing/device/requests/${code.user_code}`,
      payload: { decision: 'approve' },
    });
    expect(anonymous.statusCode).toBe(401);
    const { token } = await signInDevice(t, cookie);
    for (const method of ['GET', 'POST'] as const) {
      const res = await t.app.inject({
        method,
        url: `/api/v1/licensing/device/requests/${code.user_code}`,
        headers: { authorization: `Bearer ${token}` },
        ...(method === 'POST' ? { payload: { decision: 'approve' } } : {}),
      });
      expect(res.statusCode).toBe(403);
    }
    expect((await lookUp(code.user_code)).json().status).toBe('pending');
  });

  it('needs a verified email address', async () => {
    const unverified = await createSignedInUser(t, 'unverified@example.com', 'Una Verified', { emailVerified: false });
    const code = await requestDeviceCode(t);
    const res = await decideDeviceCode(t, unverified, code.user_code);
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe('EMAIL_NOT_VERIFIED');
    expect((await lookUp(code.user_code)).json().status).toBe('pending');
  });

  it('approves once, records who and what (never a code), and a second decision is a conflict', async () => {
    const code = await requestDeviceCode(t, { application: 'Portico CAD', machine_name: 'DESIGN-08' });
    const approved = await decideDeviceCode(t, cookie, code.user_code);
    expect(approved.statusCode).toBe(200);
    expect(approved.json()).toMatchObject({ userCode: code.user_code, status: 'approved' });
    for (const decision of ['approve', 'deny'] as const) {
      const again = await decideDeviceCode(t, cookie, code.user_code, decision);
      expect(again.statusCode).toBe(409);
      expect(again.json().error.code).toBe('CONFLICT');
    }
    // Someone else's decided request looks like an unknown code.
    expect((await decideDeviceCode(t, other, code.user_code)).statusCode).toBe(404);

    const events = await auditOf('device.approved');
    const event = events.at(-1);
    expect(event).toMatchObject({ target_type: 'device_authorization', actor_ip: expect.any(String) });
    expect(JSON.parse(event?.after_json ?? '{}')).toEqual({ application: 'Portico CAD', machineName: 'DESIGN-08' });
    const recorded = JSON.stringify(await t.runtime.deps.db.selectFrom('audit_events').selectAll().execute());
    expect(recorded).not.toContain(code.device_code);
    expect(recorded).not.toContain(code.user_code.replace('-', ''));
    expect(recorded).not.toContain(code.user_code);
  });

  it('lets one of two people deciding at the same moment win', async () => {
    const code = await requestDeviceCode(t);
    const [a, b] = await Promise.all([
      decideDeviceCode(t, cookie, code.user_code, 'approve'),
      decideDeviceCode(t, other, code.user_code, 'deny'),
    ]);
    const statuses = [a!.statusCode, b!.statusCode];
    expect(statuses.filter((s) => s === 200)).toHaveLength(1);
    // The other was decided against a request no longer pending: a conflict, or (someone else's) an unknown code.
    expect([409, 404]).toContain(statuses.find((s) => s !== 200));
    const winner = a!.statusCode === 200 ? 'approved' : 'denied';
    t.clock.advance(5_000);
    const polled = await pollToken(t, code.device_code);
    expect(winner === 'approved' ? polled.statusCode : polled.json().error).toBe(
      winner === 'approved' ? 200 : 'access_denied',
    );
  });

  it('takes JSON only, like the rest of the API (form bodies are for the OAuth endpoints)', async () => {
    const code = await requestDeviceCode(t);
    const res = await t.app.inject({
      method: 'POST',
      url: `/api/v1/licensing/device/requests/${code.user_code}`,
      headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' },
      payload: 'decision=approve',
    });
    expect(res.statusCode).toBe(415);
    expect(res.json().error.code).toBe('UNSUPPORTED_MEDIA_TYPE');
  });

  it('records a denial', async () => {
    const code = await requestDeviceCode(t, { application: 'Portico Sim' });
    const before = (await auditOf('device.denied')).length;
    expect((await decideDeviceCode(t, cookie, code.user_code, 'deny')).json().status).toBe('denied');
    const events = await auditOf('device.denied');
    expect(events).toHaveLength(before + 1);
    expect(JSON.parse(events.at(-1)?.after_json ?? '{}')).toEqual({ application: 'Portico Sim', machineName: null });
  });
});
