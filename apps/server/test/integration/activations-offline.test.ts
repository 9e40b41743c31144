import type { LeaseClaims, LicenseAnswer } from '@portico/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../src/lib/clock.js';
import {
  activate,
  heartbeat,
  type LicensingWorld,
  licensingWorld,
  machine,
  renewSessions,
} from '../helpers/activations.js';
import { createSession, json } from '../helpers/factories.js';
import { addProduct } from '../helpers/licensing.js';
import { createTestApp, type TestApp } from '../helpers/test-app.js';

/**
 * SPEC §2.5: offline leases (up to OFFLINE_LEASE_MAX days, one at a time, no takeover away from the device that holds
 * it, the slot taken until it is returned or ends, a revoked license's seat held until then), suspension and the end
 * of the term answered at the next heartbeat, the daily activation limit, and DEVICES_PER_USER=1. The clock is moved.
 */

const DAY = 86_400_000;
const START = new Date('2026-06-01T12:00:00Z');

/** The claims of a lease: the middle part of the compact JWS, base64url JSON. */
function claimsOf(lease: string | null): LeaseClaims {
  const payload = lease?.split('.')[1];
  if (!payload) throw new Error(`not a compact JWS: ${lease}`);
  return JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as LeaseClaims;
}

async function newWorld(env: Record<string, string> = {}, members = 3) {
  const t = await createTestApp({ clock: new ManualClock(START), env });
  const w = await licensingWorld(t, { members });
  return { t, w };
}

/** New sessions for everyone, the operator included, after the clock moved past their lifetime. */
async function renewAll(t: TestApp, w: LicensingWorld) {
  await renewSessions(t, w);
  const operator = await t.runtime.deps.db
    .selectFrom('users')
    .select('id')
    .where('email', '=', 'op@example.com')
    .executeTakeFirstOrThrow();
  w.operator = (await createSession(t, operator.id)).cookie;
}

function checkout(t: TestApp, cookie: string, id: string, days: unknown) {
  return json(t, 'POST', `/api/v1/licensing/activations/${id}/checkout`, cookie, { days });
}

describe('offline leases, suspension and the end of the term', () => {
  let t: TestApp;
  let w: LicensingWorld;
  let cookie: string;
  let simAsset: string;
  const laptop = machine('laptop');
  const desktop = machine('desktop');
  const loaner = machine('loaner');
  let held: string;
  let leaseEnd: Date;

  beforeAll(async () => {
    ({ t, w } = await newWorld());
    cookie = w.members[0]!.cookie;
    // A second product on one seat, for the revoked license whose offline lease keeps the seat.
    await addProduct(t, w.operator, { code: 'SIM-2026', name: 'Simulation 2026', kind: 'license', type: 'sim' });
    const created = await json(t, 'POST', '/api/v1/operator/assets', w.operator, {
      organization: 'acme',
      product: 'SIM-2026',
      serial: 'ACME00000002',
      seats: 1,
      mode: 'online',
      startsAt: '2026-01-01',
      endsAt: '2027-01-01',
    });
    simAsset = created.json().id as string;
  });
  afterAll(async () => t?.close());

  async function assetView(id: string) {
    const res = await json(t, 'GET', '/api/v1/orgs/acme/assets', w.admin.cookie);
    return (res.json().items as { id: string }[]).find((a) => a.id === id) as Record<string, unknown>;
  }

  async function assignSim(userId: string): Promise<string> {
    const res = await json(t, 'POST', '/api/v1/orgs/acme/assignments', w.admin.cookie, {
      asset: simAsset,
      users: [userId],
    });
    expect(res.statusCode, res.body).toBe(200);
    return res.json().results[0].outcome as string;
  }

  async function revokeSim(userId: string) {
    const list = await json(t, 'GET', `/api/v1/orgs/acme/assignments?user=${userId}&asset=${simAsset}`, w.admin.cookie);
    const id = list.json().items[0].id as string;
    expect((await json(t, 'DELETE', `/api/v1/orgs/acme/assignments/${id}`, w.admin.cookie)).statusCode).toBe(204);
  }

  it('checks out a lease of kind offline that ends `days` from now', async () => {
    await activate(t, cookie, desktop);
    held = (await activate(t, cookie, laptop, { takeover: true })).activation!.id;
    const now = t.clock.now();
    const res = await checkout(t, cookie, held, 3);
    expect(res.statusCode, res.body).toBe(200);
    const answer = res.json() as LicenseAnswer;
    leaseEnd = new Date(now.getTime() + 3 * DAY);
    expect(answer).toMatchObject({ valid: true, code: 'VALID', leaseExpiresAt: leaseEnd.toISOString() });
    expect(answer.activation).toMatchObject({ id: held, offlineUntil: leaseEnd.toISOString() });
    const claims = claimsOf(answer.lease);
    expect(claims).toMatchObject({ kind: 'offline', mode: 'named-user', activation: held, user: w.members[0]!.userId });
    expect(claims.exp).toBe(Math.floor(leaseEnd.getTime() / 1000));
    expect(claims.iat).toBe(Math.floor(now.getTime() / 1000));
  });

  it('refuses more than OFFLINE_LEASE_MAX (7) days, and days that are not a whole number from 1, naming `days`', async () => {
    for (const days of [8, 31, 0, -1, 2.5, '3', null]) {
      const res = await checkout(t, cookie, held, days);
      expect(res.statusCode, `${days}: ${res.body}`).toBe(400);
      expect(res.json().error.code).toBe('VALIDATION_FAILED');
      expect(res.json().error.details.map((d: { path: string }) => d.path)).toEqual(['days']);
    }
    expect((await checkout(t, cookie, held, 8)).json().error.message).toContain('7 days');
    // The lease out was not changed by any of them.
    const row = await t.runtime.deps.db
      .selectFrom('activations')
      .select('offline_until')
      .where('id', '=', held)
      .executeTakeFirstOrThrow();
    expect(new Date(row.offline_until as string).toISOString()).toBe(leaseEnd.toISOString());
  });

  it('while the lease is out, refuses the other registered device even with takeover, and a new device too', async () => {
    const other = await activate(t, cookie, desktop, { takeover: true });
    expect(other).toMatchObject({ valid: false, code: 'CHECKED_OUT_OFFLINE', lease: null });
    expect(other.holder).toMatchObject({ deviceName: 'laptop-laptop', offlineUntil: leaseEnd.toISOString() });
    const fresh = await activate(t, cookie, loaner, { takeover: true, transfer: true });
    expect(fresh).toMatchObject({ valid: false, code: 'CHECKED_OUT_OFFLINE' });
    // Nothing was spent or registered by the refusals.
    expect(fresh.transfers).toMatchObject({ used: 0, remaining: 5 });
    expect(fresh.devices?.map((d) => d.name).sort()).toEqual(['desktop-laptop', 'laptop-laptop']);
  });

  it('keeps answering the device that holds it with the offline lease, at heartbeats and on activating again', async () => {
    t.clock.advance(DAY);
    const beat = await heartbeat(t, cookie, held);
    expect(beat).toMatchObject({ valid: true, leaseExpiresAt: leaseEnd.toISOString() });
    expect(claimsOf(beat.lease)).toMatchObject({ kind: 'offline', exp: Math.floor(leaseEnd.getTime() / 1000) });
    const again = await activate(t, cookie, laptop);
    expect(again.activation?.id).toBe(held);
    expect(claimsOf(again.lease).kind).toBe('offline');
    await t.runtime.deps.heartbeats.flush();
    expect((await activate(t, cookie, desktop, { takeover: true })).code).toBe('CHECKED_OUT_OFFLINE');
  });

  it('never shortens a lease already out: a second, shorter checkout answers the lease that is out', async () => {
    // The first lease stays valid offline until its end whatever is asked now, so the slot must stay taken as long.
    const shorter = await checkout(t, cookie, held, 1);
    expect(shorter.json()).toMatchObject({ valid: true, leaseExpiresAt: leaseEnd.toISOString() });
    expect(claimsOf(shorter.json().lease).exp).toBe(Math.floor(leaseEnd.getTime() / 1000));
    t.clock.set(new Date(leaseEnd.getTime() - 60_000));
    expect((await activate(t, cookie, desktop, { takeover: true })).code).toBe('CHECKED_OUT_OFFLINE');
  });

  it('frees the slot when the lease ends: the other device activates without takeover', async () => {
    t.clock.set(new Date(leaseEnd.getTime() + 60_000));
    const res = await activate(t, cookie, desktop);
    expect(res).toMatchObject({ valid: true, code: 'VALID', transfers: { used: 0 } });
    expect(claimsOf(res.lease).kind).toBe('online');
    expect((await heartbeat(t, cookie, held)).code).toBe('EXPIRED');
    held = res.activation!.id;
  });

  it('frees the slot at once when the lease is returned early (release), at no cost', async () => {
    expect((await checkout(t, cookie, held, 5)).json().code).toBe('VALID');
    expect((await activate(t, cookie, laptop, { takeover: true })).code).toBe('CHECKED_OUT_OFFLINE');
    const released = await json(t, 'DELETE', `/api/v1/licensing/activations/${held}`, cookie);
    expect(released.json()).toMatchObject({ valid: false, code: 'RELEASED', lease: null });
    const res = await activate(t, cookie, laptop);
    expect(res).toMatchObject({ valid: true, code: 'VALID', transfers: { used: 0, remaining: 5 } });
    expect((await heartbeat(t, cookie, held)).code).toBe('RELEASED');
    held = res.activation!.id;
  });

  it('never locks out the owner of a lost laptop: releasing it in My products frees the slot at once', async () => {
    const out = await checkout(t, cookie, held, 5);
    expect(out.json().code).toBe('VALID');
    // The lost laptop's offline lease cannot be called back; the server stops vouching for it (validate).
    const lost = out.json().lease as string;
    const res = await json(t, 'DELETE', `/api/v1/orgs/acme/my-products/activations/${held}`, cookie);
    expect(res.statusCode).toBe(204);
    const next = await activate(t, cookie, desktop);
    expect(next).toMatchObject({ valid: true, code: 'VALID', transfers: { used: 0 } });
    const check = await json(t, 'POST', '/api/v1/licensing/validate', cookie, { lease: lost });
    expect(check.json()).toMatchObject({ valid: false, code: 'RELEASED' });
    held = next.activation!.id;
  });

  it('keeps a revoked license’s seat while its offline lease is out, saying when it frees, until the lease ends', async () => {
    const [, holder, other] = w.members as [unknown, (typeof w.members)[0], (typeof w.members)[0]];
    expect(await assignSim(holder.userId)).toBe('assigned');
    const activation = await activate(t, holder.cookie, machine('sim-box'), { product: 'SIM-2026' });
    const out = await checkout(t, holder.cookie, activation.activation!.id, 4);
    const end = new Date(t.clock.now().getTime() + 4 * DAY);
    expect(out.json().leaseExpiresAt).toBe(end.toISOString());
    await revokeSim(holder.userId);
    expect((await heartbeat(t, holder.cookie, activation.activation!.id)).code).toBe('REVOKED');

    expect(await assetView(simAsset)).toMatchObject({
      seats: 1,
      seatsAssigned: 0,
      seatsHeldOffline: 1,
      seatsAvailable: 0,
      nextSeatFreeAt: end.toISOString(),
    });
    expect(await assignSim(other.userId)).toBe('no seat available');
    t.clock.set(new Date(end.getTime() - 60_000));
    await renewAll(t, w);
    expect(await assignSim(other.userId)).toBe('no seat available');

    t.clock.set(new Date(end.getTime() + 1000));
    await renewAll(t, w);
    expect(await assetView(simAsset)).toMatchObject({ seatsHeldOffline: 0, seatsAvailable: 1, nextSeatFreeAt: null });
    expect(await assignSim(other.userId)).toBe('assigned');
  });

  it('frees a revoked license’s seat at once when its offline lease is returned', async () => {
    const [, before, holder] = w.members as [unknown, (typeof w.members)[0], (typeof w.members)[0]];
    const activation = await activate(t, holder.cookie, machine('sim-tower'), { product: 'SIM-2026' });
    expect((await checkout(t, holder.cookie, activation.activation!.id, 2)).json().code).toBe('VALID');
    await revokeSim(holder.userId);
    expect(await assignSim(before.userId)).toBe('no seat available');
    const returned = await json(
      t,
      'DELETE',
      `/api/v1/licensing/activations/${activation.activation!.id}`,
      holder.cookie,
    );
    expect(returned.json().code).toBe('RELEASED');
    expect(await assetView(simAsset)).toMatchObject({ seatsHeldOffline: 0, nextSeatFreeAt: null });
    expect(await assignSim(before.userId)).toBe('assigned');
  });

  it('answers SUSPENDED at the next heartbeat while the asset is suspended, and VALID again after', async () => {
    await renewAll(t, w);
    cookie = w.members[0]!.cookie;
    const suspend = (status: string) =>
      json(t, 'PATCH', `/api/v1/operator/assets/${w.assetId}`, w.operator, { status });
    expect((await suspend('suspended')).statusCode).toBe(200);
    const beat = await heartbeat(t, cookie, held);
    expect(beat).toMatchObject({ valid: false, code: 'SUSPENDED', lease: null });
    expect((await activate(t, cookie, laptop)).code).toBe('SUSPENDED');
    expect((await suspend('active')).statusCode).toBe(200);
    const back = await heartbeat(t, cookie, held);
    expect(back).toMatchObject({ valid: true, code: 'VALID' });
    expect(claimsOf(back.lease).activation).toBe(held);
  });

  it('answers EXPIRED once the asset’s end date has passed', async () => {
    const tomorrow = new Date(t.clock.now().getTime() + DAY).toISOString();
    const changed = await json(t, 'PATCH', `/api/v1/operator/assets/${w.assetId}`, w.operator, { endsAt: tomorrow });
    expect(changed.statusCode, changed.body).toBe(200);
    expect((await heartbeat(t, cookie, held)).code).toBe('VALID');
    t.clock.advance(DAY + 1000);
    expect(await heartbeat(t, cookie, held)).toMatchObject({ valid: false, code: 'EXPIRED', lease: null });
    expect((await activate(t, cookie, laptop)).code).toBe('EXPIRED');
    expect((await checkout(t, cookie, held, 1)).json().code).toBe('EXPIRED');
  });
});

describe('ACTIVATIONS_PER_DAY=3', () => {
  let t: TestApp;
  let w: LicensingWorld;
  beforeAll(async () => {
    ({ t, w } = await newWorld({ ACTIVATIONS_PER_DAY: '3' }, 1));
  });
  afterAll(async () => t?.close());

  it('refuses a fourth new activation within a day with ACTIVATION_LIMIT_REACHED and when to retry', async () => {
    const cookie = w.members[0]!.cookie;
    const [home, office] = [machine('home'), machine('office')];
    const first = t.clock.now();
    expect((await activate(t, cookie, home)).code).toBe('VALID');
    t.clock.advance(60_000);
    expect((await activate(t, cookie, office, { takeover: true })).code).toBe('VALID');
    t.clock.advance(60_000);
    const third = await activate(t, cookie, home, { takeover: true });
    expect(third.code).toBe('VALID');
    t.clock.advance(60_000);
    const refused = await activate(t, cookie, office, { takeover: true });
    expect(refused).toMatchObject({ valid: false, code: 'ACTIVATION_LIMIT_REACHED', lease: null });
    expect(refused.retryAt).toBe(new Date(first.getTime() + DAY).toISOString());

    // Re-activating the device in use is the same activation renewed: it never counts.
    for (let i = 0; i < 5; i++) {
      const again = await activate(t, cookie, home);
      expect(again).toMatchObject({ valid: true, code: 'VALID' });
      expect(again.activation?.id).toBe(third.activation?.id);
    }
    expect((await activate(t, cookie, office, { takeover: true })).code).toBe('ACTIVATION_LIMIT_REACHED');
    // The slot stayed where it was.
    expect((await heartbeat(t, cookie, third.activation!.id)).code).toBe('VALID');

    t.clock.set(new Date(first.getTime() + DAY));
    const later = await activate(t, cookie, office, { takeover: true });
    expect(later).toMatchObject({ valid: true, code: 'VALID' });
  });
});

describe('DEVICES_PER_USER=1', () => {
  let t: TestApp;
  let w: LicensingWorld;
  beforeAll(async () => {
    ({ t, w } = await newWorld({ DEVICES_PER_USER: '1' }, 1));
  });
  afterAll(async () => t?.close());

  it('makes every new device a transfer, while release and re-activation of the one device cost nothing', async () => {
    const cookie = w.members[0]!.cookie;
    const [home, office] = [machine('home'), machine('office')];
    const first = await activate(t, cookie, home);
    expect(first).toMatchObject({ valid: true, transfers: { used: 0 } });
    expect(first.devices).toHaveLength(1);

    expect((await activate(t, cookie, office)).code).toBe('ACTIVE_ON_ANOTHER_MACHINE');
    const ask = await activate(t, cookie, office, { takeover: true });
    expect(ask).toMatchObject({ valid: false, code: 'DEVICE_LIMIT_REACHED', transfers: { remaining: 5 } });
    expect(ask.message).toContain('home-laptop');
    const moved = await activate(t, cookie, office, { takeover: true, transfer: true });
    expect(moved).toMatchObject({ valid: true, transfers: { used: 1, remaining: 4 } });
    expect(moved.devices?.map((d) => d.name)).toEqual(['office-laptop']);
    expect((await heartbeat(t, cookie, first.activation!.id)).code).toBe('TRANSFERRED');

    // Release and activate the same device again: free.
    await json(t, 'DELETE', `/api/v1/licensing/activations/${moved.activation!.id}`, cookie);
    const back = await activate(t, cookie, office);
    expect(back).toMatchObject({ valid: true, transfers: { used: 1 } });

    // The replaced device is a new device again, even with the slot free: another transfer.
    await json(t, 'DELETE', `/api/v1/licensing/activations/${back.activation!.id}`, cookie);
    expect((await activate(t, cookie, home)).code).toBe('DEVICE_LIMIT_REACHED');
    const home2 = await activate(t, cookie, home, { transfer: true });
    expect(home2).toMatchObject({ valid: true, transfers: { used: 2, remaining: 3 } });
    expect(home2.devices?.map((d) => d.name)).toEqual(['home-laptop']);
  });
});
