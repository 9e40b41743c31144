import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOperator, createOrganizationWithAsset, json } from '../helpers/factories.js';
import { createTestApp, createUser, mailboxMessages, type TestApp } from '../helpers/test-app.js';

let t: TestApp;
let operator: string;
let acme: { organizationId: string; serial: string };

beforeAll(async () => {
  t = await createTestApp();
  operator = await createOperator(t);
  acme = await createOrganizationWithAsset(t, operator, {
    code: 'acme',
    name: 'Acme Engineering',
    serial: '9000-0000-0012-3456-ABCD-EFGH',
  });
});
afterAll(async () => t.close());

describe('register product, First Moment of Truth, Promote me to Administrator', () => {
  let first: string;

  it('links a user to an organization without administrator, ignoring spaces, dashes and case', async () => {
    first = await createUser(t, 'first.admin@example.com', 'Fiona First');
    const res = await json(t, 'POST', '/api/v1/registrations', first, { serial: ' 9000 0000 0012 3456 abcd efgh ' });
    expect(res.json()).toEqual({
      status: 'linked',
      organization: { id: acme.organizationId, name: 'Acme Engineering' },
    });
    const me = (await json(t, 'GET', '/api/v1/me', first)).json();
    expect(me.claimable).toEqual([{ id: acme.organizationId, name: 'Acme Engineering' }]);
    const info = await json(t, 'GET', `/api/v1/orgs/${acme.organizationId}/claim`, first);
    expect(info.json()).toMatchObject({
      organization: { name: 'Acme Engineering' },
      canClaim: true,
      administrators: [],
    });
  });

  it('gives unknown and malformed serials the same answer', async () => {
    const unknown = await json(t, 'POST', '/api/v1/registrations', first, { serial: 'ZZZZ-9999-9999' });
    const malformed = await json(t, 'POST', '/api/v1/registrations', first, { serial: '<script>' });
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json().error.code).toBe('UNKNOWN_SERIAL');
    expect(malformed.json().error.message).toBe(unknown.json().error.message);
  });

  it('refuses the promotion without both boxes, naming each', async () => {
    const res = await json(t, 'POST', `/api/v1/orgs/${acme.organizationId}/claim`, first, {
      acceptTerms: true,
      acceptResponsibility: false,
    });
    expect(res.statusCode).toBe(422);
    expect(res.json().error.code).toBe('TERMS_NOT_ACCEPTED');
    expect(res.json().error.details).toEqual([{ path: 'acceptResponsibility', message: 'must be accepted' }]);
  });

  it('refuses a user who is not linked, like an organization that does not exist', async () => {
    const stranger = await createUser(t, 'stranger@example.com');
    const res = await json(t, 'POST', `/api/v1/orgs/${acme.organizationId}/claim`, stranger, {
      acceptTerms: true,
      acceptResponsibility: true,
    });
    const missing = await json(t, 'POST', '/api/v1/orgs/org_00000000000000000000000000/claim', stranger, {
      acceptTerms: true,
      acceptResponsibility: true,
    });
    expect(res.statusCode).toBe(404);
    expect(res.json().error.code).toBe('NOT_LINKED');
    expect(missing.json().error.code).toBe('NOT_LINKED');
  });

  it('promotes the linked user, records the contact, and opens the admin portal', async () => {
    const res = await json(t, 'POST', `/api/v1/orgs/${acme.organizationId}/claim`, first, {
      acceptTerms: true,
      acceptResponsibility: true,
    });
    expect(res.json()).toEqual({
      organization: { id: acme.organizationId, name: 'Acme Engineering' },
      rights: 'admin',
    });
    const me = (await json(t, 'GET', '/api/v1/me', first)).json();
    expect(me.organizations).toEqual([
      { id: acme.organizationId, name: 'Acme Engineering', code: 'acme', rights: 'admin' },
    ]);
    expect(me.claimable).toEqual([]);

    const overview = (await json(t, 'GET', `/api/v1/orgs/${acme.organizationId}/overview`, first)).json();
    expect(overview.organization.name).toBe('Acme Engineering');
    expect(overview.products).toHaveLength(1);
    expect(overview.products[0]).toMatchObject({
      serialDisplay: '9000 0000 0012 3456 ABCD EFGH',
      seats: 10,
      seatsAssigned: 0,
      seatsAvailable: 10,
      mode: 'online',
      status: 'active',
    });

    const { db } = t.runtime.deps;
    const contact = await db
      .selectFrom('contacts')
      .select(['id', 'email', 'first_name', 'last_name'])
      .where('organization_id', '=', acme.organizationId)
      .executeTakeFirstOrThrow();
    expect(contact).toMatchObject({ email: 'first.admin@example.com', first_name: 'Fiona', last_name: 'First' });
    const roles = await db
      .selectFrom('contact_roles')
      .select('role')
      .where('contact_id', '=', contact.id)
      .orderBy('role')
      .execute();
    expect(roles.map((r) => r.role)).toEqual(['security-administrator', 'support-administrator']);
    expect(
      (await mailboxMessages(t)).some(
        (m) => m.to === 'first.admin@example.com' && m.subject.includes('administrator of Acme'),
      ),
    ).toBe(true);
  });

  it('refuses a second promotion and names the administrator', async () => {
    const again = await json(t, 'POST', `/api/v1/orgs/${acme.organizationId}/claim`, first, {
      acceptTerms: true,
      acceptResponsibility: true,
    });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('ALREADY_ADMINISTERED');
    expect(again.json().error.message).toContain('first.admin@example.com');
  });

  it('answers a later registrant with the administrators and emails them the request', async () => {
    const third = await createUser(t, 'third.person@example.com', 'Theo Third');
    const res = await json(t, 'POST', '/api/v1/registrations', third, { serial: '9000000000123456ABCDEFGH' });
    expect(res.json()).toEqual({
      status: 'admin-exists',
      organization: { name: 'Acme Engineering' },
      administrators: [{ name: 'Fiona First', email: 'first.admin@example.com' }],
    });
    const request = (await mailboxMessages(t)).find(
      (m) => m.to === 'first.admin@example.com' && m.subject.includes('Theo Third'),
    );
    expect(request?.text).toContain('third.person@example.com');
    expect(request?.text).toContain('9000 0000 0012 3456 ABCD EFGH');
    expect(request?.links[0]).toContain(`/orgs/${acme.organizationId}/members?invite=third.person%40example.com`);
    expect((await json(t, 'GET', '/api/v1/me', third)).json().claimable).toEqual([]);
  });

  it('keeps the admin portal from members of other organizations and from strangers', async () => {
    const outsider = await createUser(t, 'outsider@example.com');
    const res = await json(t, 'GET', `/api/v1/orgs/${acme.organizationId}/overview`, outsider);
    expect(res.statusCode).toBe(404);
    expect(
      (await t.app.inject({ method: 'GET', url: `/api/v1/orgs/${acme.organizationId}/overview` })).statusCode,
    ).toBe(401);
  });
});
