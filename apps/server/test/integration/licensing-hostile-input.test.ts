import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type LicensingWorld, licensingWorld } from '../helpers/activations.js';
import { postForm, requestDeviceCode } from '../helpers/device-sign-in.js';
import { json } from '../helpers/factories.js';
import { createTestApp, type TestApp } from '../helpers/test-app.js';

/**
 * Hostile input on the device sign-in, validate and transfer-grant routes (the activation routes have their own file):
 * NUL and control characters, undecodable bytes, a forged code — always a 4xx or a business answer, never a 5xx,
 * the same on SQLite and PostgreSQL, and nothing written.
 */
let t: TestApp;
let w: LicensingWorld;

beforeAll(async () => {
  t = await createTestApp();
  w = await licensingWorld(t, { members: 1 });
});
afterAll(() => t.close());

const rows = async () => {
  const count = async (table: 'device_authorizations' | 'device_tokens' | 'transfer_grants') =>
    Number(
      (
        await t.runtime.deps.db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirst()
      )?.n,
    );
  return [await count('device_authorizations'), await count('device_tokens'), await count('transfer_grants')];
};

describe('hostile input on licensing routes', () => {
  it('answers the device code and token endpoints with RFC errors, never a 5xx, writing nothing', async () => {
    const before = await rows();
    const code = await postForm(t, '/api/v1/licensing/device/code', { client_id: 'cli\u0000x' });
    expect(code.statusCode).toBe(400);
    expect(code.json().error).toBe('invalid_request');
    const control = await postForm(t, '/api/v1/licensing/device/code', { client_id: 'cli', machine_name: 'a\u0007b' });
    expect(control.statusCode).toBe(400);
    for (const device_code of ['x\u0000y', "' or 1=1 --", 'a'.repeat(150)]) {
      const res = await postForm(t, '/api/v1/licensing/device/token', {
        grant_type: 'urn:ietf:params:oauth:grant-type:device_code',
        device_code,
      });
      expect(res.statusCode, device_code).toBe(400);
      expect(['invalid_grant', 'invalid_request']).toContain(res.json().error);
    }
    const raw = await t.app.inject({
      method: 'POST',
      url: '/api/v1/licensing/device/token',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: Buffer.from([0x67, 0x72, 0x61, 0x6e, 0x74, 0x3d, 0xff, 0xfe]),
    });
    expect(raw.statusCode).toBeLessThan(500);
    expect(await rows()).toEqual(before);
  });

  it('refuses a user code with NUL or control characters like an unknown one, and decides nothing', async () => {
    const { user_code } = await requestDeviceCode(t);
    const cookie = w.members[0]!.cookie;
    for (const userCode of [`${user_code}%00`, 'ABCD%07EFGH', '%FF%FE']) {
      const look = await json(t, 'GET', `/api/v1/licensing/device/requests/${userCode}`, cookie);
      expect(look.statusCode, userCode).toBeGreaterThanOrEqual(400);
      expect(look.statusCode, userCode).toBeLessThan(500);
      const decide = await json(t, 'POST', `/api/v1/licensing/device/requests/${userCode}`, cookie, {
        decision: 'approve',
      });
      expect(decide.statusCode, userCode).toBeGreaterThanOrEqual(400);
      expect(decide.statusCode, userCode).toBeLessThan(500);
    }
    const still = await json(t, 'GET', `/api/v1/licensing/device/requests/${user_code}`, cookie);
    expect(still.json().status).toBe('pending');
  });

  it('answers validate with INVALID_LEASE for garbage, NUL and undecodable bytes', async () => {
    for (const lease of ['a.b.c', 'x\u0000.y.z', '\uFFFD.\uFFFD.\uFFFD', "'; drop table activations; --"]) {
      const res = await json(t, 'POST', '/api/v1/licensing/validate', '', { lease });
      expect(res.statusCode, lease).toBe(200);
      expect(res.json()).toMatchObject({ valid: false, code: 'INVALID_LEASE' });
    }
  });

  it('refuses a transfer grant naming NUL or control characters, naming the field, granting nothing', async () => {
    const before = await rows();
    const cases = [
      [{ user: 'usr\u0000', product: 'PRM-2026', count: 1, reason: 'x' }, 'user'],
      [{ user: w.members[0]!.userId, product: 'PRM-2026', count: 1, reason: 'stolen\u0000laptop' }, 'reason'],
      [{ user: w.members[0]!.userId, product: 'PRM\u001b-2026', count: 1, reason: 'x' }, 'product'],
    ] as const;
    for (const [body, path] of cases) {
      const res = await json(t, 'POST', '/api/v1/orgs/acme/transfer-grants', w.admin.cookie, body);
      expect(res.statusCode, res.body).toBe(400);
      expect(res.json().error.details.map((d: { path: string }) => d.path)).toEqual([path]);
    }
    expect(await rows()).toEqual(before);
  });
});
