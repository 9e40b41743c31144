import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../../src/lib/actor.js';
import { grantOperator, removeOperator } from '../../src/modules/accounts/operators.service.js';
import {
  cookieFrom,
  createTestApp,
  lastLinkTo,
  PASSWORD,
  post,
  signIn,
  signUp,
  type TestApp,
  tokenFromLink,
} from '../helpers/test-app.js';

/**
 * SPEC §2.8: every change is recorded once, with who, what, target and from which IP, and no secret ever lands in
 * the log. The account flows go through HTTP (app.inject comes from 127.0.0.1); operator changes through the
 * service functions the routes and the CLI share.
 */
const OWNER = 'owner@example.com';
const HELPER = 'helper@example.com';
const CHANGED_PASSWORD = 'saffron-glacier-meadow-31';
const RESET_PASSWORD = 'juniper-tundra-beacon-58';

let t: TestApp;
let ownerId: string;
let helperId: string;
/** Every secret the flows below handle; none may appear in any audit row. */
const secrets: string[] = [PASSWORD, CHANGED_PASSWORD, RESET_PASSWORD];

async function userId(email: string): Promise<string> {
  const row = await t.runtime.deps.db.selectFrom('users').select('id').where('email', '=', email).executeTakeFirst();
  if (!row) throw new Error(`no user ${email}`);
  return row.id;
}

function auditRows() {
  return t.runtime.deps.db.selectFrom('audit_events').selectAll().orderBy('id').execute();
}

async function verifyKeepingToken(email: string): Promise<string> {
  const token = tokenFromLink(await lastLinkTo(t, email, 'Verify'));
  expect((await post(t, '/api/auth/verify-email', { token })).statusCode).toBe(200);
  return token;
}

/** The session token a cookie header carries, as stored (before the signature) and as sent. */
function sessionSecrets(cookie: string): string[] {
  const value = decodeURIComponent(/portico\.session_token=([^;]+)/.exec(cookie)?.[1] ?? '');
  if (!value) throw new Error(`no session cookie in ${cookie}`);
  return [value, value.split('.')[0] as string];
}

beforeAll(async () => {
  t = await createTestApp();

  await signUp(t, OWNER, 'Olive Owner');
  ownerId = await userId(OWNER);
  const verification = await verifyKeepingToken(OWNER);
  secrets.push(verification);
  // A second use of the link must not record a second verification, whatever it answers.
  await post(t, '/api/auth/verify-email', { token: verification });

  const cookie = await signIn(t, OWNER);
  secrets.push(...sessionSecrets(cookie));
  const changed = await post(
    t,
    '/api/auth/change-password',
    { currentPassword: PASSWORD, newPassword: CHANGED_PASSWORD },
    cookie,
  );
  expect(changed.statusCode).toBe(200);
  const current = cookieFrom(changed) || cookie;
  if (cookieFrom(changed)) secrets.push(...sessionSecrets(cookieFrom(changed)));

  const renamed = await t.app.inject({
    method: 'PATCH',
    url: '/api/v1/me',
    headers: { cookie: current },
    payload: { name: 'Olive Renamed' },
  });
  expect(renamed.statusCode).toBe(200);

  expect((await post(t, '/api/auth/forgot-password', { email: OWNER })).statusCode).toBe(202);
  const resetToken = tokenFromLink(await lastLinkTo(t, OWNER, 'Reset'));
  secrets.push(resetToken);
  expect(
    (await post(t, '/api/auth/reset-password', { token: resetToken, newPassword: RESET_PASSWORD })).statusCode,
  ).toBe(200);

  await signUp(t, HELPER, 'Hal Helper');
  helperId = await userId(HELPER);
  secrets.push(await verifyKeepingToken(HELPER));
  secrets.push(...sessionSecrets(await signIn(t, HELPER)));
});
afterAll(async () => t.close());

describe('account events', () => {
  it('records each account change of the first account exactly once, by that account, from 127.0.0.1', async () => {
    const events = (await auditRows()).filter((e) => e.target_id === ownerId);
    expect(events.map((e) => e.action).sort()).toEqual([
      'account.password_changed',
      'account.password_reset',
      'account.renamed',
      'account.signed_up',
      'account.verified',
      'operator.granted',
    ]);
    for (const event of events) {
      expect(event).toMatchObject({ actor_user_id: ownerId, actor_ip: '127.0.0.1', target_type: 'user' });
    }
  });

  it('keeps before and after where they tell what changed', async () => {
    const events = (await auditRows()).filter((e) => e.target_id === ownerId);
    const byAction = Object.fromEntries(events.map((e) => [e.action, e]));
    expect(JSON.parse(byAction['account.signed_up']?.after_json ?? 'null')).toEqual({
      email: OWNER,
      name: 'Olive Owner',
    });
    expect(JSON.parse(byAction['account.renamed']?.before_json ?? 'null')).toEqual({ name: 'Olive Owner' });
    expect(JSON.parse(byAction['account.renamed']?.after_json ?? 'null')).toEqual({ name: 'Olive Renamed' });
    // The first account on a fresh instance becomes an operator (SPEC §2.1), and that is recorded too.
    expect(JSON.parse(byAction['operator.granted']?.after_json ?? 'null')).toEqual({ reason: 'first account' });
  });
});

describe('operator events', () => {
  const actor = (): Actor => ({ userId: ownerId, ip: '203.0.113.7' });

  it('records a grant and a removal with the acting operator, once each', async () => {
    expect(await grantOperator(t.runtime.deps, actor(), HELPER)).toEqual({ changed: true });
    // Granting again changes nothing and records nothing.
    expect(await grantOperator(t.runtime.deps, actor(), HELPER)).toEqual({ changed: false });
    expect(await removeOperator(t.runtime.deps, actor(), HELPER)).toEqual({ changed: true });

    const events = (await auditRows()).filter((e) => e.target_id === helperId);
    expect(events.map((e) => e.action).sort()).toEqual([
      'account.signed_up',
      'account.verified',
      'operator.granted',
      'operator.removed',
    ]);
    const operatorEvents = events.filter((e) => e.action.startsWith('operator.'));
    for (const event of operatorEvents) {
      expect(event).toMatchObject({ actor_user_id: ownerId, actor_ip: '203.0.113.7', target_type: 'user' });
    }
    // The helper's own sign-up is by the helper, from the request's address.
    expect(events.find((e) => e.action === 'account.signed_up')).toMatchObject({
      actor_user_id: helperId,
      actor_ip: '127.0.0.1',
    });
  });

  it('refuses to remove the last operator with LAST_OPERATOR and records nothing', async () => {
    const before = (await auditRows()).length;
    await expect(removeOperator(t.runtime.deps, actor(), OWNER)).rejects.toMatchObject({
      code: 'LAST_OPERATOR',
    });
    expect((await auditRows()).length).toBe(before);
    const owner = await t.runtime.deps.db
      .selectFrom('users')
      .select('is_operator')
      .where('id', '=', ownerId)
      .executeTakeFirstOrThrow();
    expect(Number(owner.is_operator)).toBe(1);
  });
});

describe('the whole log', () => {
  it('holds nothing but the events above', async () => {
    const rows = await auditRows();
    expect(rows).toHaveLength(10);
    expect(rows.every((r) => r.target_id === ownerId || r.target_id === helperId)).toBe(true);
  });

  it('holds no password, token or session cookie anywhere in a row', async () => {
    const rows = await auditRows();
    expect(secrets.length).toBeGreaterThanOrEqual(9);
    const text = JSON.stringify(rows);
    for (const secret of secrets) {
      expect(secret.length).toBeGreaterThan(8);
      expect(text).not.toContain(secret);
    }
    // before/after are JSON objects of plain facts; none has a key that could hold a secret.
    for (const row of rows) {
      for (const json of [row.before_json, row.after_json]) {
        if (json === null) continue;
        expect(Object.keys(JSON.parse(json)).join(',')).not.toMatch(/password|token|secret|hash/i);
      }
    }
  });
});
