import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  activate,
  heartbeat,
  type LicensingWorld,
  licensingWorld,
  machine,
  renewSessions,
} from '../helpers/activations.js';
import { json } from '../helpers/factories.js';
import { createTestApp, type TestApp } from '../helpers/test-app.js';

/** Named-user activation (SPEC §2.5): one device in use, free takeovers between two registered devices, transfers. */
let t: TestApp;
let w: LicensingWorld;
let cookie: string;
const laptop = machine('office');
const desktop = machine('home');
const third = machine('loaner');

beforeAll(async () => {
  t = await createTestApp();
  w = await licensingWorld(t, { members: 3 });
  cookie = w.members[0]!.cookie;
});
afterAll(() => t.close());

describe('one device in use at a time, two registered devices', () => {
  let first: string;
  let second: string;

  it('activates on the first device with a signed lease and a full transfer budget', async () => {
    const res = await activate(t, cookie, laptop);
    expect(res).toMatchObject({ valid: true, code: 'VALID', heartbeatIntervalSeconds: 600 });
    expect(res.lease?.split('.')).toHaveLength(3);
    expect(res.transfers).toMatchObject({ limit: 5, used: 0, remaining: 5, nextFreeAt: null });
    expect(res.devices).toEqual([expect.objectContaining({ name: 'office-laptop', inUse: true })]);
    first = res.activation!.id;
  });

  it('answers ACTIVE_ON_ANOTHER_MACHINE to the second device, naming the first and its last contact', async () => {
    const res = await activate(t, cookie, desktop);
    expect(res).toMatchObject({ valid: false, code: 'ACTIVE_ON_ANOTHER_MACHINE', lease: null });
    expect(res.holder).toMatchObject({ deviceName: 'office-laptop', platform: 'linux-x64' });
  });

  it('moves the slot for free with takeover; the first device learns TRANSFERRED at its next heartbeat', async () => {
    const res = await activate(t, cookie, desktop, { takeover: true });
    expect(res).toMatchObject({ valid: true, code: 'VALID' });
    expect(res.transfers).toMatchObject({ used: 0, remaining: 5 });
    expect(res.devices).toHaveLength(2);
    second = res.activation!.id;
    const beat = await heartbeat(t, cookie, first);
    expect(beat).toMatchObject({ valid: false, code: 'TRANSFERRED', lease: null });
    expect(beat.holder?.deviceName).toBe('home-laptop');
  });

  it('takes it back, also free, and recognises the laptop after its host was renamed', async () => {
    const renamed = machine('office', { hostname: 'h-renamed' });
    const res = await activate(t, cookie, { ...renamed, name: 'office-renamed' }, { takeover: true });
    expect(res).toMatchObject({ valid: true, transfers: { used: 0, remaining: 5 } });
    expect(res.devices?.map((d) => d.name).sort()).toEqual(['home-laptop', 'office-renamed']);
    expect((await heartbeat(t, cookie, second)).code).toBe('TRANSFERRED');
    first = res.activation!.id;
  });

  it('renews the same activation when the device in use activates again (a restart), at no cost', async () => {
    const res = await activate(t, cookie, machine('office', { hostname: 'h-renamed' }));
    expect(res.activation?.id).toBe(first);
    const beat = await heartbeat(t, cookie, first);
    expect(beat).toMatchObject({ valid: true, code: 'VALID', transfers: { remaining: 5 } });
  });

  it('asks before a third device replaces one: DEVICE_LIMIT_REACHED names the device and the cost', async () => {
    const res = await activate(t, cookie, third, { takeover: true });
    expect(res).toMatchObject({ valid: false, code: 'DEVICE_LIMIT_REACHED', transfers: { remaining: 5 } });
    expect(res.message).toContain('home-laptop');
  });

  it('replaces the device used least recently for one transfer, with the date it frees again', async () => {
    const res = await activate(t, cookie, third, { takeover: true, transfer: true });
    expect(res).toMatchObject({ valid: true, code: 'VALID' });
    expect(res.transfers).toMatchObject({ used: 1, remaining: 4 });
    const freeAt = new Date(res.transfers!.nextFreeAt!).getTime() - t.clock.now().getTime();
    expect(Math.round(freeAt / 86_400_000)).toBe(30);
    expect(res.devices?.map((d) => d.name).sort()).toEqual(['loaner-laptop', 'office-laptop']);
    expect((await heartbeat(t, cookie, first)).code).toBe('TRANSFERRED');
  });
});

describe('transfer budget', () => {
  it('refuses a transfer when none is left, saying when the next frees, until an administrator grants more', async () => {
    const member = w.members[1]!;
    await activate(t, member.cookie, machine('m1-a'));
    await activate(t, member.cookie, machine('m1-b'), { takeover: true });
    for (let i = 0; i < 5; i++) {
      const res = await activate(t, member.cookie, machine(`m1-x${i}`), { takeover: true, transfer: true });
      expect(res.transfers?.remaining).toBe(4 - i);
    }
    const refused = await activate(t, member.cookie, machine('m1-y'), { takeover: true, transfer: true });
    expect(refused).toMatchObject({ valid: false, code: 'TRANSFER_LIMIT_REACHED', transfers: { remaining: 0 } });
    expect(refused.retryAt).toBe(refused.transfers?.nextFreeAt);

    const grant = await json(t, 'POST', '/api/v1/orgs/acme/transfer-grants', w.admin.cookie, {
      user: member.userId,
      product: 'PRM-2026',
      count: 2,
      reason: 'Laptop stolen',
    });
    expect(grant.statusCode).toBe(200);
    expect(grant.json().transfers).toMatchObject({ granted: 2, remaining: 2 });
    const again = await activate(t, member.cookie, machine('m1-y'), { takeover: true, transfer: true });
    expect(again).toMatchObject({ valid: true, transfers: { remaining: 1 } });
  });

  it('recovers after 30 days', async () => {
    const member = w.members[1]!;
    t.clock.advance(30 * 86_400_000 + 60_000);
    await renewSessions(t, w);
    cookie = w.members[0]!.cookie;
    const res = await activate(t, member.cookie, machine('m1-z'), { takeover: true, transfer: true });
    expect(res).toMatchObject({ valid: true, transfers: { used: 1, granted: 0, remaining: 4 } });
  });
});

describe('leases, release and revocation', () => {
  it('frees the slot when the device stops heartbeating: another device activates without takeover', async () => {
    const member = w.members[2]!;
    const a = await activate(t, member.cookie, machine('m2-a'));
    expect((await activate(t, member.cookie, machine('m2-b'))).code).toBe('ACTIVE_ON_ANOTHER_MACHINE');
    t.clock.advance(31 * 60_000);
    const b = await activate(t, member.cookie, machine('m2-b'));
    expect(b).toMatchObject({ valid: true, transfers: { used: 0 } });
    const beat = await heartbeat(t, member.cookie, a.activation!.id);
    expect(beat).toMatchObject({ valid: false, code: 'EXPIRED' });
  });

  it('release frees the slot at once and costs nothing', async () => {
    const member = w.members[2]!;
    const current = await activate(t, member.cookie, machine('m2-b'));
    const released = await json(t, 'DELETE', `/api/v1/licensing/activations/${current.activation!.id}`, member.cookie);
    expect(released.json()).toMatchObject({ valid: false, code: 'RELEASED' });
    expect((await heartbeat(t, member.cookie, current.activation!.id)).code).toBe('RELEASED');
    const other = await activate(t, member.cookie, machine('m2-a'));
    expect(other).toMatchObject({ valid: true, transfers: { used: 0 } });
  });

  it("answers another member's activation like a missing one", async () => {
    const mine = await activate(t, w.members[2]!.cookie, machine('m2-a'));
    const res = await json(
      t,
      'POST',
      `/api/v1/licensing/activations/${mine.activation!.id}/heartbeat`,
      w.members[0]!.cookie,
    );
    expect(res.statusCode).toBe(404);
  });

  it('a revocation reaches the device at its next heartbeat', async () => {
    const member = w.members[2]!;
    const current = await activate(t, member.cookie, machine('m2-a'));
    const list = await json(t, 'GET', `/api/v1/orgs/acme/assignments?user=${member.userId}`, w.admin.cookie);
    const assignment = list.json().items[0].id as string;
    expect((await json(t, 'DELETE', `/api/v1/orgs/acme/assignments/${assignment}`, w.admin.cookie)).statusCode).toBe(
      204,
    );
    expect((await heartbeat(t, member.cookie, current.activation!.id)).code).toBe('REVOKED');
    expect((await activate(t, member.cookie, machine('m2-a'))).code).toBe('NOT_ASSIGNED');
  });
});
