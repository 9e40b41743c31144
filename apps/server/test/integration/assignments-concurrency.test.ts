import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../src/lib/clock.js';
import { createSignedInUser, createSignedInUsers, json, type SignedInUser } from '../helpers/factories.js';
import {
  activeAssignments,
  addAsset,
  addMembers,
  addOrganization,
  addProduct,
  assignmentViolations,
  seatsOf,
} from '../helpers/licensing.js';
import { createTestApp, type TestApp } from '../helpers/test-app.js';

/**
 * SPEC §2.5 / §6: seats are never oversold and the member rules hold when administrators act at the same moment
 * (ARCHITECTURE convention 3: the organization's lock, then one guarded write). Every request here is sent at once
 * with Promise.all; on PostgreSQL they race on separate connections. Replay a failing shuffle with
 * ASSIGN_RACE_SEED=<seed> (printed in the assertion messages).
 */

let t: TestApp;
let operator: string;
let org: string;
let admins: SignedInUser[];
let serials = 0;

const seed = Number(process.env.ASSIGN_RACE_SEED ?? Date.now() % 4_294_967_296);

beforeAll(async () => {
  t = await createTestApp({ clock: new ManualClock(new Date('2026-06-01T12:00:00Z')) });
  operator = await createSignedInUser(t, 'op@example.com', 'Olive Operator', { isOperator: true });
  await addProduct(t, operator, { code: 'CAD-A', name: 'CAD A', kind: 'license', type: 'cad' });
  await addProduct(t, operator, { code: 'CAD-B', name: 'CAD B', kind: 'license', type: 'cad' });
  await addProduct(t, operator, { code: 'SIM-1', name: 'Simulation', kind: 'license', type: 'simulation' });
  org = await addOrganization(t, operator, 'acme', 'Acme');
  admins = await createSignedInUsers(
    t,
    Array.from({ length: 4 }, (_, i) => ({ email: `admin-${i}@example.com`, name: `Admin ${i}` })),
  );
  await addMembers(
    t,
    org,
    admins.map((a) => a.userId),
    'admin',
  );
});
afterAll(async () => t?.close());

async function newAsset(product: string, seats: number, endsAt: string | null = null): Promise<string> {
  const serial = `RACE${String(++serials).padStart(8, '0')}`;
  return addAsset(t, operator, { organization: 'acme', product, serial, seats, endsAt });
}

async function newMembers(prefix: string, count: number): Promise<SignedInUser[]> {
  const people = await createSignedInUsers(
    t,
    Array.from({ length: count }, (_, i) => ({ email: `${prefix}-${i}@example.com`, name: `${prefix} ${i}` })),
  );
  await addMembers(
    t,
    org,
    people.map((p) => p.userId),
    'member',
  );
  return people;
}

function assign(body: object, admin = admins[0]!) {
  return json(t, 'POST', `/api/v1/orgs/${org}/assignments`, admin.cookie, body);
}

function tally(values: string[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const v of values) counts[v] = (counts[v] ?? 0) + 1;
  return counts;
}

function outcomeOf(res: LightMyRequestResponse): string {
  if (res.statusCode !== 200) return `${res.statusCode} ${res.json().error?.code}`;
  return res.json().results[0].outcome;
}

/** A small seeded generator, so a failing shuffle can be replayed. */
function random(start: number): () => number {
  let state = start >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let x = state;
    x = Math.imul(x ^ (x >>> 15), x | 1);
    x ^= x + Math.imul(x ^ (x >>> 7), x | 61);
    return ((x ^ (x >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/**
 * Lets the event loop turn a few times first: the requests still overlap, but which one reaches the database first
 * varies (an assignment's body is parsed a few turns later than a DELETE's, which would otherwise always win).
 */
async function turns(n: number): Promise<void> {
  for (let i = 0; i < n; i++) await new Promise((resolve) => setImmediate(resolve));
}

function shuffled<T>(items: T[], next: () => number): T[] {
  const copy = [...items];
  for (let i = copy.length - 1; i > 0; i--) {
    const j = Math.floor(next() * (i + 1));
    [copy[i], copy[j]] = [copy[j]!, copy[i]!];
  }
  return copy;
}

describe('64 administrators’ requests for 64 members on an asset of 3 seats, at the same moment', () => {
  it('assign exactly 3 and answer the 61 others "no seat available", with no error', async () => {
    const asset = await newAsset('CAD-A', 3);
    const people = await newMembers('crowd', 64);
    const responses = await Promise.all(
      people.map((p, i) => assign({ asset: asset, users: [p.userId] }, admins[i % admins.length])),
    );
    expect(responses.filter((r) => r.statusCode !== 200).map((r) => r.body)).toEqual([]);
    expect(tally(responses.map(outcomeOf))).toEqual({ assigned: 3, 'no seat available': 61 });

    const { db } = t.runtime.deps;
    const winners = responses.flatMap((r, i) => (outcomeOf(r) === 'assigned' ? [people[i]!] : []));
    const held = await activeAssignments(db, { assetId: asset });
    expect(held.map((h) => h.user_id).sort()).toEqual(winners.map((w) => w.userId).sort());
    expect(await seatsOf(db, asset)).toEqual({ seats: 3, assigned: 3 });
    // One audit event and one email per seat given, none for the refusals.
    const audit = await db
      .selectFrom('audit_events')
      .select('target_id')
      .where('action', '=', 'assignment.created')
      .where(
        'target_id',
        'in',
        held.map((h) => h.id),
      )
      .execute();
    expect(audit).toHaveLength(3);
    const emails = await db
      .selectFrom('outbox_emails')
      .select('to_address')
      .where('kind', '=', 'product-assigned')
      .where('to_address', 'like', 'crowd-%')
      .execute();
    expect(emails.map((e) => e.to_address).sort()).toEqual(winners.map((w) => w.email).sort());
    expect(await assignmentViolations(db)).toEqual([]);
  });

  it('by product over two assets (2 seats, then 1), also give exactly 3', async () => {
    const endsLast = await newAsset('SIM-1', 2, null);
    const endsFirst = await newAsset('SIM-1', 1, '2027-01-01');
    const people = await newMembers('product-crowd', 64);
    const responses = await Promise.all(
      people.map((p, i) => assign({ product: 'SIM-1', users: [p.userId] }, admins[i % admins.length])),
    );
    expect(responses.filter((r) => r.statusCode !== 200).map((r) => r.body)).toEqual([]);
    expect(tally(responses.map(outcomeOf))).toEqual({ assigned: 3, 'no seat available': 61 });
    const { db } = t.runtime.deps;
    expect(await seatsOf(db, endsLast)).toEqual({ seats: 2, assigned: 2 });
    expect(await seatsOf(db, endsFirst)).toEqual({ seats: 1, assigned: 1 });
    expect(await assignmentViolations(db)).toEqual([]);
  });
});

describe('two administrators giving one member two different cad products at the same moment', () => {
  it('let exactly one win; the other is told "product type already held" (20 members at once)', async () => {
    const cadA = await newAsset('CAD-A', 50);
    const cadB = await newAsset('CAD-B', 50);
    const people = await newMembers('twin', 20);
    const pairs = await Promise.all(
      people.map((p) =>
        Promise.all([
          assign({ asset: cadA, users: [p.userId] }, admins[0]),
          assign({ asset: cadB, users: [p.userId] }, admins[1]),
        ]),
      ),
    );
    const { db } = t.runtime.deps;
    for (const [i, pair] of pairs.entries()) {
      const person = people[i]!;
      expect(pair.map((r) => r.statusCode)).toEqual([200, 200]);
      expect(pair.map(outcomeOf).sort()).toEqual(['assigned', 'product type already held']);
      const won = pair[0]!.json().results[0].outcome === 'assigned' ? cadA : cadB;
      const held = await activeAssignments(db, { organizationId: org, userId: person.userId });
      expect(held.map((h) => h.asset_id)).toEqual([won]);
    }
    expect(await assignmentViolations(db)).toEqual([]);
  });
});

describe('the same change sent many times at once', () => {
  it('two administrators giving one member the same product: one "assigned", one "already assigned", one email', async () => {
    const asset = await newAsset('CAD-A', 50);
    const people = await newMembers('double', 10);
    const pairs = await Promise.all(
      people.map((p) =>
        Promise.all([
          assign({ asset, users: [p.userId] }, admins[2]),
          assign({ product: 'CAD-A', users: [p.userId] }, admins[3]),
        ]),
      ),
    );
    for (const pair of pairs) expect(pair.map(outcomeOf).sort()).toEqual(['already assigned', 'assigned']);
    const { db } = t.runtime.deps;
    const emails = await db
      .selectFrom('outbox_emails')
      .select('to_address')
      .where('kind', '=', 'product-assigned')
      .where('to_address', 'like', 'double-%')
      .execute();
    expect(emails.map((e) => e.to_address).sort()).toEqual(people.map((p) => p.email).sort());
    expect(await assignmentViolations(db)).toEqual([]);
  });

  it('revoking one assignment from 20 requests at once ends it once: one revoked, one audit event, one email', async () => {
    const asset = await newAsset('CAD-B', 1);
    const [person] = await newMembers('revokee', 1);
    const given = await assign({ asset, users: [person!.userId] });
    const id = given.json().results[0].assignmentId as string;
    const answers = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        i % 2 === 0
          ? json(t, 'DELETE', `/api/v1/orgs/${org}/assignments/${id}`, admins[i % admins.length]!.cookie)
          : json(t, 'POST', `/api/v1/orgs/${org}/assignments/revoke`, admins[i % admins.length]!.cookie, {
              assignments: [id],
            }),
      ),
    );
    const outcomes = answers.map((r) =>
      r.statusCode === 200 ? r.json().results[0].outcome : r.statusCode === 204 ? 'revoked' : `${r.statusCode}`,
    );
    // The one that ended it says so (204 or "revoked"); every other finds nothing active (404 or "not found").
    expect(outcomes.filter((o) => o === 'revoked')).toHaveLength(1);
    expect(outcomes.filter((o) => o !== 'revoked' && o !== 'not found' && o !== '404')).toEqual([]);
    const { db } = t.runtime.deps;
    const audit = await db
      .selectFrom('audit_events')
      .select('id')
      .where('action', '=', 'assignment.revoked')
      .where('target_id', '=', id)
      .execute();
    expect(audit).toHaveLength(1);
    const emails = await db
      .selectFrom('outbox_emails')
      .select('id')
      .where('kind', '=', 'product-revoked')
      .where('to_address', '=', person!.email)
      .execute();
    expect(emails).toHaveLength(1);
    expect(await seatsOf(db, asset)).toEqual({ seats: 1, assigned: 0 });
  });
});

describe('assign and remove member (revoking licenses) for the same member at the same moment', () => {
  it('never leaves an active assignment of a removed member (10 rounds of 8 members)', async () => {
    const next = random(seed);
    const asset = await newAsset('CAD-A', 4);
    const people = await newMembers('leaver', 8);
    const { db } = t.runtime.deps;
    const seen: string[] = [];
    for (let round = 0; round < 10; round++) {
      const context = `seed ${seed}, round ${round}`;
      await addMembers(
        t,
        org,
        people.map((p) => p.userId),
        'member',
      );
      const requests = shuffled(
        people.flatMap((p) => [
          { kind: 'assign', person: p },
          { kind: 'remove', person: p },
        ]),
        next,
      );
      const answers = await Promise.all(
        requests.map(async (r) => {
          const admin = admins[Math.floor(next() * admins.length)]!;
          await turns(Math.floor(next() * 6));
          const res =
            r.kind === 'assign'
              ? await assign({ asset, users: [r.person.userId] }, admin)
              : await json(
                  t,
                  'DELETE',
                  `/api/v1/orgs/${org}/members/${r.person.userId}?revokeLicenses=true`,
                  admin.cookie,
                );
          return { ...r, res };
        }),
      );
      for (const { kind, res } of answers) {
        expect(res.statusCode, `${context}: ${kind} ${res.body}`).toBeLessThan(500);
        if (kind === 'remove') expect(res.statusCode, `${context}: ${res.body}`).toBe(204);
        else {
          const outcome = outcomeOf(res);
          seen.push(outcome);
          // Before the removal: a seat (or none left); after it: the request names a user who is not a member.
          expect(['assigned', 'no seat available', '404 NOT_FOUND'], context).toContain(outcome);
          if (res.statusCode === 404) expect(res.json().error.details[0].path).toBe('users.0');
        }
      }
      for (const p of people) expect(await activeAssignments(db, { userId: p.userId }), context).toEqual([]);
      const left = await db
        .selectFrom('organization_members')
        .select('user_id')
        .where('organization_id', '=', org)
        .where(
          'user_id',
          'in',
          people.map((p) => p.userId),
        )
        .execute();
      expect(left, context).toEqual([]);
      expect(await assignmentViolations(db), context).toEqual([]);
    }
    // Both orders happened: some assignments landed before their member's removal (and were revoked with it).
    expect(seen, `seed ${seed}`).toContain('assigned');
    const revokedByRemoval = await db
      .selectFrom('assignments')
      .select('id')
      .where('asset_id', '=', asset)
      .where('status', '=', 'revoked')
      .execute();
    expect(revokedByRemoval.length).toBe(seen.filter((o) => o === 'assigned').length);
  });
});

describe('revoke and assign churn on one asset', () => {
  it('never holds more active assignments than seats, and the seats still fill exactly afterwards', async () => {
    const next = random(seed + 1);
    const asset = await newAsset('CAD-B', 3);
    const people = await newMembers('churn', 12);
    const { db } = t.runtime.deps;
    const outcomes: string[] = [];
    for (let round = 0; round < 8; round++) {
      const context = `seed ${seed}, round ${round}`;
      const held = await activeAssignments(db, { assetId: asset });
      const revokes = held.map((h, i) =>
        i % 2 === 0
          ? json(t, 'DELETE', `/api/v1/orgs/${org}/assignments/${h.id}`, admins[i % admins.length]!.cookie)
          : json(t, 'POST', `/api/v1/orgs/${org}/assignments/revoke`, admins[i % admins.length]!.cookie, {
              assignments: [h.id],
            }),
      );
      const assigns = Array.from({ length: 8 }, (_, i) => {
        const users = shuffled(people, next)
          .slice(0, 1 + Math.floor(next() * 3))
          .map((p) => p.userId);
        return assign({ asset, users }, admins[i % admins.length]);
      });
      // The operator changes the seats in the middle of it: never below what is assigned at that moment.
      const seats = json(t, 'PATCH', `/api/v1/operator/assets/${asset}`, operator, { seats: round % 2 === 0 ? 2 : 3 });
      const answers = await Promise.all([...shuffled([...revokes, ...assigns], next), seats]);
      for (const res of answers) expect(res.statusCode, `${context}: ${res.body}`).toBeLessThan(500);
      for (const res of await Promise.all(assigns))
        for (const r of res.json().results as { outcome: string }[]) outcomes.push(r.outcome);
      const seatAnswer = await seats;
      expect([200, 409], context).toContain(seatAnswer.statusCode);
      if (seatAnswer.statusCode === 409) expect(seatAnswer.json().error.code).toBe('SEATS_IN_USE');
      const now = await seatsOf(db, asset);
      expect(now.assigned, context).toBeLessThanOrEqual(now.seats);
      expect(await assignmentViolations(db), context).toEqual([]);
    }
    expect(outcomes, `seed ${seed}`).toContain('assigned');
    expect(outcomes, `seed ${seed}`).toContain('no seat available');

    // The count did not drift: with 3 seats, asking for everyone fills exactly the seats left.
    await json(t, 'PATCH', `/api/v1/operator/assets/${asset}`, operator, { seats: 3 });
    const before = (await seatsOf(db, asset)).assigned;
    const all = await assign({
      asset,
      users: people.map((p) => p.userId),
    });
    const given = (all.json().results as { outcome: string }[]).filter((r) => r.outcome === 'assigned').length;
    expect(given).toBe(3 - before);
    expect(await seatsOf(db, asset)).toEqual({ seats: 3, assigned: 3 });
  });
});
