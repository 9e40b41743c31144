import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { upsertMember } from '../../src/modules/members/members.repository.js';
import {
  createOrganizationWithAsset,
  createSignedInUser,
  createSignedInUsers,
  json,
  type SignedInUser,
} from '../helpers/factories.js';
import { createTestApp, createUser, post, type TestApp } from '../helpers/test-app.js';

/** The Members page's list: members and invitations together, by email, searched, filtered and paged. */
let t: TestApp;
let admin: string;
let org: string;

beforeAll(async () => {
  t = await createTestApp();
  const operator = await createSignedInUser(t, 'op@example.com', 'Olive Operator', { isOperator: true });
  org = (await createOrganizationWithAsset(t, operator, { code: 'dir', name: 'Directory Ltd', serial: 'DIR000000001' }))
    .organizationId;
  admin = await createSignedInUser(t, 'boss@example.com', 'Bea Boss');
  const bossId = (await json(t, 'GET', '/api/v1/me', admin)).json().user.id;
  await upsertMember(t.runtime.deps.db, org, bossId, 'admin', t.clock.now());
  const people = await createSignedInUsers(t, [
    { email: 'carl@example.com', name: 'Carl Member' },
    { email: 'dora@example.com', name: 'Dora Member' },
  ]);
  for (const person of people) await upsertMember(t.runtime.deps.db, org, person.userId, 'member', t.clock.now());
  await json(t, 'POST', `/api/v1/orgs/${org}/invitations`, admin, {
    emails: 'alice@example.com, eve@example.com',
    rights: 'member',
  });
});
afterAll(async () => t.close());

async function list(query = '') {
  const res = await json(t, 'GET', `/api/v1/orgs/${org}/members${query}`, admin);
  expect(res.statusCode).toBe(200);
  return res.json() as {
    items: {
      email: string;
      userRights: string;
      statusLabel: string;
      name: string | null;
      kind: string;
      lastSignInAt: string | null;
    }[];
    nextCursor: string | null;
  };
}

describe('the Members list', () => {
  it('lists members and invitations together by email with their User Rights and Status', async () => {
    const { items, nextCursor } = await list();
    expect(items.map((i) => [i.email, i.userRights, i.statusLabel])).toEqual([
      ['alice@example.com', 'Member', 'PENDING'],
      ['boss@example.com', 'Admin', 'Active'],
      ['carl@example.com', 'Member', 'Active'],
      ['dora@example.com', 'Member', 'Active'],
      ['eve@example.com', 'Member', 'PENDING'],
    ]);
    expect(nextCursor).toBeNull();
    expect(items.find((i) => i.email === 'boss@example.com')?.lastSignInAt).not.toBeNull();
    expect(items.find((i) => i.email === 'alice@example.com')?.name).toBeNull();
  });

  it('pages with a cursor across members and invitations without gaps or repeats', async () => {
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page = await list(`?limit=2${cursor ? `&cursor=${cursor}` : ''}`);
      expect(page.items.length).toBeLessThanOrEqual(2);
      seen.push(...page.items.map((i) => i.email));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toEqual([
      'alice@example.com',
      'boss@example.com',
      'carl@example.com',
      'dora@example.com',
      'eve@example.com',
    ]);
  });

  it('searches by name or email and filters by status', async () => {
    expect((await list('?q=DORA')).items.map((i) => i.email)).toEqual(['dora@example.com']);
    expect((await list('?q=member')).items.map((i) => i.email)).toEqual(['carl@example.com', 'dora@example.com']);
    expect((await list('?rights=admin')).items.map((i) => i.email)).toEqual(['boss@example.com']);
    expect((await list('?status=active&rights=member')).items.map((i) => i.email)).toEqual([
      'carl@example.com',
      'dora@example.com',
    ]);
    expect((await list('?status=pending')).items.map((i) => i.email)).toEqual(['alice@example.com', 'eve@example.com']);
    expect((await list('?q=%25')).items).toEqual([]);
  });

  it('keeps a member’s last sign-in after they sign out', async () => {
    const cookie = await createUser(t, 'gus@example.com', 'Gus Gone');
    const gusId = (await json(t, 'GET', '/api/v1/me', cookie)).json().user.id;
    await upsertMember(t.runtime.deps.db, org, gusId, 'member', t.clock.now());
    expect((await post(t, '/api/auth/sign-out', undefined, cookie)).statusCode).toBe(204);
    const gus = (await list('?q=gus')).items[0];
    expect(gus?.lastSignInAt).toBe(t.clock.now().toISOString());
  });

  it('refuses a forged cursor with 400', async () => {
    const res = await json(
      t,
      'GET',
      `/api/v1/orgs/${org}/members?cursor=${Buffer.from('no tab here').toString('base64url')}`,
      admin,
    );
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details[0].path).toBe('cursor');
  });

  it('sorts by email Z→A and by joined or invited date either way, paging each order without gaps', async () => {
    // Only operators create organizations; then every row is dated an hour after the one before.
    const operator = await createSignedInUser(t, 'op2@example.com', 'Otto Operator', { isOperator: true });
    const orgId = (
      await createOrganizationWithAsset(t, operator, { code: 'dates', name: 'Dates Ltd', serial: 'DAT000000001' })
    ).organizationId;
    const db = t.runtime.deps.db;
    const bossId = (await json(t, 'GET', '/api/v1/me', admin)).json().user.id;
    const [carl, dora] = (await createSignedInUsers(t, [
      { email: 'carl2@example.com', name: 'Carl Two' },
      { email: 'dora2@example.com', name: 'Dora Two' },
    ])) as [SignedInUser, SignedInUser];
    await upsertMember(db, orgId, bossId, 'admin', t.clock.now());
    t.clock.advance(3_600_000);
    await upsertMember(db, orgId, dora.userId, 'member', t.clock.now());
    t.clock.advance(3_600_000);
    await json(t, 'POST', `/api/v1/orgs/${orgId}/invitations`, admin, { emails: 'zed@example.com', rights: 'member' });
    t.clock.advance(3_600_000);
    await upsertMember(db, orgId, carl.userId, 'member', t.clock.now());
    t.clock.advance(3_600_000);
    await json(t, 'POST', `/api/v1/orgs/${orgId}/invitations`, admin, { emails: 'amy@example.com', rights: 'admin' });

    const walk = async (sort: string) => {
      const seen: string[] = [];
      let cursor: string | null = null;
      do {
        const res = await json(
          t,
          'GET',
          `/api/v1/orgs/${orgId}/members?limit=2&sort=${sort}${cursor ? `&cursor=${cursor}` : ''}`,
          admin,
        );
        expect(res.statusCode).toBe(200);
        seen.push(...res.json().items.map((i: { email: string }) => i.email));
        cursor = res.json().nextCursor;
      } while (cursor);
      return seen;
    };
    const byDate = ['boss@example.com', 'dora2@example.com', 'zed@example.com', 'carl2@example.com', 'amy@example.com'];
    expect(await walk('since')).toEqual(byDate);
    expect(await walk('-since')).toEqual([...byDate].reverse());
    expect(await walk('-email')).toEqual([...byDate].sort().reverse());

    // A cursor made for one order means nothing in another: refused, not misread.
    const first = await json(t, 'GET', `/api/v1/orgs/${orgId}/members?limit=1&sort=since`, admin);
    const wrong = await json(
      t,
      'GET',
      `/api/v1/orgs/${orgId}/members?sort=email&cursor=${first.json().nextCursor}`,
      admin,
    );
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().error.details[0].path).toBe('cursor');
    const unknown = await json(t, 'GET', `/api/v1/orgs/${orgId}/members?sort=age`, admin);
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().error.details[0].path).toBe('sort');
  });

  // Last: moving the clock past 7 days also ends the sessions made above.
  it('shows invitations past their expiry as Invitation expired', async () => {
    t.clock.advance(8 * 86_400_000);
    const fresh = await createSignedInUser(t, 'boss2@example.com', 'Bea Boss');
    const bossId = (await json(t, 'GET', '/api/v1/me', fresh)).json().user.id;
    await upsertMember(t.runtime.deps.db, org, bossId, 'admin', t.clock.now());
    const res = await json(t, 'GET', `/api/v1/orgs/${org}/members?status=expired`, fresh);
    expect(res.json().items.map((i: { email: string; statusLabel: string }) => [i.email, i.statusLabel])).toEqual([
      ['alice@example.com', 'Invitation expired'],
      ['eve@example.com', 'Invitation expired'],
    ]);
    const counts = await json(t, 'GET', `/api/v1/orgs/${org}/members/counts`, fresh);
    expect(counts.json().counts).toMatchObject({ pending: 0, expired: 2 });
  });
});
