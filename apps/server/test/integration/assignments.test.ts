import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { upsertMember } from '../../src/modules/members/members.repository.js';
import {
  createOrganizationWithAsset,
  createSignedInUser,
  createSignedInUsers,
  json,
  type SignedInUser,
} from '../helpers/factories.js';
import { createTestApp, drainMail, mailboxMessages, type TestApp } from '../helpers/test-app.js';

/** Assign and revoke products (SPEC §2.5) through the API, on a real database. */
let t: TestApp;
let operator: string;
let admin: string;
let org: string;
let other: string;
let people: SignedInUser[];
let stranger: SignedInUser | undefined;

async function assetOf(organization: string, serial: string) {
  const res = await json(t, 'GET', `/api/v1/orgs/${organization}/assets`, operator);
  return (res.json().items as { id: string; serial: string; seatsAssigned: number; seatsAvailable: number }[]).find(
    (a) => a.serial === serial,
  )!;
}

async function addAsset(serial: string, product: string, seats: number, endsAt: string | null) {
  const res = await json(t, 'POST', '/api/v1/operator/assets', operator, {
    organization: 'acme',
    product,
    serial,
    seats,
    mode: 'machine',
    startsAt: '2026-01-01',
    endsAt,
  });
  expect(res.statusCode).toBe(201);
  return res.json().id as string;
}

const assign = (body: unknown, cookie = admin) => json(t, 'POST', `/api/v1/orgs/${org}/assignments`, cookie, body);

beforeAll(async () => {
  t = await createTestApp();
  operator = await createSignedInUser(t, 'op@example.com', 'Olive Operator', { isOperator: true });
  org = (
    await createOrganizationWithAsset(t, operator, { code: 'acme', name: 'Acme', serial: 'ACME00000001', seats: 3 })
  ).organizationId;
  other = (await createOrganizationWithAsset(t, operator, { code: 'globex', name: 'Globex', serial: 'GLBX00000001' }))
    .organizationId;
  await json(t, 'POST', '/api/v1/operator/products', operator, {
    code: 'CAD-LITE',
    name: 'CAD Lite',
    kind: 'license',
    type: 'cad',
  });
  await json(t, 'POST', '/api/v1/operator/products', operator, {
    code: 'SIM-2026',
    name: 'Simulation',
    kind: 'license',
    type: 'simulation',
  });
  admin = await createSignedInUser(t, 'boss@example.com', 'Bea Boss');
  const bossId = (await json(t, 'GET', '/api/v1/me', admin)).json().user.id;
  await upsertMember(t.runtime.deps.db, org, bossId, 'admin', t.clock.now());
  people = await createSignedInUsers(
    t,
    ['ann', 'ben', 'cat', 'dan', 'eve'].map((n) => ({ email: `${n}@example.com`, name: `${n.toUpperCase()} Person` })),
  );
  for (const p of people) await upsertMember(t.runtime.deps.db, org, p.userId, 'member', t.clock.now());
  [stranger] = await createSignedInUsers(t, [{ email: 'stranger@example.com', name: 'Stranger' }]);
  await upsertMember(t.runtime.deps.db, other, stranger!.userId, 'member', t.clock.now());
});
afterAll(async () => t?.close());

describe('assigning an asset', () => {
  it('gives each user a seat until none is left, and says so for the rest', async () => {
    const asset = await assetOf(org, 'ACME00000001');
    const res = await assign({ asset: asset.id, users: people.slice(0, 4).map((p) => p.userId) });
    expect(res.statusCode).toBe(200);
    expect(res.json().results.map((r: { outcome: string }) => r.outcome)).toEqual([
      'assigned',
      'assigned',
      'assigned',
      'no seat available',
    ]);
    expect(await assetOf(org, 'ACME00000001')).toMatchObject({ seatsAssigned: 3, seatsAvailable: 0 });
  });

  it('answers "already assigned" for a user who holds the product, and "product type already held" for another cad', async () => {
    const cadLite = await addAsset('ACMELITE0001', 'CAD-LITE', 5, '2027-06-01');
    const again = await assign({ product: 'PRM-2026', users: [people[0]!.userId] });
    expect(again.json().results[0].outcome).toBe('already assigned');
    const lite = await assign({ asset: cadLite, users: [people[0]!.userId, people[4]!.userId] });
    expect(lite.json().results.map((r: { outcome: string }) => r.outcome)).toEqual([
      'product type already held',
      'assigned',
    ]);
  });

  it('refuses the whole request when a user is not a member, naming the user, and assigns nothing', async () => {
    const sim = await addAsset('ACMESIM00001', 'SIM-2026', 5, null);
    const res = await assign({ asset: sim, users: [people[1]!.userId, stranger!.userId] });
    expect(res.statusCode).toBe(404);
    expect(res.json().error.details).toEqual([{ path: 'users.1', message: 'is not a member of this organization' }]);
    expect((await assetOf(org, 'ACMESIM00001')).seatsAssigned).toBe(0);
  });

  it('answers "not a member" for a pending invitation of a selection, and assigns the members beside it', async () => {
    const invited = await json(t, 'POST', `/api/v1/orgs/${org}/invitations`, admin, {
      emails: 'newcomer@example.com',
      rights: 'member',
    });
    const invitationId = invited.json().results[0].invitationId as string;
    const lite = await assetOf(org, 'ACMELITE0001');
    const res = await assign({ asset: lite.id, users: [invitationId, people[3]!.userId] });
    expect(res.statusCode).toBe(200);
    expect(res.json().results.map((r: { outcome: string }) => r.outcome)).toEqual(['not a member', 'assigned']);
    const revoked = await json(t, 'POST', `/api/v1/orgs/${org}/assignments/revoke`, admin, {
      assignments: [res.json().results[1].assignmentId],
    });
    expect(revoked.json().results[0].outcome).toBe('revoked');
  });

  it('answers another organization’s asset like an unknown one', async () => {
    const theirs = await assetOf(other, 'GLBX00000001');
    const res = await assign({ asset: theirs.id, users: [people[1]!.userId] });
    expect(res.statusCode).toBe(404);
    expect(res.json().error.details[0].path).toBe('asset');
  });

  it('refuses repeats, too many users and both asset and product, naming the field', async () => {
    const u = people[1]!.userId;
    const repeated = await assign({ product: 'SIM-2026', users: [u, u] });
    expect(repeated.statusCode).toBe(400);
    expect(repeated.json().error.details[0].path).toBe('users.1');
    const many = await assign({ product: 'SIM-2026', users: Array.from({ length: 501 }, (_, i) => `usr_${i}`) });
    expect(many.statusCode).toBe(400);
    expect(many.json().error.details[0].path).toBe('users');
    const both = await assign({ product: 'SIM-2026', asset: 'ast_x', users: [u] });
    expect(both.statusCode).toBe(400);
  });

  it('takes seats of a product from the active asset that ends last, perpetual first', async () => {
    const res = await assign({ product: 'SIM-2026', users: [people[1]!.userId] });
    const sim = await assetOf(org, 'ACMESIM00001');
    expect(res.json().results[0]).toMatchObject({ outcome: 'assigned', assetId: sim.id });
  });

  it('answers "asset not active" for a suspended asset', async () => {
    const asset = await assetOf(org, 'ACMELITE0001');
    await json(t, 'PATCH', `/api/v1/operator/assets/${asset.id}`, operator, { status: 'suspended' });
    const res = await assign({ asset: asset.id, users: [people[3]!.userId] });
    expect(res.json().results[0].outcome).toBe('asset not active');
    await json(t, 'PATCH', `/api/v1/operator/assets/${asset.id}`, operator, { status: 'active' });
  });

  it('emails each assigned member once, naming the product', async () => {
    await drainMail(t);
    const messages = await mailboxMessages(t);
    const toAnn = messages.filter((m: { to: string }) => m.to === 'ann@example.com');
    expect(toAnn.map((m: { subject: string }) => m.subject)).toEqual([expect.stringContaining('Premium 2026')]);
  });
});

describe('revoking', () => {
  it('revokes one, frees its seat, tells the member, and answers a second revoke with 404', async () => {
    const list = await json(t, 'GET', `/api/v1/orgs/${org}/assignments?user=${people[2]!.userId}`, admin);
    const [held] = list.json().items;
    expect(held.product.code).toBe('PRM-2026');
    const res = await json(t, 'DELETE', `/api/v1/orgs/${org}/assignments/${held.id}`, admin);
    expect(res.statusCode).toBe(204);
    expect((await assetOf(org, 'ACME00000001')).seatsAssigned).toBe(2);
    expect((await json(t, 'DELETE', `/api/v1/orgs/${org}/assignments/${held.id}`, admin)).statusCode).toBe(404);
  });

  it('revokes several at once and answers each, "not found" for another organization’s or unknown ids', async () => {
    const list = await json(t, 'GET', `/api/v1/orgs/${org}/assignments?product=SIM-2026`, admin);
    const ids = list.json().items.map((i: { id: string }) => i.id);
    const res = await json(t, 'POST', `/api/v1/orgs/${org}/assignments/revoke`, admin, {
      assignments: [...ids, 'asg_00000000000000000000000000'],
    });
    expect(res.json().results.map((r: { outcome: string }) => r.outcome)).toEqual([
      ...ids.map(() => 'revoked'),
      'not found',
    ]);
  });
});

describe('My products', () => {
  it('lists what is assigned to the signed-in member', async () => {
    const res = await json(t, 'GET', `/api/v1/orgs/${org}/my-products`, people[0]!.cookie);
    expect(res.statusCode).toBe(200);
    expect(res.json().items.map((i: { product: { code: string } }) => i.product.code)).toEqual(['PRM-2026']);
  });
});

describe('removing a member who holds licenses', () => {
  it('is refused with the licenses listed, then revokes them on confirmation', async () => {
    const url = `/api/v1/orgs/${org}/members/${people[0]!.userId}`;
    const refused = await json(t, 'DELETE', url, admin);
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error).toMatchObject({
      code: 'MEMBER_HOLDS_LICENSES',
      details: [{ path: 'revokeLicenses', message: 'holds Premium 2026' }],
    });
    const removed = await json(t, 'DELETE', `${url}?revokeLicenses=true`, admin);
    expect(removed.statusCode).toBe(204);
    const left = await json(t, 'GET', `/api/v1/orgs/${org}/assignments?user=${people[0]!.userId}`, admin);
    expect(left.json().items).toEqual([]);
  });
});

describe('seats and modes', () => {
  it('refuses an operator reducing seats below those assigned, naming how many to revoke', async () => {
    const asset = await assetOf(org, 'ACME00000001');
    expect((await assign({ asset: asset.id, users: [people[3]!.userId] })).json().results[0].outcome).toBe('assigned');
    expect((await assetOf(org, 'ACME00000001')).seatsAssigned).toBe(2);
    const res = await json(t, 'PATCH', `/api/v1/operator/assets/${asset.id}`, operator, { seats: 1 });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe('SEATS_IN_USE');
    expect(res.json().error.message).toMatch(/revoke 1 assignment/);
  });

  it('enables online licensing on a machine-mode asset, once', async () => {
    const asset = await assetOf(org, 'ACMESIM00001');
    const res = await json(t, 'PATCH', `/api/v1/orgs/${org}/assets/${asset.id}`, admin, { mode: 'online' });
    expect(res.statusCode).toBe(200);
    expect(res.json().mode).toBe('online');
    const theirs = await assetOf(other, 'GLBX00000001');
    const cross = await json(t, 'PATCH', `/api/v1/orgs/${org}/assets/${theirs.id}`, admin, { mode: 'online' });
    expect(cross.statusCode).toBe(404);
  });
});
