import type { LeaseClaims, LicenseAnswer } from '@portico/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../src/lib/clock.js';
import { type LicensingWorld, licensingWorld, machine } from '../helpers/activations.js';
import { createSignedInUsers, json, type SignedInUser } from '../helpers/factories.js';
import { addMembers, addProduct } from '../helpers/licensing.js';
import { createTestApp, type TestApp } from '../helpers/test-app.js';

/**
 * SPEC §2.5 machine mode: a serial number activates up to `seats` machines without anyone signing in; a machine that
 * stops heartbeating frees its seat when its lease lapses; Enable online licensing waits until no machine uses the
 * serial, and says which do.
 */

const MINUTE = 60_000;
let t: TestApp;
let w: LicensingWorld;
let asset: string;
let tracker: SignedInUser | undefined;
const SERIAL = 'MACH00000001';

beforeAll(async () => {
  t = await createTestApp({ clock: new ManualClock(new Date('2026-06-01T12:00:00Z')) });
  w = await licensingWorld(t, { members: 1 });
  const created = await json(t, 'POST', '/api/v1/operator/assets', w.operator, {
    organization: 'acme',
    product: 'PRM-2026',
    serial: SERIAL,
    seats: 2,
    mode: 'machine',
    startsAt: '2026-01-01',
    endsAt: '2027-01-01',
  });
  if (created.statusCode !== 201) throw new Error(created.body);
  asset = created.json().id as string;
  // Assigning a machine-mode product to a member is for tracking only (SPEC §2.5).
  [tracker] = await createSignedInUsers(t, [{ email: 'tracked@acme.test', name: 'Tracked Member' }]);
  await addMembers(t, w.organizationId, [tracker!.userId], 'member');
  const assigned = await json(t, 'POST', '/api/v1/orgs/acme/assignments', w.admin.cookie, {
    asset,
    users: [tracker!.userId],
  });
  if (assigned.json().results[0].outcome !== 'assigned') throw new Error(assigned.body);
});
afterAll(async () => t?.close());

function claimsOf(lease: string | null): LeaseClaims {
  return JSON.parse(Buffer.from(lease?.split('.')[1] ?? '', 'base64url').toString('utf8')) as LeaseClaims;
}

async function activateMachine(device: ReturnType<typeof machine>, serial = SERIAL): Promise<LicenseAnswer> {
  const res = await t.app.inject({
    method: 'POST',
    url: '/api/v1/licensing/machine-activations',
    payload: { serial, machine: device },
  });
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
}

function machineCall(id: string, action: 'heartbeat' | 'release', serial = SERIAL) {
  return t.app.inject({
    method: 'POST',
    url: `/api/v1/licensing/machine-activations/${id}/${action}`,
    payload: { serial },
  });
}

function enableOnline(cookie = w.admin.cookie) {
  return json(t, 'PATCH', `/api/v1/orgs/acme/assets/${asset}`, cookie, { mode: 'online' });
}

async function audit(action: string) {
  const res = await json(t, 'GET', `/api/v1/orgs/acme/audit-events?action=${action}`, w.admin.cookie);
  expect(res.statusCode, res.body).toBe(200);
  return res.json().items as { targetId: string; before: unknown; after: Record<string, unknown> }[];
}

const ids: Record<string, string> = {};

describe('machine mode, end to end', () => {
  it('activates a machine with the serial: a lease of mode machine, for no user', async () => {
    const res = await activateMachine(machine('ci-1'));
    expect(res).toMatchObject({ valid: true, code: 'VALID', devices: null, transfers: null });
    expect(res.activation).toMatchObject({ kind: 'machine', asset, machineName: 'ci-1-laptop', deviceId: null });
    expect(claimsOf(res.lease)).toMatchObject({ mode: 'machine', kind: 'online', user: null, asset });
    ids.ci1 = res.activation!.id;
  });

  it('answers the same machine again with the same activation, also with its host renamed and the serial as printed', async () => {
    const again = await activateMachine(machine('ci-1'));
    expect(again.activation?.id).toBe(ids.ci1);
    const renamed = await activateMachine(
      { ...machine('ci-1', { hostname: 'h-new' }), name: 'ci-1-renamed' },
      'mach-0000-0001',
    );
    expect(renamed.activation).toMatchObject({ id: ids.ci1, machineName: 'ci-1-renamed' });
  });

  it('renews the lease at a heartbeat with the serial; a wrong serial, or the user route, is answered 404', async () => {
    t.clock.advance(10 * MINUTE);
    const beat = await machineCall(ids.ci1!, 'heartbeat');
    expect(beat.json()).toMatchObject({ valid: true, code: 'VALID' });
    expect(claimsOf(beat.json().lease).exp).toBe(Math.floor((t.clock.now().getTime() + 30 * MINUTE) / 1000));
    for (const serial of ['MACH00000009', w.serial, 'nothing-like-it']) {
      const wrong = await machineCall(ids.ci1!, 'heartbeat', serial);
      expect(wrong.statusCode, serial).toBe(404);
      expect(wrong.json().error.code).toBe('NOT_FOUND');
    }
    const asUser = await json(t, 'POST', `/api/v1/licensing/activations/${ids.ci1}/heartbeat`, w.members[0]!.cookie);
    expect(asUser.statusCode).toBe(404);
    expect((await machineCall(ids.ci1!, 'release', 'MACH00000009')).statusCode).toBe(404);
  });

  it('gives no more machines than seats: the third is answered NO_SEAT_AVAILABLE', async () => {
    ids.ci2 = (await activateMachine(machine('ci-2'))).activation!.id;
    const third = await activateMachine(machine('ci-3'));
    expect(third).toMatchObject({ valid: false, code: 'NO_SEAT_AVAILABLE', lease: null, activation: null });
  });

  it('frees a seat at once when a machine releases it', async () => {
    const released = await machineCall(ids.ci1!, 'release');
    expect(released.json()).toMatchObject({ valid: false, code: 'RELEASED' });
    expect((await machineCall(ids.ci1!, 'heartbeat')).json().code).toBe('RELEASED');
    const third = await activateMachine(machine('ci-3'));
    expect(third.code).toBe('VALID');
    ids.ci3 = third.activation!.id;
  });

  it('frees the seat of a machine that stopped heartbeating once its lease lapsed', async () => {
    t.clock.advance(20 * MINUTE);
    expect((await machineCall(ids.ci2!, 'heartbeat')).json().code).toBe('VALID');
    await t.runtime.deps.heartbeats.flush();
    expect((await activateMachine(machine('ci-4'))).code).toBe('NO_SEAT_AVAILABLE');
    // ci-3 was activated 20 minutes ago and never heartbeat: 11 minutes more and its 30-minute lease has lapsed.
    t.clock.advance(11 * MINUTE);
    const fourth = await activateMachine(machine('ci-4'));
    expect(fourth.code).toBe('VALID');
    ids.ci4 = fourth.activation!.id;
    expect((await machineCall(ids.ci3!, 'heartbeat')).json().code).toBe('EXPIRED');
    expect((await machineCall(ids.ci2!, 'heartbeat')).json().code).toBe('VALID');
  });

  it('answers an online serial NAMED_USER_LICENSE, unknown and service serials UNKNOWN_SERIAL, a member NOT_ONLINE', async () => {
    expect((await activateMachine(machine('x'), w.serial)).code).toBe('NAMED_USER_LICENSE');
    expect((await activateMachine(machine('x'), 'NOPE00000000')).code).toBe('UNKNOWN_SERIAL');
    await addProduct(t, w.operator, { code: 'SUPPORT', name: 'Support', kind: 'service' });
    const service = await json(t, 'POST', '/api/v1/operator/assets', w.operator, {
      organization: 'acme',
      product: 'SUPPORT',
      serial: 'SERV00000001',
      startsAt: '2026-01-01',
    });
    expect(service.statusCode, service.body).toBe(201);
    expect((await activateMachine(machine('x'), 'SERV00000001')).code).toBe('UNKNOWN_SERIAL');
    // A member it is assigned to (for tracking) is told, on the signed-in route, to use the serial number.
    const named = await json(t, 'POST', '/api/v1/licensing/activations', tracker!.cookie, {
      product: 'PRM-2026',
      machine: machine('x'),
    });
    expect(named.json()).toMatchObject({ valid: false, code: 'NOT_ONLINE', lease: null });
  });
});

describe('Enable online licensing', () => {
  it('is refused with MODE_CHANGE_REFUSED while machines use the serial, saying how many and which', async () => {
    const res = await enableOnline();
    expect(res.statusCode, res.body).toBe(409);
    const { code, message } = res.json().error;
    expect(code).toBe('MODE_CHANGE_REFUSED');
    expect(message).toContain('2 machines still use this serial number');
    expect(message).toContain('ci-2-laptop');
    expect(message).toContain('ci-4-laptop');
    expect(message).not.toContain('ci-3-laptop');
    const assets = await json(t, 'GET', '/api/v1/orgs/acme/assets', w.admin.cookie);
    expect(assets.json().items.find((a: { id: string }) => a.id === asset).mode).toBe('machine');
  });

  it('is not a member’s to make', async () => {
    const res = await enableOnline(w.members[0]!.cookie);
    expect(res.statusCode).toBe(404);
  });

  it('names the one machine left after another released, and is allowed once the last lapsed', async () => {
    expect((await machineCall(ids.ci2!, 'release')).json().code).toBe('RELEASED');
    const one = await enableOnline();
    expect(one.statusCode).toBe(409);
    expect(one.json().error.message).toContain('1 machine still uses this serial number (ci-4-laptop)');
    t.clock.advance(31 * MINUTE);
    const res = await enableOnline();
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ id: asset, mode: 'online' });
    expect((await activateMachine(machine('ci-5'))).code).toBe('NAMED_USER_LICENSE');
    // A lapsed machine learns the license ended at its next heartbeat.
    expect((await machineCall(ids.ci4!, 'heartbeat')).json().code).toBe('EXPIRED');
  });

  it('records machine.activated, machine.released and asset.mode_changed in the audit log', async () => {
    const activated = await audit('machine.activated');
    expect(activated.map((e) => e.targetId).sort()).toEqual([ids.ci1, ids.ci2, ids.ci3, ids.ci4].sort());
    expect(activated.find((e) => e.targetId === ids.ci1)?.after).toMatchObject({ machine: 'ci-1-laptop', asset });
    const released = await audit('machine.released');
    expect(released.map((e) => e.targetId).sort()).toEqual([ids.ci1, ids.ci2].sort());
    const changed = await audit('asset.mode_changed');
    expect(changed).toHaveLength(1);
    expect(changed[0]).toMatchObject({ targetId: asset, before: { mode: 'machine' }, after: { mode: 'online' } });
  });
});
