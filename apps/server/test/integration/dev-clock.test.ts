import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { upsertMember } from '../../src/modules/members/members.repository.js';
import { createOrganizationWithAsset, createSignedInUser, json } from '../helpers/factories.js';
import { createTestApp, createUser, type TestApp } from '../helpers/test-app.js';

/** DEV_CLOCK=true: what lets the e2e suite watch an invitation expire after 7 days. */
let t: TestApp;
let org: string;
let admin: string;

beforeAll(async () => {
  t = await createTestApp({ env: { DEV_CLOCK: 'true' } });
  const operator = await createSignedInUser(t, 'op@example.com', 'Olive Operator', { isOperator: true });
  org = (await createOrganizationWithAsset(t, operator, { code: 'clock', name: 'Clock Ltd', serial: 'CLK000000001' }))
    .organizationId;
  admin = await createSignedInUser(t, 'boss@example.com', 'Bea Boss');
  const bossId = (await json(t, 'GET', '/api/v1/me', admin)).json().user.id;
  await upsertMember(t.runtime.deps.db, org, bossId, 'admin', t.clock.now());
});
afterAll(async () => t.close());

describe('the dev clock', () => {
  it('moves forward so that a pending invitation shows as expired after 7 days', async () => {
    await json(t, 'POST', `/api/v1/orgs/${org}/invitations`, admin, { emails: 'late@example.com', rights: 'member' });
    const before = (await json(t, 'GET', '/api/v1/dev/clock', '')).json();
    // A day past the 7-day expiry, and past the week a session lasts.
    const moved = await json(t, 'POST', '/api/v1/dev/clock', '', { advance: '8d' });
    expect(moved.statusCode).toBe(200);
    expect(moved.json().offsetMs).toBe(before.offsetMs + 8 * 86_400_000);
    expect(Date.parse(moved.json().now) - Date.parse(before.now)).toBeGreaterThanOrEqual(8 * 86_400_000);

    // The administrator's week-old session has ended with the week; a new sign-in gets a session on the same clock.
    expect((await json(t, 'GET', '/api/v1/me', admin)).statusCode).toBe(401);
    const fresh = await createUser(t, 'boss2@example.com', 'Bea Boss');
    expect((await json(t, 'GET', '/api/v1/me', fresh)).statusCode).toBe(200);
    const bossId = (await json(t, 'GET', '/api/v1/me', fresh)).json().user.id;
    await upsertMember(t.runtime.deps.db, org, bossId, 'admin', t.clock.now());
    const list = await json(t, 'GET', `/api/v1/orgs/${org}/members?q=late`, fresh);
    expect(list.json().items.map((i: { statusLabel: string }) => i.statusLabel)).toEqual(['Invitation expired']);
  });

  it('refuses a malformed duration with 400 naming the field, and does not move', async () => {
    const before = (await json(t, 'GET', '/api/v1/dev/clock', '')).json().offsetMs;
    const res = await json(t, 'POST', '/api/v1/dev/clock', '', { advance: '-7d' });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details[0].path).toBe('advance');
    expect((await json(t, 'GET', '/api/v1/dev/clock', '')).json().offsetMs).toBe(before);
  });

  it('does not exist without DEV_CLOCK, and DEV_CLOCK is refused in production', async () => {
    const plain = await createTestApp();
    try {
      expect((await json(plain, 'POST', '/api/v1/dev/clock', '', { advance: '7d' })).statusCode).toBe(404);
    } finally {
      await plain.close();
    }
    expect(() =>
      loadConfig({ NODE_ENV: 'production', DEV_CLOCK: 'true', SECRET: 'x'.repeat(40), SMTP_URL: 'smtp://localhost' }),
    ).toThrow(/DEV_CLOCK=true is refused when NODE_ENV=production/);
  });
});
