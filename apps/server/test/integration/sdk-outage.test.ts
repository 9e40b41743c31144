import type * as Sdk from '@portico/sdk';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { approve, buildSdk, type SdkServer, startSdkServer } from './sdk-harness.js';

/**
 * SPEC §2.5 outage grace, with the real server really gone (it stops listening): a valid online lease keeps
 * working for OUTAGE_GRACE after the last contact and no new activation is sent meanwhile; an offline lease works
 * until it expires and verifies with the cached keys; a clock set back refuses it. The SDK's clock is injected and
 * moved; the server's is not touched after it stops.
 */
let sdk: typeof Sdk;
let server: SdkServer;
const clock = { now: Date.now() };
const HOUR = 3_600_000;
const DAY = 24 * HOUR;

const machine = (seed: string) => ({
  fingerprint: { hostname: `h-${seed}`, osInstallId: `o-${seed}`, mac: `m-${seed}` },
  name: `${seed}-desk`,
  platform: 'linux-x64',
});

async function signedIn(member: number): Promise<Sdk.LicensingClient> {
  const c = new sdk.LicensingClient({
    serverUrl: server.url,
    now: () => clock.now,
    sleep: async (ms) => server.t.clock.advance(ms),
    timeoutMs: 2_000,
  });
  const signIn = await c.startSignIn({ clientId: 'acme-cad', machine: machine(`m${member}`) });
  await approve(server, server.world.members[member]!.cookie, signIn.userCode);
  await signIn.wait();
  return c;
}

let online: Sdk.LicensingClient;
let onlineId: string;
let offline: Sdk.LicensingClient;
let offlineLease: string;
const start = clock.now;

beforeAll(async () => {
  await buildSdk();
  sdk = await import('@portico/sdk');
  server = await startSdkServer();
  online = await signedIn(0);
  const activated = await online.activate({ product: 'PRM-2026', machine: machine('m0') });
  expect(activated.valid).toBe(true);
  onlineId = activated.answer!.activation!.id;

  offline = await signedIn(1);
  const held = await offline.activate({ product: 'PRM-2026', machine: machine('m1') });
  const checkedOut = await offline.checkout(held.answer!.activation!.id, 3);
  expect(checkedOut).toMatchObject({ valid: true, code: 'VALID' });
  offlineLease = checkedOut.answer!.lease!;
  await server.stopListening();
}, 180_000);
afterAll(() => server?.close());

describe('the server is down', () => {
  it('keeps the online lease working past its expiry, for the outage grace after the last contact', async () => {
    clock.now = start + 10 * 60_000;
    expect(await online.heartbeat(onlineId)).toMatchObject({ reachable: false, valid: false, code: 'UNREACHABLE' });
    clock.now = start + 2 * HOUR; // the 30-minute lease is long over
    const graced = await online.status('PRM-2026');
    expect(graced).toMatchObject({ usable: true, state: 'grace' });
    expect(Date.parse(graced.graceUntil!)).toBeGreaterThan(start + 23 * HOUR);
    expect((await online.check('PRM-2026')).usable).toBe(true); // the check's heartbeat fails too
  });

  it('sends no new activation during the outage', async () => {
    const result = await online.activate({ product: 'PRM-2026', machine: machine('m0') });
    expect(result).toMatchObject({ reachable: false, code: 'UNREACHABLE', skipped: true });
  });

  it('ends the online lease once the outage grace is over', async () => {
    clock.now = start + DAY + 60_000;
    expect(await online.check('PRM-2026')).toMatchObject({ usable: false, state: 'ended', code: 'UNREACHABLE' });
  });

  it('uses the offline lease without the server until it expires, verified with the cached keys', async () => {
    clock.now = start + 2 * DAY;
    expect(await offline.status('PRM-2026')).toMatchObject({ usable: true, state: 'offline' });
    expect(await offline.verifyLease(offlineLease, { fingerprint: machine('m1').fingerprint })).toMatchObject({
      valid: true,
      claims: { kind: 'offline' },
    });
    clock.now = start + 3 * DAY + HOUR;
    expect(await offline.status('PRM-2026')).toMatchObject({ usable: false, code: 'LEASE_EXPIRED' });
  });

  it('refuses the offline lease after the clock went back more than 5 minutes', async () => {
    clock.now = start + 3 * DAY + HOUR - 10 * 60_000 - DAY; // back a day and ten minutes: inside the lease again
    expect(await offline.status('PRM-2026')).toMatchObject({ usable: false, code: 'CLOCK_ROLLED_BACK' });
  });
});
