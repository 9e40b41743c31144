import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  cookieFrom,
  createTestApp,
  createUser,
  lastLinkTo,
  mailboxMessages,
  PASSWORD,
  post,
  signIn,
  signUp,
  type TestApp,
  tokenFromLink,
  verify,
} from '../helpers/test-app.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t.close());

async function userCount(): Promise<number> {
  const row = await t.runtime.deps.db
    .selectFrom('users')
    .select(t.runtime.deps.db.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

describe('sign up, verify, sign in', () => {
  it('walks the whole path and /me tells who is signed in', async () => {
    await signUp(t, 'First.Person@Example.COM', 'First Person');
    const early = await post(t, '/api/auth/sign-in', { email: 'first.person@example.com', password: PASSWORD });
    expect(early.statusCode).toBe(403);
    expect(early.json().error.code).toBe('EMAIL_NOT_VERIFIED');

    await verify(t, 'first.person@example.com');
    const cookie = await signIn(t, 'FIRST.person@example.com');
    const me = await t.app.inject({ method: 'GET', url: '/api/v1/me', headers: { cookie } });
    expect(me.statusCode).toBe(200);
    expect(me.json()).toMatchObject({
      user: { email: 'first.person@example.com', name: 'First Person', emailVerified: true },
      isOperator: true,
    });
  });

  it('makes only the first account an operator', async () => {
    const cookie = await createUser(t, 'second@example.com');
    const me = await t.app.inject({ method: 'GET', url: '/api/v1/me', headers: { cookie } });
    expect(me.json().isOperator).toBe(false);
  });

  it('answers 401 on /me without a valid session, also with a forged cookie', async () => {
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/me' })).statusCode).toBe(401);
    const forged = await t.app.inject({
      method: 'GET',
      url: '/api/v1/me',
      headers: { cookie: 'portico.session_token=abc.def' },
    });
    expect(forged.statusCode).toBe(401);
    expect(forged.json().error.code).toBe('UNAUTHENTICATED');
  });

  it('sets HttpOnly, SameSite=Lax session cookies', async () => {
    const res = await post(t, '/api/auth/sign-in', { email: 'second@example.com', password: PASSWORD });
    const setCookie = String(res.headers['set-cookie']);
    expect(setCookie).toContain('portico.session_token=');
    expect(setCookie).toContain('HttpOnly');
    expect(setCookie).toContain('SameSite=Lax');
    expect(setCookie).not.toContain('Secure');
  });

  it('refuses a used or forged verification token', async () => {
    const bad = await post(t, '/api/auth/verify-email', { token: 'not-a-token' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.code).toBe('INVALID_TOKEN');
  });
});

describe('bad input creates nothing', () => {
  const cases: [string, Record<string, unknown>, string][] = [
    ['a bad email', { name: 'X', email: 'not-an-email', password: PASSWORD }, 'email'],
    ['a short password', { name: 'X', email: 'short@example.com', password: 'short' }, 'password'],
    ['a common password', { name: 'X', email: 'common@example.com', password: 'password123' }, 'password'],
    [
      'a common password in other case',
      { name: 'X', email: 'common2@example.com', password: 'QWERTYUIOP' },
      'password',
    ],
    ['an unknown field', { name: 'X', email: 'extra@example.com', password: PASSWORD, role: 'admin' }, 'role'],
    ['a missing name', { email: 'noname@example.com', password: PASSWORD }, 'name'],
    ['a wrong type', { name: 42, email: 'type@example.com', password: PASSWORD }, 'name'],
  ];
  it.each(cases)('answers 400 naming the field for %s', async (_label, payload, field) => {
    const before = await userCount();
    const res = await post(t, '/api/auth/sign-up', payload);
    expect(res.statusCode).toBe(400);
    const { error } = res.json();
    expect(error.code).toBe('VALIDATION_FAILED');
    expect(error.details.map((d: { path: string }) => d.path)).toContain(field);
    expect(error.requestId).toMatch(/^req_/);
    expect(await userCount()).toBe(before);
  });

  it('answers 413 to a 2 MB body and creates nothing', async () => {
    const before = await userCount();
    const res = await post(t, '/api/auth/sign-up', {
      name: 'x'.repeat(2 * 1024 * 1024),
      email: 'big@example.com',
      password: PASSWORD,
    });
    expect(res.statusCode).toBe(413);
    expect(res.json().error.code).toBe('PAYLOAD_TOO_LARGE');
    expect(await userCount()).toBe(before);
  });

  it('answers 400 to malformed JSON and to SQL or HTML in fields without harm', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/auth/sign-in',
      headers: { 'content-type': 'application/json' },
      payload: '{"email":',
    });
    expect(res.statusCode).toBe(400);
    const injection = await post(t, '/api/auth/sign-in', { email: "x@example.com' OR 1=1 --", password: 'x' });
    expect(injection.statusCode).toBe(400);
    const html = await post(t, '/api/auth/sign-up', {
      name: '<script>alert(1)</script>',
      email: 'html@example.com',
      password: PASSWORD,
    });
    expect(html.statusCode).toBe(202);
  });

  it('answers a second sign-up with the same address exactly like a new one', async () => {
    const again = await post(t, '/api/auth/sign-up', {
      name: 'Someone',
      email: 'second@example.com',
      password: PASSWORD,
    });
    const fresh = await post(t, '/api/auth/sign-up', {
      name: 'Someone',
      email: 'brand-new@example.com',
      password: PASSWORD,
    });
    expect(again.statusCode).toBe(fresh.statusCode);
    expect(again.json()).toEqual(fresh.json());
  });
});

describe('rate limits and enumeration', () => {
  it('answers 429 with Retry-After after repeated wrong passwords', async () => {
    await signUp(t, 'locked@example.com');
    await verify(t, 'locked@example.com');
    const statuses: number[] = [];
    let retryAfter: string | undefined;
    for (let i = 0; i < 20; i++) {
      const res = await post(t, '/api/auth/sign-in', { email: 'locked@example.com', password: `wrong-password-${i}` });
      statuses.push(res.statusCode);
      if (res.statusCode === 429) retryAfter = String(res.headers['retry-after']);
    }
    expect(statuses.slice(0, 10).every((s) => s === 401)).toBe(true);
    expect(statuses.at(-1)).toBe(429);
    expect(Number(retryAfter)).toBeGreaterThan(0);
    // The window passes: the account can be used again.
    t.clock.advance(16 * 60_000);
    expect((await post(t, '/api/auth/sign-in', { email: 'locked@example.com', password: PASSWORD })).statusCode).toBe(
      200,
    );
  });

  it('answers a reset for an unknown email exactly like for a known one', async () => {
    const known = await post(t, '/api/auth/forgot-password', { email: 'first.person@example.com' });
    const unknown = await post(t, '/api/auth/forgot-password', { email: 'nobody-here@example.com' });
    expect(unknown.statusCode).toBe(202);
    expect(unknown.statusCode).toBe(known.statusCode);
    expect(unknown.json()).toEqual(known.json());
    const messages = await mailboxMessages(t);
    expect(messages.some((m) => m.to === 'nobody-here@example.com')).toBe(false);
  });
});

describe('password reset and change, sessions', () => {
  it('resets the password with the emailed link, once', async () => {
    await post(t, '/api/auth/forgot-password', { email: 'first.person@example.com' });
    const token = tokenFromLink(await lastLinkTo(t, 'first.person@example.com', 'Reset'));
    expect((await post(t, '/api/auth/reset-password', { token, newPassword: 'password123' })).statusCode).toBe(400);
    expect(
      (await post(t, '/api/auth/reset-password', { token, newPassword: 'amber-falcon-river-77' })).statusCode,
    ).toBe(200);
    expect(
      (await post(t, '/api/auth/reset-password', { token, newPassword: 'amber-falcon-river-78' })).json().error.code,
    ).toBe('INVALID_TOKEN');
    await signIn(t, 'first.person@example.com', 'amber-falcon-river-77');
  });

  it('changes the password and signs out the other sessions when asked', async () => {
    const email = 'changer@example.com';
    const first = await createUser(t, email);
    const second = await signIn(t, email);
    const sessions = await t.app.inject({ method: 'GET', url: '/api/auth/sessions', headers: { cookie: second } });
    expect(sessions.json().sessions).toHaveLength(2);
    expect(sessions.json().sessions.filter((s: { current: boolean }) => s.current)).toHaveLength(1);

    const wrong = await post(
      t,
      '/api/auth/change-password',
      { currentPassword: 'not-it-at-all', newPassword: 'cobalt-meadow-sunrise-9' },
      second,
    );
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().error.details[0].path).toBe('currentPassword');

    const changed = await post(
      t,
      '/api/auth/change-password',
      { currentPassword: PASSWORD, newPassword: 'cobalt-meadow-sunrise-9', signOutOtherSessions: true },
      second,
    );
    expect(changed.statusCode).toBe(200);
    const newCookie = cookieFrom(changed) || second;
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/me', headers: { cookie: first } })).statusCode).toBe(401);
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/me', headers: { cookie: newCookie } })).statusCode).toBe(
      200,
    );
    await signIn(t, email, 'cobalt-meadow-sunrise-9');
  });

  it('signs out one session, the others, and itself', async () => {
    const email = 'sessions@example.com';
    const a = await createUser(t, email);
    const b = await signIn(t, email);
    await signIn(t, email);
    const list = (await t.app.inject({ method: 'GET', url: '/api/auth/sessions', headers: { cookie: a } })).json()
      .sessions;
    const other = list.find((s: { current: boolean }) => !s.current);
    expect(
      (await t.app.inject({ method: 'DELETE', url: `/api/auth/sessions/${other.id}`, headers: { cookie: a } }))
        .statusCode,
    ).toBe(204);
    expect(
      (await t.app.inject({ method: 'DELETE', url: `/api/auth/sessions/${other.id}`, headers: { cookie: a } }))
        .statusCode,
    ).toBe(404);
    const others = await post(t, '/api/auth/sessions/sign-out-others', {}, a);
    expect(others.json().revoked).toBe(1);
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/me', headers: { cookie: b } })).statusCode).toBe(401);
    expect((await post(t, '/api/auth/sign-out', {}, a)).statusCode).toBe(204);
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/me', headers: { cookie: a } })).statusCode).toBe(401);
  });

  it('renames the account', async () => {
    const cookie = await createUser(t, 'rename@example.com', 'Old Name');
    const res = await t.app.inject({
      method: 'PATCH',
      url: '/api/v1/me',
      headers: { cookie },
      payload: { name: 'New Name' },
    });
    expect(res.json().user.name).toBe('New Name');
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/me', headers: { cookie } })).json().user.name).toBe(
      'New Name',
    );
  });
});

describe('sign-up is one transaction', () => {
  it('creates no account when its verification email cannot be queued', async () => {
    const { db } = t.runtime.deps;
    await db.schema.alterTable('outbox_emails').renameTo('outbox_emails_away').execute();
    try {
      const res = await post(t, '/api/auth/sign-up', {
        name: 'No Mail',
        email: 'no-mail@example.com',
        password: PASSWORD,
      });
      expect(res.statusCode).toBeGreaterThanOrEqual(500);
      expect(res.json().error.requestId).toMatch(/^req_/);
    } finally {
      await db.schema.alterTable('outbox_emails_away').renameTo('outbox_emails').execute();
    }
    const user = await db
      .selectFrom('users')
      .select('id')
      .where('email', '=', 'no-mail@example.com')
      .executeTakeFirst();
    expect(user).toBeUndefined();
    const events = await db
      .selectFrom('audit_events')
      .select('id')
      .where('after_json', 'like', '%no-mail@example.com%')
      .execute();
    expect(events).toHaveLength(0);
    // Asked again once the outbox is back, the same address signs up normally.
    await signUp(t, 'no-mail@example.com', 'No Mail');
    await verify(t, 'no-mail@example.com');
  });
});
