import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOrganizationWithAsset, createSignedInUser, json } from '../helpers/factories.js';
import { freePort, linksIn, SmtpPeer, textPart } from '../helpers/smtp-peer.js';
import { cookieFrom, createTestApp, PASSWORD, type TestApp } from '../helpers/test-app.js';

/**
 * Issue 14 part 4 (docs/adr/0014): creating an account from an invitation link for that same address makes it
 * verified — no verification email, through the real SMTP peer and the outbox — signs it in and accepts the
 * invitation; the token for another address, an expired, revoked or used invitation, and an address that has an
 * account are refused before any account exists.
 */
const PUBLIC_URL = 'https://portal.example.com';
const DAY = 24 * 60 * 60 * 1000;

let t: TestApp;
let peer: SmtpPeer;
let admin: string;
let org: string;

beforeAll(async () => {
  peer = new SmtpPeer({ port: await freePort() });
  await peer.start();
  t = await createTestApp({ env: { SMTP_URL: peer.url, PUBLIC_URL } });
  const operator = await createSignedInUser(t, 'operator@example.com', 'Olivia Operator', { isOperator: true });
  // As after a real first sign-up: the first-operator claim is taken, so no invitee below becomes an operator.
  await t.runtime.deps.db
    .insertInto('instance_flags')
    .values({ name: 'first_operator', value: 'operator@example.com', created_at: t.clock.now().toISOString() })
    .execute();
  ({ organizationId: org } = await createOrganizationWithAsset(t, operator, {
    code: 'northwind',
    name: 'Northwind Traders',
    serial: 'NWND-0000-0001',
  }));
  admin = await createSignedInUser(t, 'ada.admin@example.com', 'Ada Admin');
  const appointed = await json(t, 'POST', `/api/v1/operator/organizations/${org}/administrators`, operator, {
    email: 'ada.admin@example.com',
  });
  expect(appointed.statusCode).toBe(200);
});
afterAll(async () => {
  await t?.close();
  await peer?.stop();
});

/** Invites one address; returns the token of the link the SMTP peer received. */
async function invite(email: string, message?: string): Promise<{ id: string; token: string }> {
  const res = await json(t, 'POST', `/api/v1/orgs/${org}/invitations`, admin, {
    emails: email,
    rights: 'member',
    ...(message ? { message } : {}),
  });
  expect(res.json().results[0].outcome, res.body).toBe('invited');
  const id = res.json().results[0].invitationId as string;
  await t.runtime.worker.drainOnce();
  const mail = peer.to(email).at(-1);
  const link = linksIn(textPart(mail!)).find((l) => l.includes(`/invitations/${id}.`));
  return { id, token: link!.slice(`${PUBLIC_URL}/invitations/`.length) };
}

const signUp = (token: string, body: { name?: string; email: string; password?: string }) =>
  t.app.inject({
    method: 'POST',
    url: `/api/v1/invitations/${token}/sign-up`,
    payload: { name: body.name ?? 'Pat Invitee', email: body.email, password: body.password ?? PASSWORD },
  });

function expectError(res: LightMyRequestResponse, status: number, code: string) {
  expect(`${res.statusCode} ${res.json().error?.code}`, res.body).toBe(`${status} ${code}`);
}

const userOf = (email: string) =>
  t.runtime.deps.db.selectFrom('users').selectAll().where('email', '=', email).executeTakeFirst();
const queuedTo = (email: string) =>
  t.runtime.deps.db.selectFrom('outbox_emails').select('kind').where('to_address', '=', email).execute();

describe('Create account from an invitation link', () => {
  it('creates the account verified, signs it in and accepts: one email (the invitation), not two', async () => {
    const { token } = await invite('pat@example.com', 'Welcome!\nSee you Monday.');
    const res = await signUp(token, { name: 'Pat Lee', email: '  Pat@Example.com ' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({ organization: { id: org, name: 'Northwind Traders' }, rights: 'member' });

    expect(Boolean((await userOf('pat@example.com'))?.email_verified)).toBe(true);
    const me = await json(t, 'GET', '/api/v1/me', cookieFrom(res));
    expect(me.statusCode).toBe(200);
    expect(me.json().user).toMatchObject({ email: 'pat@example.com', name: 'Pat Lee', emailVerified: true });
    expect(me.json().organizations).toEqual([expect.objectContaining({ id: org, rights: 'member' })]);

    // The outbox holds the invitation only, and the SMTP peer received only it.
    expect((await queuedTo('pat@example.com')).map((q) => q.kind)).toEqual(['invitation']);
    await t.runtime.worker.drainOnce();
    expect(peer.to('pat@example.com').map((m) => m.subject)).toEqual([
      'Ada Admin invites you to Northwind Traders in Portico',
    ]);

    const signedUp = await t.runtime.deps.db
      .selectFrom('audit_events')
      .select(['after_json', 'target_name', 'target_detail'])
      .where('action', '=', 'account.signed_up')
      .where('target_detail', '=', 'pat@example.com')
      .executeTakeFirstOrThrow();
    expect(JSON.parse(signedUp.after_json as string)).toMatchObject({ verifiedBy: 'invitation' });
    expect(signedUp.target_name).toBe('Pat Lee');
  });

  it('shows the message, and tells the member who used the link when they joined', async () => {
    const { token } = await invite('quinn@example.com', 'Hello Quinn,\nwelcome to the team.');
    const view = (cookie?: string) =>
      t.app.inject({ method: 'GET', url: `/api/v1/invitations/${token}`, headers: cookie ? { cookie } : {} });
    expect((await view()).json()).toMatchObject({
      state: 'pending',
      message: 'Hello Quinn,\nwelcome to the team.',
      joined: null,
    });
    const res = await signUp(token, { email: 'quinn@example.com' });
    expect(res.statusCode, res.body).toBe(200);

    const mine = (await view(cookieFrom(res))).json();
    expect(mine).toMatchObject({ state: 'accepted', joined: { organizationId: org, at: t.clock.now().toISOString() } });
    // Anyone else holding the link learns it was used, not by whom or where.
    expect((await view()).json()).toMatchObject({ state: 'accepted', joined: null });
    expect((await view(admin)).json().joined).toBeNull();
  });

  it('refuses the token of an invitation sent to another address, and creates nothing', async () => {
    const { token } = await invite('rene@example.com');
    expectError(await signUp(token, { email: 'mallory@example.com' }), 403, 'EMAIL_MISMATCH');
    expect(await userOf('mallory@example.com')).toBeUndefined();
    expect(await userOf('rene@example.com')).toBeUndefined();
    expect(await queuedTo('mallory@example.com')).toEqual([]);
    // The ordinary sign-up of that address still works the ordinary way: a verification email.
    const ordinary = await t.app.inject({
      method: 'POST',
      url: '/api/auth/sign-up',
      payload: { name: 'Mallory', email: 'mallory@example.com', password: PASSWORD },
    });
    expect(ordinary.statusCode).toBe(202);
    expect((await queuedTo('mallory@example.com')).map((q) => q.kind)).toEqual(['verify-email']);
    expect(Boolean((await userOf('mallory@example.com'))?.email_verified)).toBe(false);
  });

  it('refuses a revoked and a used invitation, and an unknown or forged token', async () => {
    const revoked = await invite('sam@example.com');
    expect((await json(t, 'DELETE', `/api/v1/orgs/${org}/invitations/${revoked.id}`, admin)).statusCode).toBe(204);
    expectError(await signUp(revoked.token, { email: 'sam@example.com' }), 409, 'INVITATION_REVOKED');

    const used = await invite('uma@example.com');
    expect((await signUp(used.token, { email: 'uma@example.com' })).statusCode).toBe(200);
    expectError(await signUp(used.token, { email: 'uma@example.com', name: 'Uma Again' }), 409, 'INVITATION_USED');

    expect((await signUp(`${used.id}.forged-signature`, { email: 'uma@example.com' })).statusCode).toBe(404);
    expect(await userOf('sam@example.com')).toBeUndefined();
  });

  it('answers ALREADY_EXISTS for an address with an account, and does not verify an unverified one', async () => {
    const unverified = await t.app.inject({
      method: 'POST',
      url: '/api/auth/sign-up',
      payload: { name: 'Vic Early', email: 'vic@example.com', password: PASSWORD },
    });
    expect(unverified.statusCode).toBe(202);
    const { token } = await invite('vic@example.com');
    const res = await signUp(token, { email: 'vic@example.com', password: 'another-long-passphrase-9' });
    expectError(res, 409, 'ALREADY_EXISTS');
    expect(res.headers['set-cookie']).toBeUndefined();
    expect(Boolean((await userOf('vic@example.com'))?.email_verified)).toBe(false);
    const view = await t.app.inject({ method: 'GET', url: `/api/v1/invitations/${token}` });
    expect(view.json().state).toBe('pending');
  });

  it('keeps the password rules, naming the field', async () => {
    const { token } = await invite('wes@example.com');
    const common = await signUp(token, { email: 'wes@example.com', password: 'password123' });
    expect(common.statusCode).toBe(400);
    expect(common.json().error.details[0].path).toBe('password');
    const short = await signUp(token, { email: 'wes@example.com', password: 'short' });
    expect(short.statusCode).toBe(400);
    expect(await userOf('wes@example.com')).toBeUndefined();
  });

  it('answers hostile input with a 4xx naming the field, and creates nothing', async () => {
    const { token } = await invite('xia@example.com');
    for (const [body, field] of [
      [{ name: 'Xia\u0000Null', email: 'xia@example.com' }, 'name'],
      [{ name: 'Xia', email: 'xia\u0000@example.com' }, 'email'],
      [{ name: '<script>alert(1)</script>\u0007', email: 'xia@example.com' }, 'name'],
    ] as const) {
      const res = await signUp(token, body);
      expect(res.statusCode, res.body).toBe(400);
      expect(res.json().error.details.map((d: { path: string }) => d.path)).toContain(field);
    }
    const unknownField = await t.app.inject({
      method: 'POST',
      url: `/api/v1/invitations/${token}/sign-up`,
      payload: { name: 'Xia', email: 'xia@example.com', password: PASSWORD, emailVerified: true },
    });
    expect(unknownField.statusCode).toBe(400);
    const controlToken = await signUp(`${token}\u0001`, { email: 'xia@example.com' });
    expect(controlToken.statusCode).toBe(400);
    expect(await userOf('xia@example.com')).toBeUndefined();
  });

  // Last: the clock moves past the week that the sessions above last.
  it('refuses an expired invitation', async () => {
    const expired = await invite('tess@example.com');
    t.clock.advance(7 * DAY);
    expectError(await signUp(expired.token, { email: 'tess@example.com' }), 409, 'INVITATION_EXPIRED');
    expect(await userOf('tess@example.com')).toBeUndefined();
    expect((await queuedTo('tess@example.com')).map((q) => q.kind)).toEqual(['invitation']);
  });
});
