import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toDate } from '../../src/lib/time.js';
import { activate, heartbeat, type LicensingWorld, licensingWorld, machine } from '../helpers/activations.js';
import { json } from '../helpers/factories.js';
import { createTestApp, type TestApp } from '../helpers/test-app.js';

/** Heartbeats' last contacts are written once a second in one statement per 500 activations (docs/adr/0013). */
let t: TestApp;
let w: LicensingWorld;

beforeAll(async () => {
  t = await createTestApp();
  w = await licensingWorld(t, { members: 3 });
});
afterAll(() => t.close());

async function rowOf(id: string) {
  return t.runtime.deps.db
    .selectFrom('activations')
    .select(['status', 'last_contact_at', 'lease_expires_at'])
    .where('id', '=', id)
    .executeTakeFirstOrThrow();
}

describe('the batch of last contacts', () => {
  it('renews every heartbeating activation in the database at the next flush', async () => {
    const ids = [];
    for (const [i, member] of w.members.entries())
      ids.push((await activate(t, member.cookie, machine(`batch-${i}`))).activation!.id);
    t.clock.advance(5 * 60_000);
    const beatAt = t.clock.now();
    for (const [i, member] of w.members.entries()) await heartbeat(t, member.cookie, ids[i]!);
    await t.runtime.deps.heartbeats.flush();
    for (const id of ids) {
      const row = await rowOf(id);
      expect(toDate(row.last_contact_at).getTime()).toBe(beatAt.getTime());
      expect(toDate(row.lease_expires_at).getTime()).toBe(beatAt.getTime() + 30 * 60_000);
    }
  });

  it('never revives an activation released between the heartbeat and the flush', async () => {
    const member = w.members[0]!;
    const id = (await activate(t, member.cookie, machine('batch-0'))).activation!.id;
    expect((await heartbeat(t, member.cookie, id)).code).toBe('VALID');
    await json(t, 'DELETE', `/api/v1/licensing/activations/${id}`, member.cookie);
    await t.runtime.deps.heartbeats.flush();
    expect((await rowOf(id)).status).toBe('released');
    expect((await heartbeat(t, member.cookie, id)).code).toBe('RELEASED');
  });

  it('never shortens an offline lease that is out', async () => {
    const member = w.members[1]!;
    const id = (await activate(t, member.cookie, machine('batch-1'))).activation!.id;
    const out = await json(t, 'POST', `/api/v1/licensing/activations/${id}/checkout`, member.cookie, { days: 3 });
    expect(out.json().code).toBe('VALID');
    const until = toDate((await rowOf(id)).lease_expires_at).getTime();
    expect((await heartbeat(t, member.cookie, id)).code).toBe('VALID');
    await t.runtime.deps.heartbeats.flush();
    expect(toDate((await rowOf(id)).lease_expires_at).getTime()).toBe(until);
  });
});
