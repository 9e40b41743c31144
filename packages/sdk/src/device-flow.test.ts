import { describe, expect, it } from 'vitest';
import { createFakeServer, ISSUER } from '../test/fake-server.js';
import { LicensingClient } from './client.js';
import { SignInError } from './errors.js';
import { MemoryStore } from './store.js';

const T0 = Date.parse('2026-06-01T12:00:00Z');

/** A client whose waits are recorded and move its clock instead of sleeping. */
function rig(tokenAnswers: ({ error: string } | 'token')[], code: { interval?: number; expires_in?: number } = {}) {
  const server = createFakeServer();
  const clock = { now: T0 };
  const sleeps: number[] = [];
  const store = new MemoryStore();
  server.on('POST', '/api/v1/licensing/device/code', () => ({
    status: 200,
    body: {
      device_code: 'device-code-1',
      user_code: 'BCDF-GHJK',
      verification_uri: `${ISSUER}/device`,
      verification_uri_complete: `${ISSUER}/device?code=BCDF-GHJK`,
      expires_in: code.expires_in ?? 600,
      interval: code.interval ?? 5,
    },
  }));
  server.on('POST', '/api/v1/licensing/device/token', () => {
    const next = tokenAnswers.shift();
    if (next === 'token') {
      return {
        status: 200,
        body: { access_token: 'tok-1', token_type: 'Bearer', expires_in: 3600, scope: 'licensing' },
      };
    }
    return { status: 400, body: next ?? { error: 'authorization_pending' } };
  });
  const options = {
    serverUrl: ISSUER,
    fetch: server.fetch,
    now: () => clock.now,
    store,
    sleep: async (ms: number) => {
      sleeps.push(ms);
      clock.now += ms;
    },
  };
  return {
    server,
    clock,
    sleeps,
    store,
    client: new LicensingClient(options),
    again: () => new LicensingClient(options),
  };
}

const request = { clientId: 'acme-cad', application: 'Acme CAD', machine: { name: 'desk', platform: 'linux-x64' } };

describe('browser sign-in (RFC 8628)', () => {
  it('asks for a code with the application and machine, form-encoded', async () => {
    const r = rig(['token']);
    const signIn = await r.client.startSignIn(request);
    expect(signIn).toMatchObject({
      userCode: 'BCDF-GHJK',
      verificationUri: `${ISSUER}/device`,
      verificationUriComplete: `${ISSUER}/device?code=BCDF-GHJK`,
      expiresIn: 600,
      interval: 5,
    });
    const sent = r.server.requests[0]!;
    expect(sent.headers['content-type']).toBe('application/x-www-form-urlencoded');
    expect(Object.fromEntries(new URLSearchParams(sent.body!))).toEqual({
      client_id: 'acme-cad',
      scope: 'licensing',
      application: 'Acme CAD',
      machine_name: 'desk',
      platform: 'linux-x64',
    });
  });

  it('polls at the interval, adds 5 s on every slow_down, and stores the token', async () => {
    const r = rig([
      { error: 'authorization_pending' },
      { error: 'slow_down' },
      { error: 'authorization_pending' },
      { error: 'slow_down' },
      'token',
    ]);
    await (await r.client.startSignIn(request)).wait();
    expect(r.sleeps).toEqual([5000, 5000, 10_000, 10_000, 15_000]);
    const polls = r.server.requests.filter((q) => q.path.endsWith('/device/token'));
    expect(Object.fromEntries(new URLSearchParams(polls[0]!.body!))).toEqual({
      grant_type: 'urn:ietf:params:oauth:grant-type:device_code',
      device_code: 'device-code-1',
      client_id: 'acme-cad',
    });
    expect(await r.client.signedIn()).toBe(true);
    expect((await r.store.load())?.token?.accessToken).toBe('tok-1');
    expect((await r.store.load())?.pendingSignIn).toBeNull();
  });

  it('rejects with a typed error when the user denies, or the code expires', async () => {
    for (const error of ['access_denied', 'expired_token'] as const) {
      const r = rig([{ error: 'authorization_pending' }, { error }]);
      const wait = (await r.client.startSignIn(request)).wait();
      await expect(wait).rejects.toBeInstanceOf(SignInError);
      await expect(wait).rejects.toMatchObject({ code: error });
      expect(await r.client.signedIn()).toBe(false);
      expect(await r.client.resumeSignIn()).toBeNull();
    }
  });

  it('stops polling when the code has expired locally', async () => {
    const r = rig([], { interval: 5, expires_in: 12 });
    const wait = (await r.client.startSignIn(request)).wait();
    await expect(wait).rejects.toMatchObject({ code: 'expired_token' });
    expect(r.sleeps).toEqual([5000, 5000, 5000]);
  });

  it('keeps polling through a network outage, and resumes a stored sign-in in another process', async () => {
    const r = rig([{ error: 'authorization_pending' }, 'token']);
    await r.client.startSignIn(request);
    const resumed = await r.again().resumeSignIn();
    expect(resumed?.userCode).toBe('BCDF-GHJK');
    r.server.mode = 'down';
    const waiting = resumed!.wait();
    await Promise.resolve();
    r.server.mode = 'up';
    await waiting;
    expect(await r.again().signedIn()).toBe(true);
  });
});
