import fc from 'fast-check';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../src/lib/clock.js';
import { iso } from '../../src/lib/time.js';
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
 * SPEC §2.5, as properties: any sequence of assign (by asset or by product, several users, two administrators),
 * revoke, remove member, re-join and an operator's seat change, sent through the real HTTP app, leaves the database
 * within the rules after every step: no asset with more active assignments than seats, one active assignment per
 * member and product, one active product per member and type, no active assignment of someone who is not a member.
 * Each outcome answered is also held against the database. Replay a failure with ASSIGN_PROPERTY_SEED=<seed>.
 */

let t: TestApp;
let operator: string;
let admins: SignedInUser[];
let people: SignedInUser[];
let stranger: SignedInUser;
let org: string;

interface AssetFixture {
  id: string;
  product: string;
  seats: number;
  active: boolean;
  endsAt: string | null;
}
const PRODUCTS = ['CAD-A', 'CAD-B', 'SIM-1', 'SVC-1'] as const;
const productIds = new Map<string, string>();
const assets: AssetFixture[] = [];

beforeAll(async () => {
  // Assets have fixed terms; the clock stands inside them (and after the one that has expired).
  t = await createTestApp({ clock: new ManualClock(new Date('2026-06-01T12:00:00Z')) });
  operator = await createSignedInUser(t, 'op@example.com', 'Olive Operator', { isOperator: true });
  productIds.set(
    'CAD-A',
    await addProduct(t, operator, { code: 'CAD-A', name: 'CAD A', kind: 'license', type: 'cad' }),
  );
  productIds.set(
    'CAD-B',
    await addProduct(t, operator, { code: 'CAD-B', name: 'CAD B', kind: 'license', type: 'cad' }),
  );
  productIds.set(
    'SIM-1',
    await addProduct(t, operator, { code: 'SIM-1', name: 'Sim', kind: 'license', type: 'simulation' }),
  );
  productIds.set('SVC-1', await addProduct(t, operator, { code: 'SVC-1', name: 'Support', kind: 'service' }));
  org = await addOrganization(t, operator, 'acme', 'Acme');
  const other = await addOrganization(t, operator, 'globex', 'Globex');

  const specs = [
    { product: 'CAD-A', seats: 1, endsAt: '2027-12-31' },
    { product: 'CAD-A', seats: 3, endsAt: null },
    { product: 'CAD-A', seats: 3, endsAt: null, suspended: true },
    { product: 'CAD-A', seats: 3, startsAt: '2025-01-01', endsAt: '2026-01-01' },
    { product: 'CAD-B', seats: 2, endsAt: '2027-06-30' },
    { product: 'SIM-1', seats: 1, endsAt: null },
    // Services have no seats (docs/api.md): assigning one finds no seat, and its seats cannot be set.
    { product: 'SVC-1', seats: 0, endsAt: null, service: true },
  ];
  for (const [i, spec] of specs.entries()) {
    const id = await addAsset(t, operator, {
      organization: 'acme',
      serial: `ACME${String(i).padStart(8, '0')}`,
      ...spec,
    });
    const active = !spec.suspended && spec.endsAt !== '2026-01-01';
    assets.push({ id, product: spec.product, seats: spec.seats, active, endsAt: spec.endsAt });
  }
  // Another organization's asset of the same product: never a candidate for Acme.
  await addAsset(t, operator, { organization: 'globex', product: 'CAD-A', serial: 'GLOBEX000001', seats: 5 });

  admins = await createSignedInUsers(t, [
    { email: 'ada@example.com', name: 'Ada Admin' },
    { email: 'ben@example.com', name: 'Ben Admin' },
  ]);
  await addMembers(
    t,
    org,
    admins.map((a) => a.userId),
    'admin',
  );
  people = await createSignedInUsers(
    t,
    Array.from({ length: 6 }, (_, i) => ({ email: `member-${i}@example.com`, name: `Member ${i}` })),
  );
  [stranger] = (await createSignedInUsers(t, [{ email: 'stranger@example.com', name: 'Stranger' }])) as [SignedInUser];
  await addMembers(t, other, [stranger.userId], 'member');
});
afterAll(async () => t?.close());

// ---- Steps --------------------------------------------------------------------------------------------------------

/** Indexes into the pool of users: the six people, and last the member of another organization. */
const userIndexes = fc.uniqueArray(
  fc.oneof({ weight: 20, arbitrary: fc.nat(5) }, { weight: 1, arbitrary: fc.constant(6) }),
  {
    minLength: 1,
    maxLength: 4,
  },
);

type Step =
  | { kind: 'assign-asset'; asset: number; users: number[]; admin: number }
  | { kind: 'assign-product'; product: number; byCode: boolean; users: number[]; admin: number }
  | { kind: 'revoke'; picks: number[]; one: boolean }
  | { kind: 'remove'; user: number; revokeLicenses: boolean }
  | { kind: 'rejoin'; user: number }
  /** The operator sets the seats to those assigned plus `change` (at least 1): at, above or below what is held. */
  | { kind: 'seats'; asset: number; busiest: boolean; change: number };

const stepArb: fc.Arbitrary<Step> = fc.oneof(
  {
    weight: 4,
    arbitrary: fc.record({
      kind: fc.constant('assign-asset' as const),
      asset: fc.nat(6),
      users: userIndexes,
      admin: fc.nat(1),
    }),
  },
  {
    weight: 4,
    arbitrary: fc.record({
      kind: fc.constant('assign-product' as const),
      product: fc.nat(PRODUCTS.length - 1),
      byCode: fc.boolean(),
      users: userIndexes,
      admin: fc.nat(1),
    }),
  },
  {
    weight: 3,
    arbitrary: fc.record({
      kind: fc.constant('revoke' as const),
      picks: fc.uniqueArray(fc.nat(20), { minLength: 1, maxLength: 3 }),
      one: fc.boolean(),
    }),
  },
  {
    weight: 3,
    arbitrary: fc.record({
      kind: fc.constant('remove' as const),
      user: fc.nat(5),
      revokeLicenses: fc.oneof(
        { weight: 3, arbitrary: fc.constant(true) },
        { weight: 1, arbitrary: fc.constant(false) },
      ),
    }),
  },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('rejoin' as const), user: fc.nat(5) }) },
  {
    weight: 3,
    arbitrary: fc.record({
      kind: fc.constant('seats' as const),
      asset: fc.nat(6),
      busiest: fc.boolean(),
      change: fc.integer({ min: -2, max: 1 }),
    }),
  },
);

/** Who is a member of Acme now (the six people only; the administrators never change). */
let members = new Set<string>();
/** What the runs went through, so the test fails if the generator stops reaching the states that matter. */
const seen = new Map<string, number>();
const saw = (what: string) => seen.set(what, (seen.get(what) ?? 0) + 1);

function user(index: number): SignedInUser {
  return index < people.length ? people[index]! : stranger;
}

function noFault(res: LightMyRequestResponse, step: Step) {
  expect(res.statusCode, `${JSON.stringify(step)} → ${res.body}`).toBeLessThan(500);
}

interface Result {
  user: string;
  outcome: string;
  assignmentId: string | null;
  assetId: string | null;
}

/** Each outcome answered is true of the database right after the request. */
async function isFull(assetId: string): Promise<boolean> {
  const { seats, assigned } = await seatsOf(t.runtime.deps.db, assetId);
  return assigned === seats;
}

/** A product's assets in the order Assign takes their seats: perpetual first, then the one that ends last. */
function inPreferenceOrder(product: string): AssetFixture[] {
  const ends = (a: AssetFixture) => (a.endsAt === null ? Number.POSITIVE_INFINITY : Date.parse(a.endsAt));
  return assets
    .filter((a) => a.product === product)
    .sort((a, b) => ends(b) - ends(a) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/** Each outcome answered is true of the database right after the request. */
async function checkOutcomes(results: Result[], product: string, candidates: AssetFixture[]) {
  const { db } = t.runtime.deps;
  const productId = productIds.get(product)!;
  const active = candidates.filter((c) => c.active);
  for (const r of results) {
    const held = await activeAssignments(db, { organizationId: org, userId: r.user });
    const context = `${r.user}: ${r.outcome}`;
    if (r.outcome === 'assigned') {
      expect(
        held.find((h) => h.id === r.assignmentId),
        context,
      ).toMatchObject({ product_id: productId, asset_id: r.assetId });
      // From an active candidate, and only once every candidate preferred to it was full.
      const at = active.findIndex((c) => c.id === r.assetId);
      expect(at, context).toBeGreaterThanOrEqual(0);
      for (const before of active.slice(0, at)) expect(await isFull(before.id), context).toBe(true);
    } else if (r.outcome === 'already assigned') {
      expect(
        held.filter((h) => h.product_id === productId),
        context,
      ).toHaveLength(1);
    } else if (r.outcome === 'product type already held') {
      expect(product.startsWith('CAD'), context).toBe(true);
      const otherCad = product === 'CAD-A' ? 'CAD-B' : 'CAD-A';
      expect(
        held.some((h) => h.product_id === productIds.get(otherCad)),
        context,
      ).toBe(true);
    } else if (r.outcome === 'no seat available') {
      // Not one seat left unused on an active candidate asset.
      expect(active.length, context).toBeGreaterThan(0);
      for (const a of active) expect(await isFull(a.id), context).toBe(true);
    } else {
      expect(r.outcome, context).toBe('asset not active');
      expect(active, context).toEqual([]);
    }
  }
}

async function assignStep(step: Step & { kind: 'assign-asset' | 'assign-product' }) {
  const users = step.users.map(user);
  const target =
    step.kind === 'assign-asset'
      ? { asset: assets[step.asset]!.id }
      : { product: step.byCode ? PRODUCTS[step.product]! : productIds.get(PRODUCTS[step.product]!)! };
  const product = step.kind === 'assign-asset' ? assets[step.asset]!.product : PRODUCTS[step.product]!;
  const candidates = step.kind === 'assign-asset' ? [assets[step.asset]!] : inPreferenceOrder(product);
  const res = await json(t, 'POST', `/api/v1/orgs/${org}/assignments`, admins[step.admin]!.cookie, {
    ...target,
    users: users.map((u) => u.userId),
  });
  noFault(res, step);
  const strangers = users.flatMap((u, i) => (members.has(u.userId) ? [] : [`users.${i}`]));
  if (strangers.length > 0) {
    expect(res.statusCode, res.body).toBe(404);
    expect(res.json().error.details.map((d: { path: string }) => d.path)).toEqual(strangers);
    saw('not a member: refused');
    return;
  }
  expect(res.statusCode, res.body).toBe(200);
  const results = res.json().results as Result[];
  expect(results.map((r) => r.user)).toEqual(users.map((u) => u.userId));
  for (const r of results) saw(r.outcome);
  await checkOutcomes(results, product, candidates);
}

async function revokeStep(step: Step & { kind: 'revoke' }) {
  const active = await activeAssignments(t.runtime.deps.db, { organizationId: org });
  // A pick beyond the active ones names an assignment that does not exist.
  const ids = step.picks.map((p) => active[p % (active.length + 1)]?.id ?? `asg_missing${p}`);
  const unique = [...new Set(ids)];
  if (step.one) {
    const res = await json(t, 'DELETE', `/api/v1/orgs/${org}/assignments/${unique[0]}`, admins[0]!.cookie);
    noFault(res, step);
    expect(res.statusCode, res.body).toBe(unique[0]!.startsWith('asg_missing') ? 404 : 204);
    return;
  }
  const res = await json(t, 'POST', `/api/v1/orgs/${org}/assignments/revoke`, admins[1]!.cookie, {
    assignments: unique,
  });
  noFault(res, step);
  expect(res.statusCode, res.body).toBe(200);
  expect(res.json().results).toEqual(
    unique.map((id) => ({ assignment: id, outcome: id.startsWith('asg_missing') ? 'not found' : 'revoked' })),
  );
  const still = await activeAssignments(t.runtime.deps.db, { organizationId: org });
  expect(still.filter((a) => unique.includes(a.id))).toEqual([]);
}

async function removeStep(step: Step & { kind: 'remove' }) {
  const who = people[step.user]!;
  const holds = (await activeAssignments(t.runtime.deps.db, { organizationId: org, userId: who.userId })).length > 0;
  const url = `/api/v1/orgs/${org}/members/${who.userId}?revokeLicenses=${step.revokeLicenses}`;
  const res = await json(t, 'DELETE', url, admins[0]!.cookie);
  noFault(res, step);
  if (!members.has(who.userId)) expect(res.statusCode, res.body).toBe(404);
  else if (holds && !step.revokeLicenses) expect(res.json().error?.code, res.body).toBe('MEMBER_HOLDS_LICENSES');
  else {
    expect(res.statusCode, res.body).toBe(204);
    members.delete(who.userId);
    if (holds) saw('removed with licenses');
  }
}

async function seatsStep(step: Step & { kind: 'seats' }) {
  const { db } = t.runtime.deps;
  const held = await Promise.all(assets.map(async (a) => (await activeAssignments(db, { assetId: a.id })).length));
  const index = step.busiest ? held.indexOf(Math.max(...held)) : step.asset;
  const asset = assets[index]!;
  const assigned = held[index]!;
  const seats = Math.max(1, assigned + step.change);
  const seatsNow = () => db.selectFrom('assets').select('seats').where('id', '=', asset.id).executeTakeFirstOrThrow();
  const before = await seatsNow();
  const res = await json(t, 'PATCH', `/api/v1/operator/assets/${asset.id}`, operator, { seats });
  noFault(res, step);
  const after = await seatsNow();
  if (asset.product === 'SVC-1') {
    expect(res.statusCode, res.body).toBe(400);
    expect(res.json().error.details).toEqual([{ path: 'seats', message: expect.stringContaining('services') }]);
    expect(Number(after.seats)).toBe(0);
  } else if (seats >= assigned) {
    expect(res.statusCode, res.body).toBe(200);
    expect(Number(after.seats)).toBe(seats);
    if (seats === assigned) saw('seats reduced to those assigned');
  } else {
    expect(res.statusCode, res.body).toBe(409);
    expect(res.json().error.code).toBe('SEATS_IN_USE');
    expect(res.json().error.message).toContain(`revoke ${assigned - seats} assignment`);
    expect(Number(after.seats)).toBe(Number(before.seats));
    saw('SEATS_IN_USE');
  }
}

async function run(step: Step) {
  if (step.kind === 'assign-asset' || step.kind === 'assign-product') return assignStep(step);
  if (step.kind === 'revoke') return revokeStep(step);
  if (step.kind === 'remove') return removeStep(step);
  if (step.kind === 'seats') return seatsStep(step);
  await addMembers(t, org, [people[step.user]!.userId], 'member');
  members.add(people[step.user]!.userId);
}

/** Every run starts from the same place: nothing assigned, everyone a member, the seats as created. */
async function reset() {
  const { db } = t.runtime.deps;
  await db
    .updateTable('assignments')
    .set({ status: 'revoked', revoked_at: iso(t.clock.now()) })
    .where('status', '=', 'active')
    .execute();
  for (const a of assets) await db.updateTable('assets').set({ seats: a.seats }).where('id', '=', a.id).execute();
  await addMembers(
    t,
    org,
    people.map((p) => p.userId),
    'member',
  );
  members = new Set(people.map((p) => p.userId));
}

/** One sequence run every time beside the random ones, so each outcome is reached whatever the seed. */
const TOUR: Step[] = [
  { kind: 'assign-asset', asset: 1, users: [0, 1, 2], admin: 0 },
  { kind: 'seats', asset: 1, busiest: true, change: -2 },
  { kind: 'seats', asset: 1, busiest: true, change: 0 },
  { kind: 'assign-product', product: 1, byCode: true, users: [0, 3], admin: 1 },
  { kind: 'assign-product', product: 0, byCode: false, users: [4, 3, 5], admin: 0 },
  { kind: 'assign-asset', asset: 2, users: [5], admin: 1 },
  { kind: 'assign-asset', asset: 1, users: [0], admin: 0 },
  { kind: 'remove', user: 0, revokeLicenses: true },
  { kind: 'assign-asset', asset: 1, users: [1, 0, 6], admin: 0 },
  { kind: 'revoke', picks: [0, 1], one: false },
  { kind: 'rejoin', user: 0 },
  { kind: 'assign-product', product: 3, byCode: true, users: [0, 1, 2, 3], admin: 1 },
];

describe('any sequence of assign, revoke, remove member and seat changes', () => {
  it('keeps every assignment rule true in the database after every step', async () => {
    const seed = process.env.ASSIGN_PROPERTY_SEED ? Number(process.env.ASSIGN_PROPERTY_SEED) : undefined;
    await fc.assert(
      fc.asyncProperty(fc.array(stepArb, { minLength: 1, maxLength: 16, size: 'medium' }), async (sequence) => {
        await reset();
        for (const [i, step] of sequence.entries()) {
          await run(step);
          expect(await assignmentViolations(t.runtime.deps.db), `after step ${i}: ${JSON.stringify(step)}`).toEqual([]);
        }
      }),
      { numRuns: 40, examples: [[TOUR]], ...(seed === undefined ? {} : { seed }) },
    );
    // The runs reached the states that matter.
    const reached = [
      'assigned',
      'already assigned',
      'no seat available',
      'product type already held',
      'asset not active',
      'not a member: refused',
      'removed with licenses',
      'SEATS_IN_USE',
      'seats reduced to those assigned',
    ];
    expect(
      reached.filter((what) => !seen.has(what)),
      JSON.stringify([...seen]),
    ).toEqual([]);
  }, 90_000);
});
