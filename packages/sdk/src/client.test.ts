import { afterEach, describe, expect, it, vi } from 'vitest';
import { createFakeServer, type FakeServer, ISSUER, licenseAnswer } from '../test/fake-server.js';
import { LicensingClient } from './client.js';
import { fingerprintHash } from './fingerprint.js';
import { OUTAGE_GRACE_MS } from './license-state.js';
import { emptyState, MemoryStore } from './store.js';
import type { LicenseAnswer } from './types.js';

const T0 = Date.parse('2026-06-01T12:00:00Z');
const MINUTE = 60_000;
const MACHINE = { fingerprint: { hostname: 'a'.repeat(64), mac: 'b'.repeat(64) }, name: 'desk', platform: 'linux-x64' };

interface Rig {
  server: FakeServer;
  client: LicensingClient;
  clock: { now: number };
  store: MemoryStore;
}

/** A signed-in client against the fake server, whose activations, heartbeats and checkouts answer VALID. */
async function rig(): Promise<Rig> {
  const server = createFakeServer();
  const clock = { now: T0 };
  const store = new MemoryStore();
  await store.save({
    ...emptyState(ISSUER),
    token: { accessToken: 'tok', scope: 'licensing', expiresAt: T0 + 86_400_000 },
  });
  const lease = (kind: 'online' | 'offline', seconds: number) =>
    server.signer.sign({
      kind,
      fingerprint: fingerprintHash(MACHINE.fingerprint),
      iat: Math.floor(clock.now / 1000),
      exp: Math.floor(clock.now / 1000) + seconds,
    });
  const valid = (kind: 'online' | 'offline', seconds: number) => ({
    status: 200,
    body: licenseAnswer({ lease: lease(kind, seconds) }),
  });
  server.on('POST', '/api/v1/licensing/activations', () => valid('online', 1800));
  server.on('POST', /\/heartbeat$/, () => valid('online', 1800));
  server.on('POST', /\/checkout$/, () => valid('offline', 7 * 86_400));
  server.on('POST', '/api/v1/licensing/validate', () => ({
    status: 200,
    body: { valid: true, code: 'VALID', message: 'Valid', claims: null },
  }));
  const client = new LicensingClient({ serverUrl: ISSUER, fetch: server.fetch, now: () => clock.now, store });
  return { server, client, clock, store };
}

async function activated(r: Rig) {
  const result = await r.client.activate({ product: 'PRM-2026', machine: MACHINE });
  expect(result).toMatchObject({ reachable: true, valid: true, code: 'VALID' });
  return result.answer!.activation!.id;
}

const refusal = (code: LicenseAnswer['code']) => ({
  status: 200,
  body: licenseAnswer({ valid: false, code, message: code.toLowerCase(), activation: null }),
});

afterEach(() => {
  vi.useRealTimers();
});

describe('activation and the license state', () => {
  it('keeps the lease, the current activation of the product, and answers usable while the lease runs', async () => {
    const r = await rig();
    const id = await activated(r);
    expect(await r.client.status('PRM-2026')).toMatchObject({ usable: true, state: 'online', activationId: id });
    expect(r.server.requests.find((q) => q.path.endsWith('/activations'))?.headers.authorization).toBe('Bearer tok');
    r.clock.now += 31 * MINUTE;
    // Lapsed without an outage: the application did not heartbeat.
    expect(await r.client.status('PRM-2026')).toMatchObject({ usable: false, code: 'LEASE_EXPIRED' });
    expect((await r.client.heartbeat(id)).valid).toBe(true);
    expect(await r.client.status('PRM-2026')).toMatchObject({ usable: true, state: 'online' });
  });

  it('refuses a stored lease whose fingerprint is not this machine’s', async () => {
    const r = await rig();
    r.server.on('POST', '/api/v1/licensing/activations', () => ({
      status: 200,
      body: licenseAnswer({ lease: r.server.signer.sign({ fingerprint: '0'.repeat(64) }) }),
    }));
    await activated(r);
    expect(await r.client.status('PRM-2026')).toMatchObject({ usable: false, code: 'INVALID_LEASE' });
  });
});

describe('outage grace', () => {
  it('keeps an online lease working while the server is unreachable, until outageGraceMs after the last contact', async () => {
    const r = await rig();
    const id = await activated(r);
    r.server.mode = 'down';
    r.clock.now = T0 + 10 * MINUTE;
    expect(await r.client.heartbeat(id)).toMatchObject({ reachable: false, valid: false, code: 'UNREACHABLE' });
    r.clock.now = T0 + 45 * MINUTE; // past the lease's expiry
    const graced = await r.client.status('PRM-2026');
    expect(graced).toMatchObject({
      usable: true,
      state: 'grace',
      graceUntil: new Date(T0 + OUTAGE_GRACE_MS).toISOString(),
    });
    r.server.mode = 503; // a 5xx is an outage too
    expect(await r.client.heartbeat(id)).toMatchObject({ reachable: false });
    r.clock.now = T0 + OUTAGE_GRACE_MS - 1;
    expect((await r.client.status('PRM-2026')).usable).toBe(true);
    r.clock.now = T0 + OUTAGE_GRACE_MS;
    expect(await r.client.status('PRM-2026')).toMatchObject({ usable: false, state: 'ended', code: 'UNREACHABLE' });
  });

  it('counts a rate limit (429) as unreachable, never as a refusal', async () => {
    const r = await rig();
    const id = await activated(r);
    r.server.mode = 429;
    expect(await r.client.heartbeat(id)).toMatchObject({ reachable: false });
    r.clock.now = T0 + 40 * MINUTE;
    expect(await r.client.status()).toMatchObject({ usable: true, state: 'grace' });
  });

  it('does not start a new activation of the product during the outage, and does again once the server answers', async () => {
    const r = await rig();
    const id = await activated(r);
    r.server.mode = 'down';
    await r.client.heartbeat(id);
    const sent = r.server.requests.length;
    const during = await r.client.activate({ product: 'PRM-2026', machine: MACHINE });
    expect(during).toMatchObject({ reachable: false, code: 'UNREACHABLE', skipped: true });
    expect(r.server.requests.length).toBe(sent);
    r.server.mode = 'up';
    expect((await r.client.heartbeat(id)).valid).toBe(true);
    expect((await r.client.activate({ product: 'PRM-2026', machine: MACHINE })).valid).toBe(true);
  });

  it('ends the license at once on a refusal, even with time left on the lease, and for good', async () => {
    for (const code of ['TRANSFERRED', 'RELEASED', 'REVOKED', 'SUSPENDED', 'EXPIRED'] as const) {
      const r = await rig();
      const id = await activated(r);
      r.server.on('POST', /\/heartbeat$/, () => refusal(code));
      expect(await r.client.heartbeat(id)).toMatchObject({ reachable: true, valid: false, code });
      expect(await r.client.status('PRM-2026')).toMatchObject({ usable: false, state: 'ended', code });
      // The server going away afterwards gives no grace: the refusal stands.
      r.server.mode = 'down';
      r.clock.now += 5 * MINUTE;
      expect(await r.client.heartbeat(id)).toMatchObject({ reachable: true, valid: false, code });
      expect((await r.client.status('PRM-2026')).usable).toBe(false);
    }
  });

  it('ends the license on a 4xx to a renewal (the sign-in or the activation is gone)', async () => {
    const r = await rig();
    const id = await activated(r);
    r.server.on('POST', /\/heartbeat$/, () => ({
      status: 401,
      body: { error: { code: 'UNAUTHENTICATED', message: 'x' } },
    }));
    expect(await r.client.heartbeat(id)).toMatchObject({
      reachable: true,
      valid: false,
      code: 'REQUEST_REFUSED',
      error: { status: 401, code: 'UNAUTHENTICATED' },
    });
    expect(await r.client.status('PRM-2026')).toMatchObject({ usable: false, code: 'REQUEST_REFUSED' });
    // A token the server no longer knows is forgotten: the application asks the person to sign in again.
    expect(await r.client.signedIn()).toBe(false);
  });
});

describe('offline leases and the clock', () => {
  async function offline(r: Rig) {
    const id = await activated(r);
    const result = await r.client.checkout(id, 7);
    expect(result.valid).toBe(true);
    r.server.mode = 'down';
    return id;
  }

  it('uses an offline lease without the server until its expiry', async () => {
    const r = await rig();
    await offline(r);
    r.clock.now = T0 + 3 * 86_400_000;
    expect(await r.client.status()).toMatchObject({ usable: true, state: 'offline' });
    r.clock.now = T0 + 7 * 86_400_000;
    expect(await r.client.status()).toMatchObject({ usable: false, code: 'LEASE_EXPIRED' });
  });

  it('refuses the offline lease once the clock went back more than 5 minutes, until an online check', async () => {
    const r = await rig();
    await offline(r);
    r.clock.now = T0 + 2 * 86_400_000;
    expect((await r.client.status()).usable).toBe(true);
    r.clock.now -= 4 * MINUTE; // within the tolerance (NTP corrections)
    expect((await r.client.status()).usable).toBe(true);
    r.clock.now -= 2 * MINUTE; // now 6 minutes behind the latest time seen
    expect(await r.client.status()).toMatchObject({ usable: false, code: 'CLOCK_ROLLED_BACK' });
    r.clock.now += 60 * MINUTE; // forward again: still refused until the server is reached
    expect(await r.client.status()).toMatchObject({ usable: false, code: 'CLOCK_ROLLED_BACK' });
    expect(await r.client.check()).toMatchObject({ usable: false, code: 'CLOCK_ROLLED_BACK' }); // still down
    r.server.mode = 'up';
    expect(await r.client.check()).toMatchObject({ usable: true, state: 'offline' });
    expect(r.server.requests.at(-1)?.path).toBe('/api/v1/licensing/validate');
  });

  it('counts the server’s Date header as a time seen: a clock set back before the checkout is caught', async () => {
    const r = await rig();
    r.server.date = T0 + 60 * MINUTE; // the real time; this machine's clock says T0
    await offline(r);
    expect(await r.client.status()).toMatchObject({ usable: false, code: 'CLOCK_ROLLED_BACK' });
  });

  it('keeps a checked-out offline lease when a heartbeat brings an online one', async () => {
    const r = await rig();
    const id = await offline(r);
    r.server.mode = 'up';
    await r.client.heartbeat(id);
    expect(await r.client.status()).toMatchObject({ usable: true, state: 'offline' });
  });
});

describe('release, sign-out and heartbeats', () => {
  it('forgets a released activation, and a signed-out sign-in with its activations', async () => {
    const r = await rig();
    const id = await activated(r);
    r.server.on('DELETE', `/api/v1/licensing/activations/${id}`, () => refusal('RELEASED'));
    expect(await r.client.release(id)).toMatchObject({ reachable: true, code: 'RELEASED' });
    expect(await r.client.status('PRM-2026')).toMatchObject({ usable: false, code: 'NO_ACTIVATION' });
    await activated(r);
    r.server.on('POST', '/api/v1/licensing/sign-out', () => ({ status: 204 }));
    expect(await r.client.signOut()).toEqual({ reachable: true });
    expect(await r.client.signedIn()).toBe(false);
    expect(await r.client.activations()).toEqual([]);
  });

  it('heartbeats every heartbeatIntervalSeconds until stopped, and stops by itself on a refusal', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const r = await rig();
    const id = await activated(r);
    const answers: string[] = [];
    const stop = r.client.startHeartbeats(id, (result) => answers.push(result.code));
    await vi.advanceTimersByTimeAsync(599_000);
    expect(answers).toEqual([]);
    await vi.advanceTimersByTimeAsync(1_000);
    expect(answers).toEqual(['VALID']);
    r.server.on('POST', /\/heartbeat$/, () => refusal('REVOKED'));
    await vi.advanceTimersByTimeAsync(600_000);
    await vi.advanceTimersByTimeAsync(1_200_000);
    expect(answers).toEqual(['VALID', 'REVOKED']);
    stop();
  });
});
