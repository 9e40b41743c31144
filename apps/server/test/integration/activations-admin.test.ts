import type { ActivationView, LicenseAnswer } from '@portico/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../src/lib/clock.js';
import {
  activate as activateOn,
  heartbeat,
  type LicensingWorld,
  licensingWorld,
  machine,
} from '../helpers/activations.js';
import { createOrganizationWithAsset, createSignedInUsers, json, type SignedInUser } from '../helpers/factories.js';
import { addMembers, addProduct } from '../helpers/licensing.js';
import { createTestApp, type TestApp } from '../helpers/test-app.js';

/**
 * SPEC §2.5: administrators see the activations per asset and per member (device, online or offline until, since,
 * last contact, transfers) and release them; members see and release their own in My products; administrators grant
 * extra transfers with a reason. Another organization's activations are answered like missing ones (SPEC §3).
 */

const MINUTE = 60_000;
let t: TestApp;
let w: LicensingWorld;
let ann: SignedInUser;
let ben: SignedInUser;
let cat: SignedInUser;
let globexAdmin: SignedInUser;
let globexMember: SignedInUser;
let simAsset: string;
const ids: Record<string, string> = {};
/** Every lease the setup was given, to look for in the audit log. */
const leases: string[] = [];

async function activate(...args: Parameters<typeof activateOn>): Promise<LicenseAnswer> {
  const answer = await activateOn(...args);
  if (answer.lease) leases.push(answer.lease);
  return answer;
}

beforeAll(async () => {
  t = await createTestApp({ clock: new ManualClock(new Date('2026-06-01T12:00:00Z')) });
  w = await licensingWorld(t, { members: 3 });
  [ann, ben, cat] = w.members as [SignedInUser, SignedInUser, SignedInUser];

  // A second product of acme held by Ann, for the per-asset view.
  await addProduct(t, w.operator, { code: 'SIM-2026', name: 'Simulation 2026', kind: 'license', type: 'sim' });
  const sim = await json(t, 'POST', '/api/v1/operator/assets', w.operator, {
    organization: 'acme',
    product: 'SIM-2026',
    serial: 'ACME00000002',
    seats: 2,
    mode: 'online',
    startsAt: '2026-01-01',
  });
  simAsset = sim.json().id as string;
  await json(t, 'POST', '/api/v1/orgs/acme/assignments', w.admin.cookie, { asset: simAsset, users: [ann.userId] });

  // Another organization with its own administrator and a member whose device is in use.
  const globex = await createOrganizationWithAsset(t, w.operator, {
    code: 'globex',
    name: 'Globex',
    serial: 'GLOBEX000001',
  });
  [globexAdmin, globexMember] = (await createSignedInUsers(t, [
    { email: 'admin@globex.test', name: 'Gina Admin' },
    { email: 'member@globex.test', name: 'Gus Member' },
  ])) as [SignedInUser, SignedInUser];
  await addMembers(t, globex.organizationId, [globexAdmin.userId], 'admin');
  await addMembers(t, globex.organizationId, [globexMember.userId], 'member');
  await json(t, 'POST', '/api/v1/orgs/globex/assignments', globexAdmin.cookie, {
    product: 'PRM-2026',
    users: [globexMember.userId],
  });
  ids.globex = (await activate(t, globexMember.cookie, machine('globex'))).activation!.id;

  // Ann: two registered devices, a takeover, then a third device for a transfer; and her simulation product.
  ids.annLaptop = (await activate(t, ann.cookie, machine('ann-laptop'))).activation!.id;
  ids.annDesktop = (await activate(t, ann.cookie, machine('ann-desktop'), { takeover: true })).activation!.id;
  const loaner = await activate(t, ann.cookie, machine('ann-loaner'), { takeover: true, transfer: true });
  ids.annLoaner = loaner.activation!.id;
  ids.annSim = (await activate(t, ann.cookie, machine('ann-sim'), { product: 'SIM-2026' })).activation!.id;
  // Ben: checked out for offline use. Cat: activated, then silent.
  ids.ben = (await activate(t, ben.cookie, machine('ben'))).activation!.id;
  const out = await json(t, 'POST', `/api/v1/licensing/activations/${ids.ben}/checkout`, ben.cookie, { days: 2 });
  if (out.json().code !== 'VALID') throw new Error(out.body);
  ids.cat = (await activate(t, cat.cookie, machine('cat'))).activation!.id;

  // 20 minutes on, Ann's devices report in; 11 more and Cat's 30-minute lease has lapsed.
  t.clock.advance(20 * MINUTE);
  await heartbeat(t, ann.cookie, ids.annLoaner);
  await heartbeat(t, ann.cookie, ids.annSim);
  await t.runtime.deps.heartbeats.flush();
  t.clock.advance(11 * MINUTE);
});
afterAll(async () => t?.close());

async function list(query = '', cookie = w.admin.cookie) {
  const res = await json(t, 'GET', `/api/v1/orgs/acme/activations${query}`, cookie);
  expect(res.statusCode, res.body).toBe(200);
  return res.json().items as ActivationView[];
}

function byId(items: ActivationView[]) {
  return new Map(items.map((i) => [i.id, i]));
}

describe('the Activations view (administrators)', () => {
  it('lists the current activations with their state: online, offline until, lapsed', async () => {
    const items = byId(await list());
    expect([...items.keys()].sort()).toEqual([ids.annLoaner, ids.annSim, ids.ben, ids.cat].sort());
    expect(items.get(ids.annLoaner!)).toMatchObject({
      kind: 'online',
      status: 'active',
      state: 'online',
      user: { id: ann.userId, name: ann.name, email: ann.email },
      asset: { id: w.assetId, serialDisplay: 'ACME 0000 0001' },
      product: { code: 'PRM-2026' },
      device: { name: 'ann-loaner-laptop', platform: 'linux-x64', appVersion: '2026.1' },
      offlineUntil: null,
      endedAt: null,
      since: '2026-06-01T12:00:00.000Z',
      lastContactAt: '2026-06-01T12:20:00.000Z',
      transfers: { used: 1, remaining: 4 },
    });
    expect(items.get(ids.ben!)).toMatchObject({ state: 'offline', offlineUntil: '2026-06-03T12:00:00.000Z' });
    expect(items.get(ids.cat!)).toMatchObject({ state: 'lapsed', status: 'active', transfers: { used: 0 } });
  });

  it('filters per member and per asset', async () => {
    expect((await list(`?user=${ann.userId}`)).map((i) => i.id).sort()).toEqual([ids.annLoaner, ids.annSim].sort());
    expect((await list(`?asset=${simAsset}`)).map((i) => i.id)).toEqual([ids.annSim]);
    expect(await list('?user=usr_00000000000000000000000000')).toEqual([]);
    // Another organization's member is nobody here.
    expect(await list(`?user=${globexMember.userId}`)).toEqual([]);
  });

  it('includes the ended ones with status=all, saying why each ended', async () => {
    const items = byId(await list(`?user=${ann.userId}&status=all`));
    expect(items.get(ids.annLaptop!)).toMatchObject({
      status: 'transferred',
      state: 'ended',
      endedReason: 'taken over by ann-desktop-laptop',
    });
    expect(items.get(ids.annDesktop!)).toMatchObject({
      status: 'transferred',
      endedReason: 'taken over by ann-loaner-laptop',
    });
    expect(items.get(ids.annDesktop!)?.endedAt).toBe('2026-06-01T12:00:00.000Z');
    expect(items.size).toBe(4);
  });

  it('releases an activation: the device learns RELEASED at its next heartbeat', async () => {
    const res = await json(t, 'DELETE', `/api/v1/orgs/acme/activations/${ids.annLoaner}`, w.admin.cookie);
    expect(res.statusCode, res.body).toBe(204);
    const beat = await heartbeat(t, ann.cookie, ids.annLoaner!);
    expect(beat).toMatchObject({ valid: false, code: 'RELEASED', lease: null });
    expect(beat.message).toContain('released by an administrator');
    expect((await list(`?user=${ann.userId}`)).map((i) => i.id)).toEqual([ids.annSim]);
    const ended = byId(await list(`?user=${ann.userId}&status=all`)).get(ids.annLoaner!);
    expect(ended).toMatchObject({ status: 'released', endedReason: 'released by an administrator' });
    // Releasing costs nothing: the device activates again without takeover or transfer.
    const again = await activate(t, ann.cookie, machine('ann-loaner'));
    expect(again).toMatchObject({ valid: true, transfers: { used: 1 } });
    ids.annLoaner = again.activation!.id;
  });

  it('answers another organization’s activation like a missing one, and leaves it alone', async () => {
    const unknown = await json(
      t,
      'DELETE',
      '/api/v1/orgs/acme/activations/act_00000000000000000000000000',
      w.admin.cookie,
    );
    const theirs = await json(t, 'DELETE', `/api/v1/orgs/acme/activations/${ids.globex}`, w.admin.cookie);
    expect(theirs.statusCode).toBe(404);
    expect(theirs.json().error.code).toBe(unknown.json().error.code);
    expect(theirs.json().error.message).toBe(unknown.json().error.message);
    const mine = await json(t, 'DELETE', `/api/v1/orgs/globex/activations/${ids.annSim}`, globexAdmin.cookie);
    expect(mine.statusCode).toBe(404);
    expect((await heartbeat(t, globexMember.cookie, ids.globex!)).code).toBe('VALID');
    expect((await heartbeat(t, ann.cookie, ids.annSim!)).code).toBe('VALID');
    expect((await list()).some((i) => i.id === ids.globex)).toBe(false);
  });

  it('is not for members: the list and the release are answered like an unknown organization', async () => {
    const listed = await json(t, 'GET', '/api/v1/orgs/acme/activations', ben.cookie);
    const unknown = await json(t, 'GET', '/api/v1/orgs/org_00000000000000000000000000/activations', ben.cookie);
    expect(listed.statusCode).toBe(404);
    expect(listed.json().error.message).toBe(unknown.json().error.message);
    const released = await json(t, 'DELETE', `/api/v1/orgs/acme/activations/${ids.cat}`, ben.cookie);
    expect(released.statusCode).toBe(404);
    expect((await list()).some((i) => i.id === ids.cat)).toBe(true);
  });
});

describe('My products (members)', () => {
  it('shows the member’s devices, the activation in use and the transfers', async () => {
    const res = await json(t, 'GET', '/api/v1/orgs/acme/my-products', ben.cookie);
    expect(res.statusCode, res.body).toBe(200);
    const [item] = res.json().items;
    expect(item.licensing).toMatchObject({
      devices: [{ name: 'ben-laptop', platform: 'linux-x64', inUse: true }],
      activation: { id: ids.ben, state: 'offline', offlineUntil: '2026-06-03T12:00:00.000Z' },
      transfers: { limit: 5, used: 0, remaining: 5, nextFreeAt: null },
    });
    const mine = await json(t, 'GET', '/api/v1/orgs/acme/my-products', ann.cookie);
    const prm = mine.json().items.find((i: { product: { code: string } }) => i.product.code === 'PRM-2026');
    expect(prm.licensing.transfers).toMatchObject({ used: 1, remaining: 4 });
    expect(prm.licensing.devices.map((d: { name: string }) => d.name).sort()).toEqual([
      'ann-desktop-laptop',
      'ann-loaner-laptop',
    ]);
  });

  it('lets a member release their own device, and answers someone else’s like a missing one', async () => {
    const others = [ids.cat, ids.annSim, ids.globex, 'act_00000000000000000000000000'];
    for (const id of others) {
      const res = await json(t, 'DELETE', `/api/v1/orgs/acme/my-products/activations/${id}`, ben.cookie);
      expect(res.statusCode, `${id}: ${res.body}`).toBe(404);
    }
    expect((await heartbeat(t, ann.cookie, ids.annSim!)).code).toBe('VALID');
    const own = await json(t, 'DELETE', `/api/v1/orgs/acme/my-products/activations/${ids.cat}`, cat.cookie);
    expect(own.statusCode, own.body).toBe(204);
    const beat = await heartbeat(t, cat.cookie, ids.cat!);
    expect(beat.code).toBe('RELEASED');
    expect(beat.message).toContain('released by its user in My products');
    const after = await json(t, 'GET', '/api/v1/orgs/acme/my-products', cat.cookie);
    expect(after.json().items[0].licensing.activation).toBeNull();
  });
});

describe('extra transfers granted by administrators', () => {
  function grant(body: object, cookie = w.admin.cookie) {
    return json(t, 'POST', '/api/v1/orgs/acme/transfer-grants', cookie, body);
  }
  const valid = () => ({ user: ann.userId, product: 'PRM-2026', count: 2, reason: 'Laptop stolen' });

  it('refuses a count outside 1 to 20 and an empty reason, naming the field', async () => {
    const cases: [object, string][] = [
      [{ count: 0 }, 'count'],
      [{ count: 21 }, 'count'],
      [{ count: 1.5 }, 'count'],
      [{ reason: '' }, 'reason'],
      [{ reason: '   ' }, 'reason'],
      [{ reason: 'x'.repeat(501) }, 'reason'],
      [{ reason: 'stolen\u0000' }, 'reason'],
    ];
    for (const [change, path] of cases) {
      const res = await grant({ ...valid(), ...change });
      expect(res.statusCode, JSON.stringify(change)).toBe(400);
      expect(res.json().error.details.map((d: { path: string }) => d.path)).toEqual([path]);
    }
  });

  it('answers an unknown user, another organization’s member and a service product 404, naming the field', async () => {
    await addProduct(t, w.operator, { code: 'SUPPORT', name: 'Support', kind: 'service' });
    const cases: [object, string][] = [
      [{ user: 'usr_00000000000000000000000000' }, 'user'],
      [{ user: globexMember.userId }, 'user'],
      [{ product: 'SUPPORT' }, 'product'],
      [{ product: 'NOPE-1' }, 'product'],
    ];
    for (const [change, path] of cases) {
      const res = await grant({ ...valid(), ...change });
      expect(res.statusCode, JSON.stringify(change)).toBe(404);
      expect(res.json().error.details.map((d: { path: string }) => d.path)).toEqual([path]);
    }
    expect((await grant(valid(), ben.cookie)).statusCode).toBe(404);
  });

  it('grants, raising the budget, and records license.transfers_granted with the reason', async () => {
    const res = await grant(valid());
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().transfers).toMatchObject({ limit: 5, granted: 2, used: 1, remaining: 6 });
    const events = await json(
      t,
      'GET',
      '/api/v1/orgs/acme/audit-events?action=license.transfers_granted',
      w.admin.cookie,
    );
    expect(events.json().items).toHaveLength(1);
    expect(events.json().items[0]).toMatchObject({
      targetType: 'user',
      targetId: ann.userId,
      actor: { id: w.admin.userId },
      after: { product: 'PRM-2026', count: 2, reason: 'Laptop stolen' },
    });
  });
});

describe('the audit log of online licensing', () => {
  it('records activations, takeovers, transfers, checkouts and releases, with no lease or token in them', async () => {
    const res = await json(t, 'GET', '/api/v1/orgs/acme/audit-events?limit=200', w.admin.cookie);
    const events = (res.json().items as { action: string; targetId: string; before: unknown; after: unknown }[]).filter(
      (e) => e.action.startsWith('license.'),
    );
    const actions = new Set(events.map((e) => e.action));
    for (const action of [
      'license.activated',
      'license.taken_over',
      'license.transferred',
      'license.checked_out',
      'license.released',
    ])
      expect(actions, action).toContain(action);
    const takeover = events.find((e) => e.action === 'license.taken_over' && e.targetId === ids.annDesktop);
    expect(takeover).toMatchObject({
      before: { device: 'ann-laptop-laptop' },
      after: { device: 'ann-desktop-laptop' },
    });
    const checkout = events.find((e) => e.action === 'license.checked_out');
    expect(checkout).toMatchObject({ targetId: ids.ben, after: { until: '2026-06-03T12:00:00.000Z' } });
    // No signed lease (a compact JWS) or token in what the log keeps.
    expect(leases.length).toBeGreaterThan(5);
    for (const lease of leases) expect(JSON.stringify(events)).not.toContain(lease.split('.')[2]);
    for (const e of events) {
      const text = JSON.stringify([e.before, e.after]);
      expect(text, e.action).not.toMatch(/eyJ[\w-]*\.[\w-]+\./);
      expect(text, e.action).not.toMatch(/"(lease|token|accessToken|access_token)"/i);
    }
  });
});
