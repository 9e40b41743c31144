import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { upsertMember } from '../../src/modules/members/members.repository.js';
import { createOrganizationWithAsset, createSignedInUsers, json, type SignedInUser } from '../helpers/factories.js';
import { createTestApp, type TestApp } from '../helpers/test-app.js';

/** My organization (SPEC §2.4 item 7): a member sees the name and the administrators, and nothing of the list. */
let t: TestApp;
let org: string;
let admin: string;
let member: string;

beforeAll(async () => {
  t = await createTestApp();
  const [operator, boss, second, carl] = (await createSignedInUsers(t, [
    { email: 'op@example.com', name: 'Olive Operator', options: { isOperator: true } },
    { email: 'boss@example.com', name: 'Bea Boss' },
    { email: 'deputy@example.com', name: 'Dan Deputy' },
    { email: 'carl@example.com', name: 'Carl Member' },
  ])) as SignedInUser[] as [SignedInUser, SignedInUser, SignedInUser, SignedInUser];
  org = (
    await createOrganizationWithAsset(t, operator.cookie, { code: 'mine', name: 'Mine Ltd', serial: 'MIN000000001' })
  ).organizationId;
  const db = t.runtime.deps.db;
  await upsertMember(db, org, boss.userId, 'admin', t.clock.now());
  await upsertMember(db, org, second.userId, 'admin', t.clock.now());
  await upsertMember(db, org, carl.userId, 'member', t.clock.now());
  admin = boss.cookie;
  member = carl.cookie;
});
afterAll(async () => t.close());

describe('My organization', () => {
  it('shows a member the name, the code and every administrator, and their own rights', async () => {
    const res = await json(t, 'GET', `/api/v1/orgs/${org}`, member);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({
      organization: { id: org, name: 'Mine Ltd', code: 'mine' },
      rights: 'member',
      administrators: [
        { name: 'Bea Boss', email: 'boss@example.com' },
        { name: 'Dan Deputy', email: 'deputy@example.com' },
      ],
    });
  });

  it('tells an administrator they are one', async () => {
    expect((await json(t, 'GET', `/api/v1/orgs/${org}`, admin)).json().rights).toBe('admin');
  });

  it('keeps the members list from a member, like an organization that does not exist', async () => {
    const res = await json(t, 'GET', `/api/v1/orgs/${org}/members`, member);
    expect(res.statusCode).toBe(404);
    expect(res.json().error.code).toBe('NOT_FOUND');
  });
});
