import type * as Sdk from '@portico/sdk';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { json } from '../helpers/factories.js';
import { approve, buildSdk, type SdkServer, startSdkServer } from './sdk-harness.js';

/**
 * The SDK (packages/sdk, built) against the real server over HTTP (SPEC §2.5, §4.3): browser sign-in, activation,
 * heartbeat, takeover, release, sign-out and machine mode, as a desktop application embedding it would do them.
 */
let sdk: typeof Sdk;
let server: SdkServer;

beforeAll(async () => {
  await buildSdk();
  sdk = await import('@portico/sdk');
  server = await startSdkServer();
}, 180_000);
afterAll(() => server?.close());

const machine = (seed: string) => ({
  fingerprint: { hostname: `h-${seed}`, osInstallId: `o-${seed}`, mac: `m-${seed}`, cpu: 'cpu' },
  name: `${seed}-desk`,
  platform: 'linux-x64',
  appVersion: '2026.1',
});

/** A client whose waits between polls move the server's clock instead of sleeping. */
function client(): Sdk.LicensingClient {
  return new sdk.LicensingClient({
    serverUrl: server.url,
    sleep: async (ms) => server.t.clock.advance(ms),
  });
}

async function signedIn(member: number, seed: string): Promise<Sdk.LicensingClient> {
  const c = client();
  const signIn = await c.startSignIn({ clientId: 'acme-cad', application: 'Acme CAD', machine: machine(seed) });
  await approve(server, server.world.members[member]!.cookie, signIn.userCode);
  await signIn.wait();
  return c;
}

describe('a named-user license through the SDK', () => {
  let c: Sdk.LicensingClient;
  let activationId: string;
  const desk = machine('first');

  it('signs in through the browser: a code to approve, then a token', async () => {
    c = client();
    const signIn = await c.startSignIn({ clientId: 'acme-cad', application: 'Acme CAD', machine: desk });
    expect(signIn.userCode).toMatch(/^[A-Z]{4}-[A-Z]{4}$/);
    expect(signIn.verificationUri).toBe(`${server.url}/device`);
    expect(signIn.verificationUriComplete).toContain(signIn.userCode);
    await approve(server, server.world.members[0]!.cookie, signIn.userCode);
    await signIn.wait();
    expect(await c.signedIn()).toBe(true);
    const { items } = await c.products();
    expect(items.map((i) => i.product.code)).toEqual(['PRM-2026']);
  });

  it('activates with a lease issued by this server, to this machine, that verifies offline', async () => {
    const result = await c.activate({ product: 'PRM-2026', machine: desk });
    expect(result).toMatchObject({ reachable: true, valid: true, code: 'VALID' });
    activationId = result.answer!.activation!.id;
    const status = await c.status('PRM-2026');
    expect(status).toMatchObject({ usable: true, state: 'online', activationId });
    // The server hashes the fingerprint as the SDK does (docs/sdk.md, "Fingerprints").
    expect(status.claims).toMatchObject({
      iss: server.url,
      aud: 'portico-license',
      fingerprint: sdk.fingerprintHash(desk.fingerprint),
      kind: 'online',
      product: 'PRM-2026',
    });
    const lease = result.answer!.lease!;
    expect(await c.verifyLease(lease, { fingerprint: desk.fingerprint })).toMatchObject({ valid: true });
    expect(await c.verifyLease(lease, { fingerprint: machine('other').fingerprint })).toMatchObject({
      valid: false,
      reason: 'fingerprint',
    });
  });

  it('renews the lease with a heartbeat', async () => {
    const before = (await c.activationOf('PRM-2026'))!.lease;
    server.t.clock.advance(60_000);
    const result = await c.heartbeat(activationId);
    expect(result).toMatchObject({ reachable: true, valid: true, code: 'VALID' });
    expect((await c.activationOf('PRM-2026'))!.lease).not.toBe(before);
    expect((await c.check('PRM-2026')).usable).toBe(true);
  });

  it('releases: the slot is free at once and this machine forgets the activation', async () => {
    const result = await c.release(activationId);
    expect(result).toMatchObject({ reachable: true, code: 'RELEASED' });
    expect(await c.status('PRM-2026')).toMatchObject({ usable: false, code: 'NO_ACTIVATION' });
    const { items } = await c.products();
    expect(items[0]!.activation).toBeNull();
  });

  it('signs out: the server releases the sign-in’s activations and the token stops working', async () => {
    const again = await c.activate({ product: 'PRM-2026', machine: desk });
    expect(again.valid).toBe(true);
    expect(await c.signOut()).toEqual({ reachable: true });
    expect(await c.signedIn()).toBe(false);
    const view = await json(server.t, 'GET', '/api/v1/licensing/products', server.world.members[0]!.cookie);
    expect(view.json().items[0].activation).toBeNull();
  });
});

describe('two devices of one user', () => {
  it('names the device in use, takes the slot over for free, and the first device learns TRANSFERRED at once', async () => {
    const first = await signedIn(1, 'one');
    const second = await signedIn(1, 'two');
    const held = await first.activate({ product: 'PRM-2026', machine: machine('one') });
    expect(held.valid).toBe(true);
    const asked = await second.activate({ product: 'PRM-2026', machine: machine('two') });
    expect(asked).toMatchObject({ reachable: true, valid: false, code: 'ACTIVE_ON_ANOTHER_MACHINE' });
    expect(asked.answer?.holder?.deviceName).toBe('one-desk');
    const taken = await second.activate({ product: 'PRM-2026', machine: machine('two'), takeover: true });
    expect(taken.valid).toBe(true);
    const beat = await first.heartbeat(held.answer!.activation!.id);
    expect(beat).toMatchObject({ reachable: true, valid: false, code: 'TRANSFERRED' });
    // Ended at once, although the first lease has time left.
    expect(await first.status('PRM-2026')).toMatchObject({ usable: false, state: 'ended', code: 'TRANSFERRED' });
    expect((await second.status('PRM-2026')).usable).toBe(true);
  });

  it('rejects the sign-in with access_denied when the person denies it', async () => {
    const c = client();
    const signIn = await c.startSignIn({ clientId: 'acme-cad', machine: machine('denied') });
    const { decideDeviceCode } = await import('../helpers/device-sign-in.js');
    await decideDeviceCode(server.t, server.world.members[1]!.cookie, signIn.userCode, 'deny');
    await expect(signIn.wait()).rejects.toMatchObject({ name: 'SignInError', code: 'access_denied' });
    expect(await c.signedIn()).toBe(false);
  });
});

describe('machine mode', () => {
  it('activates with the serial number, heartbeats and releases without a sign-in', async () => {
    const { t, world } = server;
    const product = await json(t, 'POST', '/api/v1/operator/products', world.operator, {
      code: 'STN-2026',
      name: 'Station 2026',
      kind: 'license',
      type: 'station',
    });
    expect(product.statusCode).toBe(201);
    const asset = await json(t, 'POST', '/api/v1/operator/assets', world.operator, {
      organization: 'acme',
      product: 'STN-2026',
      serial: 'STN000000001',
      seats: 2,
      mode: 'machine',
      startsAt: '2026-01-01',
      endsAt: null,
    });
    expect(asset.statusCode).toBe(201);
    const c = client();
    const result = await c.activateMachine({ serial: 'STN000000001', machine: machine('station') });
    expect(result).toMatchObject({ reachable: true, valid: true, code: 'VALID' });
    const id = result.answer!.activation!.id;
    expect(await c.status('STN-2026')).toMatchObject({ usable: true, claims: { mode: 'machine' } });
    expect((await c.heartbeat(id)).valid).toBe(true);
    expect(await c.release(id)).toMatchObject({ reachable: true, code: 'RELEASED' });
    expect(await c.status('STN-2026')).toMatchObject({ usable: false, code: 'NO_ACTIVATION' });
  });
});
