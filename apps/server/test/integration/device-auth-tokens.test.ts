import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signInDevice, withBearer } from '../helpers/device-sign-in.js';
import { createSession, createSignedInUser, createSignedInUsers, json } from '../helpers/factories.js';
import { createTestApp, type TestApp } from '../helpers/test-app.js';

// A desktop application's token as a bearer, Signed-in devices, and signing out.

const DAY = 86_400_000;
let t: TestApp;
let cookie: string;
let otherCookie: string;

beforeAll(async () => {
  t = await createTestApp();
  cookie = await createSignedInUser(t, 'desk.user@example.com', 'Dana Desk');
  otherCookie = await createSignedInUser(t, 'someone.else@example.com', 'Sam Else');
});
afterAll(async () => t?.close());

const signOut = (token: string) => withBearer(t, 'POST', '/api/v1/licensing/sign-out', token);
const devices = async (as = cookie) => (await json(t, 'GET', '/api/v1/me/devices', as)).json().items;

async function auditOf(action: string) {
  return t.runtime.deps.db.selectFrom('audit_events').selectAll().where('action', '=', action).execute();
}

describe('the access token as a bearer', () => {
  it('is good for licensing only: the account routes and the API answer 403, a wrong token 401', async () => {
    const { token } = await signInDevice(t, cookie);
    expect((await withBearer(t, 'GET', '/api/v1/me/devices', token)).statusCode).toBe(403);
    expect((await withBearer(t, 'GET', '/api/v1/me', token)).statusCode).toBe(403);
    expect((await withBearer(t, 'GET', '/api/auth/sessions', token)).statusCode).toBe(403);
    for (const wrong of [`${token}x`, 'pdt_', 'not-a-token', token.replace('pdt_', 'pat_')]) {
      const res = await withBearer(t, 'POST', '/api/v1/licensing/sign-out', wrong);
      expect(res.statusCode).toBe(401);
      expect(res.json().error.code).toBe('UNAUTHENTICATED');
    }
  });
});

describe('Signed-in devices', () => {
  it('lists application, machine and platform, newest first, and only the account’s own', async () => {
    const user = await createSignedInUser(t, 'lister@example.com', 'Lisa Lister');
    const first = await signInDevice(t, user, { application: 'Portico CAD', machineName: 'WS-A', platform: 'windows' });
    t.clock.advance(1_000);
    const second = await signInDevice(t, user, { application: 'Portico Sim', machineName: 'MB-B', platform: 'macos' });
    await signInDevice(t, otherCookie, { machineName: 'NOT-MINE' });
    await withBearer(t, 'GET', '/api/v1/me', first.token);
    const items = await devices(user);
    expect(items).toEqual([
      {
        id: second.tokenId,
        application: 'Portico Sim',
        machineName: 'MB-B',
        platform: 'macos',
        signedInAt: t.clock.now().toISOString(),
        lastUsedAt: null,
        expiresAt: new Date(t.clock.now().getTime() + 90 * DAY).toISOString(),
      },
      expect.objectContaining({
        id: first.tokenId,
        application: 'Portico CAD',
        machineName: 'WS-A',
        platform: 'windows',
        lastUsedAt: t.clock.now().toISOString(),
      }),
    ]);
  });

  it('signs a device out: 204, its token is refused, it leaves the list, and it is recorded', async () => {
    const { token, tokenId } = await signInDevice(t, cookie, { application: 'Portico CAD', machineName: 'GONE-1' });
    const res = await json(t, 'DELETE', `/api/v1/me/devices/${tokenId}`, cookie);
    expect(res.statusCode).toBe(204);
    expect((await signOut(token)).statusCode).toBe(401);
    expect((await devices()).map((d: { id: string }) => d.id)).not.toContain(tokenId);
    const event = (await auditOf('device.signed_out')).find((e) => e.target_id === tokenId);
    expect(event).toMatchObject({ target_type: 'device_token' });
    expect(JSON.parse(event?.after_json ?? '{}')).toEqual({ application: 'Portico CAD', machineName: 'GONE-1' });
    // Once signed out, it is gone.
    expect((await json(t, 'DELETE', `/api/v1/me/devices/${tokenId}`, cookie)).statusCode).toBe(404);
  });

  it('answers another account’s device like one that does not exist, and leaves it working', async () => {
    const theirs = await signInDevice(t, otherCookie, { machineName: 'THEIRS' });
    const res = await json(t, 'DELETE', `/api/v1/me/devices/${theirs.tokenId}`, cookie);
    const unknown = await json(t, 'DELETE', '/api/v1/me/devices/dtk_00000000000000000000000000', cookie);
    expect(res.statusCode).toBe(404);
    expect(res.json().error.code).toBe('NOT_FOUND');
    expect({ ...res.json().error, requestId: null }).toEqual({ ...unknown.json().error, requestId: null });
    expect((await withBearer(t, 'GET', '/api/v1/me', theirs.token)).statusCode).toBe(403);
  });

  it('is for the browser: no session is 401', async () => {
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/me/devices' })).statusCode).toBe(401);
  });
});

describe('POST /api/v1/licensing/sign-out', () => {
  it('signs the calling application out, once, with an audit event naming the device', async () => {
    const { token, tokenId } = await signInDevice(t, cookie, { application: 'Portico CAD', machineName: 'BYE-1' });
    expect((await signOut(token)).statusCode).toBe(204);
    expect((await signOut(token)).statusCode).toBe(401);
    expect((await devices()).map((d: { id: string }) => d.id)).not.toContain(tokenId);
    const event = (await auditOf('device.signed_out')).find((e) => e.target_id === tokenId);
    expect(JSON.parse(event?.after_json ?? '{}')).toEqual({ application: 'Portico CAD', machineName: 'BYE-1' });
    const audit = JSON.stringify(await t.runtime.deps.db.selectFrom('audit_events').selectAll().execute());
    expect(audit).not.toContain(token);
  });

  it('changes nothing for a browser session', async () => {
    const { tokenId } = await signInDevice(t, cookie, { machineName: 'STAYS' });
    const res = await json(t, 'POST', '/api/v1/licensing/sign-out', cookie);
    expect(res.statusCode).toBe(204);
    expect((await devices()).map((d: { id: string }) => d.id)).toContain(tokenId);
    expect((await json(t, 'GET', '/api/v1/me', cookie)).statusCode).toBe(200);
  });
});

describe('the bearer check on a SQLite file', () => {
  it('reads through the read-only connection, and sees a revocation at once', async () => {
    // On a file the prepared read runs on the second, read-only connection (db/prepared.ts); memory has none.
    const file = await createTestApp({ sqliteFile: true });
    try {
      const user = await createSignedInUser(file, 'file.user@example.com', 'Fia File');
      const { token, tokenId } = await signInDevice(file, user);
      expect((await withBearer(file, 'GET', '/api/v1/me', token)).statusCode).toBe(403);
      expect((await json(file, 'DELETE', `/api/v1/me/devices/${tokenId}`, user)).statusCode).toBe(204);
      expect((await withBearer(file, 'GET', '/api/v1/me', token)).statusCode).toBe(401);
    } finally {
      await file.close();
    }
  });
});

// Last in the file: it moves the clock by months, past every browser session made before.
describe('the access token over months', () => {
  it('expires after 90 days unused, and lives on while it is used (marked at most once a day)', async () => {
    const [person] = await createSignedInUsers(t, [{ email: 'long.runner@example.com', name: 'Lou Long' }]);
    const unused = await signInDevice(t, person!.cookie, { machineName: 'UNUSED' });
    const used = await signInDevice(t, person!.cookie, { machineName: 'USED' });
    const tokenRow = (id: string) =>
      t.runtime.deps.db.selectFrom('device_tokens').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    const signedInAt = t.clock.now().toISOString();

    expect((await withBearer(t, 'GET', '/api/v1/me', used.token)).statusCode).toBe(403);
    // The first use is marked at once.
    expect(new Date((await tokenRow(used.tokenId)).last_used_at as string).toISOString()).toBe(signedInAt);
    t.clock.advance(60_000);
    await withBearer(t, 'GET', '/api/v1/me', used.token);
    // Used again within the day: no write.
    expect(new Date((await tokenRow(used.tokenId)).last_used_at as string).toISOString()).toBe(signedInAt);

    t.clock.advance(60 * DAY);
    await withBearer(t, 'GET', '/api/v1/me', used.token);
    const touched = await tokenRow(used.tokenId);
    expect(new Date(touched.last_used_at as string).toISOString()).toBe(t.clock.now().toISOString());
    expect(new Date(touched.expires_at as string).getTime()).toBe(t.clock.now().getTime() + 90 * DAY);

    t.clock.advance(31 * DAY);
    expect((await signOut(unused.token)).statusCode).toBe(401);
    expect((await withBearer(t, 'GET', '/api/v1/me', used.token)).statusCode).toBe(403);
    // 151 days on, the browser session has long ended: a new one reads the list.
    const listed = (await devices((await createSession(t, person!.userId)).cookie)).map(
      (d: { machineName: string }) => d.machineName,
    );
    expect(listed).toEqual(['USED']);
    expect((await signOut(used.token)).statusCode).toBe(204);
  });
});
