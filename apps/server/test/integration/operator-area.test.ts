import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOperator, createOrganizationWithAsset, json } from '../helpers/factories.js';
import { createTestApp, createUser, mailboxMessages, type TestApp } from '../helpers/test-app.js';

/**
 * The operator area (issue 14, SPEC §2.2–2.3): appointing an administrator who has no account yet (an Admin
 * invitation), changing and retiring catalogue products, and services without seats. On SQLite and PostgreSQL.
 */
let t: TestApp;
let operator: string;
let admin: string;
let orgId: string;

beforeAll(async () => {
  t = await createTestApp();
  operator = await createOperator(t);
  const acme = await createOrganizationWithAsset(t, operator, { code: 'acme', name: 'Acme', serial: 'ACME00000001' });
  orgId = acme.organizationId;
  admin = await createUser(t, 'ada@example.com', 'Ada Admin');
  expect((await appoint('ada@example.com')).statusCode).toBe(200);
});
afterAll(async () => t?.close());

const appoint = (email: string, org = orgId, cookie = operator) =>
  json(t, 'POST', `/api/v1/operator/organizations/${org}/administrators`, cookie, { email });

async function auditOf(action: string) {
  return t.runtime.deps.db.selectFrom('audit_events').selectAll().where('action', '=', action).execute();
}

describe('Appoint administrator', () => {
  it('makes an account an administrator at once', async () => {
    await createUser(t, 'ben@example.com', 'Ben Builder');
    const res = await appoint('Ben@Example.com');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().invitation).toBeNull();
    expect(res.json().items.map((a: { email: string }) => a.email)).toContain('ben@example.com');
  });

  it('sends an Admin invitation from the operator to an address without an account; accepting it makes an administrator', async () => {
    const res = await appoint('new.admin@example.com');
    expect(res.statusCode, res.body).toBe(200);
    const { invitation, items } = res.json();
    expect(invitation).toEqual({
      email: 'new.admin@example.com',
      outcome: 'invited',
      invitationId: expect.any(String),
    });
    expect(items.map((a: { email: string }) => a.email)).not.toContain('new.admin@example.com');

    const row = await t.runtime.deps.db
      .selectFrom('invitations')
      .selectAll()
      .where('id', '=', invitation.invitationId)
      .executeTakeFirstOrThrow();
    expect(row).toMatchObject({ email: 'new.admin@example.com', rights: 'admin', status: 'pending' });
    const [sent] = (await auditOf('invitation.sent')).filter((e) => e.target_id === invitation.invitationId);
    const operatorId = (await t.runtime.deps.db
      .selectFrom('users')
      .select('id')
      .where('email', '=', 'operator@example.com')
      .executeTakeFirstOrThrow())!.id;
    expect(sent).toMatchObject({ actor_user_id: operatorId, organization_id: orgId });

    const mail = (await mailboxMessages(t)).find((m) => m.to === 'new.admin@example.com');
    expect(mail?.text).toContain('Admin');
    const link = mail?.links.find((l) => l.includes('/invitations/')) as string;
    const token = link.split('/invitations/')[1] as string;

    // Asked again: the invitation is pending, nothing is sent twice.
    const again = await appoint('new.admin@example.com');
    expect(again.json().invitation).toMatchObject({ outcome: 'already invited', invitationId: null });

    const invitee = await createUser(t, 'new.admin@example.com', 'Nia New');
    const accepted = await json(t, 'POST', `/api/v1/invitations/${token}/accept`, invitee);
    expect(accepted.statusCode, accepted.body).toBe(200);
    expect(accepted.json().rights).toBe('admin');
    const list = await json(t, 'GET', `/api/v1/operator/organizations/${orgId}/administrators`, operator);
    expect(list.json().items.map((a: { email: string }) => a.email)).toContain('new.admin@example.com');
  });
  it('claims an organization that had no administrator when its Admin invitation is accepted', async () => {
    const fresh = await createOrganizationWithAsset(t, operator, {
      code: 'unclaimed',
      name: 'Unclaimed',
      serial: 'UNCL00000001',
    });
    const res = await appoint('first.admin@example.com', fresh.organizationId);
    const link = (await mailboxMessages(t))
      .find((m) => m.to === 'first.admin@example.com')
      ?.links.find((l) => l.includes('/invitations/')) as string;
    const invitee = await createUser(t, 'first.admin@example.com', 'Fay First');
    const accepted = await json(t, 'POST', `/api/v1/invitations/${link.split('/invitations/')[1]}/accept`, invitee);
    expect([res.statusCode, accepted.statusCode]).toEqual([200, 200]);
    const organization = await t.runtime.deps.db
      .selectFrom('organizations')
      .innerJoin('users', 'users.id', 'organizations.claimed_by_user_id')
      .select('users.email')
      .where('organizations.id', '=', fresh.organizationId)
      .executeTakeFirst();
    expect(organization?.email).toBe('first.admin@example.com');
  });

  it('refuses what it should, naming the field, and sends nothing', async () => {
    const before = (await auditOf('invitation.sent')).length;
    const bad = await appoint('not-an-address');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details[0].path).toBe('email');
    expect((await appoint('x@example.com', 'org_00000000000000000000000000')).statusCode).toBe(404);
    const forbidden = await appoint('someone@example.com', orgId, admin);
    expect(forbidden.statusCode).toBe(403);
    expect(forbidden.json().error.code).toBe('FORBIDDEN');
    const anonymous = await t.app.inject({
      method: 'POST',
      url: `/api/v1/operator/organizations/${orgId}/administrators`,
      payload: { email: 'someone@example.com' },
    });
    expect(anonymous.statusCode).toBe(401);
    expect((await auditOf('invitation.sent')).length).toBe(before);
  });
});

const products = async () => (await json(t, 'GET', '/api/v1/operator/products', operator)).json().items;
const patchProduct = (product: string, body: unknown, cookie = operator) =>
  json(t, 'PATCH', `/api/v1/operator/products/${product}`, cookie, body);

describe('catalogue products: change and retire', () => {
  beforeAll(async () => {
    for (const product of [
      { code: 'SIM-2026', name: 'Simulation 2026', kind: 'license', type: 'simulation' },
      { code: 'SUPPORT', name: 'Support', kind: 'service' },
    ])
      expect((await json(t, 'POST', '/api/v1/operator/products', operator, product)).statusCode).toBe(201);
  });

  it('changes the name and product type, by id or by code in any case, recording product.updated', async () => {
    const sim = (await products()).find((p: { code: string }) => p.code === 'SIM-2026');
    const renamed = await patchProduct('sim-2026', { name: '  Simulation Pro 2026 ', type: 'CAE' });
    expect(renamed.statusCode, renamed.body).toBe(200);
    expect(renamed.json()).toEqual({ ...sim, name: 'Simulation Pro 2026', type: 'cae' });
    const [event] = await auditOf('product.updated');
    expect(event).toMatchObject({ target_id: sim.id, target_name: 'Simulation Pro 2026', target_detail: 'SIM-2026' });
    expect(JSON.parse(event?.before_json as string)).toEqual({ name: 'Simulation 2026', type: 'simulation' });
    expect(JSON.parse(event?.after_json as string)).toEqual({ name: 'Simulation Pro 2026', type: 'cae' });
    // The same values again change nothing and record nothing.
    expect((await patchProduct(sim.id, { name: 'Simulation Pro 2026' })).statusCode).toBe(200);
    expect(await auditOf('product.updated')).toHaveLength(1);
  });

  it.each([
    ['an empty body', {}, ''],
    ['an empty name', { name: '   ' }, 'name'],
    ['a name with a control character', { name: 'Sim\u0000ulation' }, 'name'],
    ['a type that is not a short word', { type: 'two words' }, 'type'],
    ['no type for a license', { type: null }, 'type'],
    ['a field that cannot change', { code: 'SIM-2027' }, ''],
    ['the kind', { kind: 'service' }, ''],
  ])('refuses %s with 400 and changes nothing', async (_what, body, path) => {
    const before = await products();
    const res = await patchProduct('SIM-2026', body);
    expect(res.statusCode, res.body).toBe(400);
    expect(res.json().error.code).toBe('VALIDATION_FAILED');
    if (path) expect(res.json().error.details.map((d: { path: string }) => d.path)).toContain(path);
    expect(await products()).toEqual(before);
  });

  it('refuses a type for a service, an unknown product, and anyone but an operator', async () => {
    expect((await patchProduct('SUPPORT', { type: 'support' })).json().error.details).toEqual([
      { path: 'type', message: 'must be empty for a service' },
    ]);
    expect((await patchProduct('NOPE-1', { name: 'x' })).statusCode).toBe(404);
    expect((await patchProduct('SIM-2026', { name: 'Mine' }, admin)).statusCode).toBe(403);
    expect((await json(t, 'POST', '/api/v1/operator/products/SIM-2026/retire', admin)).statusCode).toBe(403);
  });

  it('retires a product once: no new asset of it, while its assets keep working', async () => {
    const asset = await json(t, 'POST', '/api/v1/operator/assets', operator, {
      organization: 'acme',
      product: 'SIM-2026',
      serial: 'SIM000000001',
      seats: 2,
      startsAt: '2026-01-01',
    });
    expect(asset.statusCode, asset.body).toBe(201);
    const retired = await json(t, 'POST', '/api/v1/operator/products/SIM-2026/retire', operator);
    expect(retired.statusCode, retired.body).toBe(200);
    expect(retired.json().retiredAt).toBe(t.clock.now().toISOString());
    const again = await json(t, 'POST', '/api/v1/operator/products/sim-2026/retire', operator);
    expect(again.json()).toEqual(retired.json());
    expect(await auditOf('product.retired')).toHaveLength(1);

    const refused = await json(t, 'POST', '/api/v1/operator/assets', operator, {
      organization: 'acme',
      product: 'SIM-2026',
      serial: 'SIM000000002',
      seats: 2,
      startsAt: '2026-01-01',
    });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error.details).toEqual([{ path: 'product', message: 'is retired: it takes no new assets' }]);

    // The existing asset: listed, active, its seats still changed and assigned.
    const changed = await json(t, 'PATCH', `/api/v1/operator/assets/${asset.json().id}`, operator, { seats: 3 });
    expect(changed.json()).toMatchObject({ seats: 3, status: 'active' });
    const assigned = await json(t, 'POST', `/api/v1/orgs/${orgId}/assignments`, admin, {
      asset: asset.json().id,
      users: [(await json(t, 'GET', '/api/v1/me', admin)).json().user.id],
    });
    expect(assigned.statusCode, assigned.body).toBe(200);
    expect(assigned.json().results[0].outcome).toBe('assigned');
  });
});

describe('services have no seats', () => {
  const asset = (body: Record<string, unknown>) =>
    json(t, 'POST', '/api/v1/operator/assets', operator, { organization: 'acme', startsAt: '2026-01-01', ...body });

  it('takes a service without seats and answers 0, refuses seats for one, and needs them for a license', async () => {
    const service = await asset({ product: 'SUPPORT', serial: 'SUP000000001' });
    expect(service.statusCode, service.body).toBe(201);
    expect(service.json()).toMatchObject({ seats: 0, seatsAssigned: 0, seatsAvailable: 0, mode: null });
    const withSeats = await asset({ product: 'SUPPORT', serial: 'SUP000000002', seats: 5 });
    expect(withSeats.statusCode).toBe(400);
    expect(withSeats.json().error.details).toEqual([
      { path: 'seats', message: 'must be empty for a service: services have no seats' },
    ]);
    const license = await asset({ product: 'PRM-2026', serial: 'PRM000000009' });
    expect(license.json().error.details).toEqual([{ path: 'seats', message: 'is required for a license product' }]);
    const changed = await json(t, 'PATCH', `/api/v1/operator/assets/${service.json().id}`, operator, { seats: 3 });
    expect(changed.statusCode).toBe(400);
    expect(changed.json().error.details[0].path).toBe('seats');
  });
});
