import type { LicenseAnswer } from '@portico/contracts';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../src/lib/clock.js';
import { activate, heartbeat, type LicensingWorld, licensingWorld, machine } from '../helpers/activations.js';
import { json, type SignedInUser } from '../helpers/factories.js';
import { createTestApp, type TestApp } from '../helpers/test-app.js';

/**
 * SPEC §2.5 / §6: an online license is active on one machine at a time, and machine-mode seats are never
 * oversubscribed, when the requests arrive at the same moment. Every request of a round is sent at once with
 * Promise.all; on PostgreSQL they race on separate connections. The rules are checked in the tables themselves.
 * ACTIVATIONS_PER_DAY is raised: the daily limit is not what these rounds are about.
 */

let t: TestApp;
let w: LicensingWorld;
let serials = 0;

beforeAll(async () => {
  t = await createTestApp({
    clock: new ManualClock(new Date('2026-06-01T12:00:00Z')),
    env: { ACTIVATIONS_PER_DAY: '10000' },
  });
  w = await licensingWorld(t, { members: 81, seats: 100 });
});
afterAll(async () => t?.close());

function tally(values: string[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const v of values) counts[v] = (counts[v] ?? 0) + 1;
  return counts;
}

/** Lets the event loop turn a few times, so which request reaches the database first varies between rounds. */
async function turns(n: number): Promise<void> {
  for (let i = 0; i < n; i++) await new Promise((resolve) => setImmediate(resolve));
}

/** The active online activations (slots) of a member for the product, read from the table. */
async function slotsOf(userId: string) {
  return t.runtime.deps.db
    .selectFrom('activations')
    .select(['id', 'device_id', 'machine_name', 'assignment_id'])
    .where('user_id', '=', userId)
    .where('organization_id', '=', w.organizationId)
    .where('kind', '=', 'online')
    .where('status', '=', 'active')
    .execute();
}

/** Every (organization, user, product) with more than one active online activation: the rule broken. */
async function doubleSlots() {
  const { db } = t.runtime.deps;
  return db
    .selectFrom('activations')
    .select(['organization_id', 'user_id', 'product_id', db.fn.countAll<number>().as('n')])
    .where('kind', '=', 'online')
    .where('status', '=', 'active')
    .groupBy(['organization_id', 'user_id', 'product_id'])
    .having(sql`count(*)`, '>', 1)
    .execute();
}

/** A machine-mode asset of acme, made through the operator API. */
async function machineAsset(seats: number): Promise<{ id: string; serial: string }> {
  const serial = `MACH${String(++serials).padStart(8, '0')}`;
  const res = await json(t, 'POST', '/api/v1/operator/assets', w.operator, {
    organization: 'acme',
    product: 'PRM-2026',
    serial,
    seats,
    mode: 'machine',
    startsAt: '2026-01-01',
    endsAt: '2027-01-01',
  });
  if (res.statusCode !== 201) throw new Error(`machine asset: ${res.body}`);
  return { id: res.json().id as string, serial };
}

async function activateMachine(serial: string, device: ReturnType<typeof machine>) {
  const res = await t.app.inject({
    method: 'POST',
    url: '/api/v1/licensing/machine-activations',
    payload: { serial, machine: device },
  });
  return { status: res.statusCode, answer: res.json() as LicenseAnswer };
}

async function activeMachines(assetId: string) {
  return t.runtime.deps.db
    .selectFrom('activations')
    .select(['id', 'machine_name'])
    .where('asset_id', '=', assetId)
    .where('kind', '=', 'machine')
    .where('status', '=', 'active')
    .execute();
}

describe('two devices of one member activating at the same moment', () => {
  it('without takeover: one VALID, one ACTIVE_ON_ANOTHER_MACHINE, one slot (24 members, one round each)', async () => {
    for (const [round, member] of w.members.slice(0, 24).entries()) {
      const devices = [machine(`r${round}-a`), machine(`r${round}-b`)];
      const answers = await Promise.all(
        devices.map(async (device, i) => {
          await turns((round + i) % 3);
          return activate(t, member.cookie, device);
        }),
      );
      expect(tally(answers.map((a) => a.code)), `round ${round}`).toEqual({
        VALID: 1,
        ACTIVE_ON_ANOTHER_MACHINE: 1,
      });
      const winner = answers.find((a) => a.valid)!;
      const loser = answers.find((a) => !a.valid)!;
      expect(loser.holder?.deviceName, `round ${round}`).toBe(winner.activation?.machineName);
      const slots = await slotsOf(member.userId);
      expect(
        slots.map((s) => s.id),
        `round ${round}`,
      ).toEqual([winner.activation!.id]);
      // The refused device was not registered either: it asked without takeover.
      expect(winner.devices?.map((d) => d.name)).toEqual([winner.activation!.machineName]);
    }
    expect(await doubleSlots()).toEqual([]);
  });

  it('with takeover on both: both answered VALID, the later one holds the slot, the other learns TRANSFERRED (24 rounds)', async () => {
    const member = w.members[24]!;
    const devices = [machine('take-a'), machine('take-b')];
    for (let round = 0; round < 24; round++) {
      const answers = await Promise.all(
        devices.map(async (device, i) => {
          await turns((round * 7 + i * 3) % 4);
          return activate(t, member.cookie, device, { takeover: true });
        }),
      );
      expect(
        answers.map((a) => a.code),
        `round ${round}`,
      ).toEqual(['VALID', 'VALID']);
      const slots = await slotsOf(member.userId);
      expect(slots, `round ${round}`).toHaveLength(1);
      const held = slots[0]!.id;
      const ids = answers.map((a) => a.activation!.id);
      expect(ids, `round ${round}`).toContain(held);
      const other = ids.find((id) => id !== held);
      if (other !== undefined) {
        // The one that lost the slot was taken over by the holder, and its device is told so.
        const row = await t.runtime.deps.db
          .selectFrom('activations')
          .select(['status', 'successor_id'])
          .where('id', '=', other)
          .executeTakeFirstOrThrow();
        expect(row, `round ${round}`).toEqual({ status: 'transferred', successor_id: held });
        expect((await heartbeat(t, member.cookie, other)).code, `round ${round}`).toBe('TRANSFERRED');
      }
      expect((await heartbeat(t, member.cookie, held)).code, `round ${round}`).toBe('VALID');
    }
    // Moving the slot between the two registered devices never cost a transfer.
    const last = await activate(t, member.cookie, devices[0]!, { takeover: true });
    expect(last.transfers).toMatchObject({ used: 0, remaining: 5 });
    expect(last.devices).toHaveLength(2);
    expect(await doubleSlots()).toEqual([]);
  });

  it('three new devices with takeover at once: one slot, and never more registered devices than allowed', async () => {
    for (const [round, member] of w.members.slice(25, 45).entries()) {
      const answers = await Promise.all(
        ['x', 'y', 'z'].map(async (name, i) => {
          await turns((round + i) % 3);
          return activate(t, member.cookie, machine(`r${round}-${name}`), { takeover: true });
        }),
      );
      // Two register for free (the second takes over from the first); the third would replace one: a transfer.
      expect(tally(answers.map((a) => a.code)), `round ${round}`).toEqual({ VALID: 2, DEVICE_LIMIT_REACHED: 1 });
      expect(await slotsOf(member.userId), `round ${round}`).toHaveLength(1);
      const devices = await t.runtime.deps.db
        .selectFrom('licensing_devices')
        .select('id')
        .where('user_id', '=', member.userId)
        .where('removed_at', 'is', null)
        .execute();
      expect(devices, `round ${round}`).toHaveLength(2);
    }
    expect(await doubleSlots()).toEqual([]);
  });

  it('every member at once, two devices each: one slot per member', async () => {
    const crowd = w.members.slice(45, 60);
    const answers = await Promise.all(
      crowd.flatMap((member, i) => [
        activate(t, member.cookie, machine(`crowd${i}-a`)),
        activate(t, member.cookie, machine(`crowd${i}-b`)),
      ]),
    );
    expect(tally(answers.map((a) => a.code))).toEqual({ VALID: 15, ACTIVE_ON_ANOTHER_MACHINE: 15 });
    for (const member of crowd) expect(await slotsOf(member.userId)).toHaveLength(1);
    expect(await doubleSlots()).toEqual([]);
  });
});

describe('machine mode at the same moment', () => {
  it('64 different machines on an asset of 3 seats: exactly 3 VALID, 61 NO_SEAT_AVAILABLE, 3 active rows', async () => {
    const asset = await machineAsset(3);
    const results = await Promise.all(
      Array.from({ length: 64 }, (_, i) => activateMachine(asset.serial, machine(`ci-${i}`))),
    );
    expect(results.filter((r) => r.status !== 200)).toEqual([]);
    expect(tally(results.map((r) => r.answer.code))).toEqual({ VALID: 3, NO_SEAT_AVAILABLE: 61 });
    const granted = results.filter((r) => r.answer.valid).map((r) => r.answer.activation!.id);
    const rows = await activeMachines(asset.id);
    expect(rows.map((r) => r.id).sort()).toEqual(granted.sort());
    const audit = await t.runtime.deps.db
      .selectFrom('audit_events')
      .select('target_id')
      .where('action', '=', 'machine.activated')
      .where('target_id', 'in', granted)
      .execute();
    expect(audit).toHaveLength(3);
    // The refusals carry no lease.
    expect(results.filter((r) => !r.answer.valid && r.answer.lease !== null)).toEqual([]);
  });

  it('the same machine activating 10 times at once: one activation, the same id in every answer', async () => {
    const asset = await machineAsset(3);
    const device = machine('build-agent');
    const results = await Promise.all(Array.from({ length: 10 }, () => activateMachine(asset.serial, device)));
    expect(results.map((r) => r.answer.code)).toEqual(Array(10).fill('VALID'));
    const ids = new Set(results.map((r) => r.answer.activation!.id));
    expect(ids.size).toBe(1);
    const rows = await activeMachines(asset.id);
    expect(rows.map((r) => r.id)).toEqual([...ids]);
    // Two more machines still fit: the repeats took one seat, not ten.
    const more = await Promise.all([
      activateMachine(asset.serial, machine('agent-2')),
      activateMachine(asset.serial, machine('agent-3')),
      activateMachine(asset.serial, machine('agent-4')),
    ]);
    expect(tally(more.map((r) => r.answer.code))).toEqual({ VALID: 2, NO_SEAT_AVAILABLE: 1 });
  });
});

describe('revocation and activation at the same moment', () => {
  /** Active online activations whose assignment is no longer active: must never exist. */
  async function activeOfRevoked() {
    return t.runtime.deps.db
      .selectFrom('activations as a')
      .innerJoin('assignments as g', 'g.id', 'a.assignment_id')
      .select(['a.id', 'a.user_id', 'g.status'])
      .where('a.status', '=', 'active')
      .where('g.status', '<>', 'active')
      .execute();
  }

  async function assignmentOf(member: SignedInUser): Promise<string> {
    const list = await json(t, 'GET', `/api/v1/orgs/acme/assignments?user=${member.userId}`, w.admin.cookie);
    return list.json().items[0].id as string;
  }

  async function reassign(member: SignedInUser): Promise<void> {
    const res = await json(t, 'POST', '/api/v1/orgs/acme/assignments', w.admin.cookie, {
      asset: w.assetId,
      users: [member.userId],
    });
    expect(res.json().results[0].outcome).toBe('assigned');
  }

  it('never leaves an active activation of a revoked assignment (24 rounds, half with a device already in use)', async () => {
    const member = w.members[60]!;
    const [home, office] = [machine('rv-home'), machine('rv-office')];
    for (let round = 0; round < 24; round++) {
      const context = `round ${round}`;
      if (round % 2 === 1) expect((await activate(t, member.cookie, home)).code, context).toBe('VALID');
      const assignment = await assignmentOf(member);
      const [activation, revocation] = await Promise.all([
        (async () => {
          await turns(round % 4);
          return activate(t, member.cookie, office, { takeover: true });
        })(),
        (async () => {
          await turns((round >> 1) % 4);
          return json(t, 'DELETE', `/api/v1/orgs/acme/assignments/${assignment}`, w.admin.cookie);
        })(),
      ]);
      expect(revocation.statusCode, `${context}: ${revocation.body}`).toBe(204);
      // Before the revocation: a slot that the revocation then ended; after it: not assigned any more.
      expect(['VALID', 'NOT_ASSIGNED'], context).toContain(activation.code);
      if (activation.valid) {
        const beat = await heartbeat(t, member.cookie, activation.activation!.id);
        expect(beat.code, context).toBe('REVOKED');
      }
      expect(await activeOfRevoked(), context).toEqual([]);
      expect(await slotsOf(member.userId), context).toEqual([]);
      await reassign(member);
    }
  });

  it('a checkout and a takeover at once: never both; the loser is told why', async () => {
    for (const [round, member] of w.members.slice(61, 81).entries()) {
      const context = `round ${round}`;
      const first = await activate(t, member.cookie, machine(`co-${round}-a`));
      const [checkout, takeover] = await Promise.all([
        (async () => {
          await turns(round % 3);
          return json(t, 'POST', `/api/v1/licensing/activations/${first.activation!.id}/checkout`, member.cookie, {
            days: 2,
          });
        })(),
        (async () => {
          await turns((round + 1) % 3);
          return activate(t, member.cookie, machine(`co-${round}-b`), { takeover: true });
        })(),
      ]);
      expect(checkout.statusCode, context).toBe(200);
      const pair = [checkout.json().code as string, takeover.code].sort();
      // Checked out first: the other device is refused; taken over first: the checkout learns the slot moved.
      expect([
        ['CHECKED_OUT_OFFLINE', 'VALID'],
        ['TRANSFERRED', 'VALID'],
      ]).toContainEqual(pair);
      const slots = await slotsOf(member.userId);
      expect(slots, context).toHaveLength(1);
      expect(slots[0]!.id, context).toBe(checkout.json().valid ? first.activation!.id : takeover.activation!.id);
    }
    expect(await doubleSlots()).toEqual([]);
  });
});
