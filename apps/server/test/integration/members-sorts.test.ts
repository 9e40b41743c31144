import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { upsertMember } from '../../src/modules/members/members.repository.js';
import { createOrganizationWithAsset, createSignedInUser, createSignedInUsers, json } from '../helpers/factories.js';
import { createTestApp, type TestApp } from '../helpers/test-app.js';

/**
 * Issue 14: the Members page's counts, its Status and User Rights filters, and its sorts by name and by last
 * sign-in, each paged without gaps or repeats (names in any script: the cursor carries them), case aside.
 */
let t: TestApp;
let admin: string;
let org: string;

beforeAll(async () => {
  t = await createTestApp();
  const operator = await createSignedInUser(t, 'op@example.com', 'Olive Operator', { isOperator: true });
  org = (await createOrganizationWithAsset(t, operator, { code: 'srt', name: 'Sorts Ltd', serial: 'SRT000000001' }))
    .organizationId;
  const db = t.runtime.deps.db;
  const [boss] = await createSignedInUsers(t, [{ email: 'boss@example.com', name: 'Zoë Boss' }]);
  admin = boss!.cookie;
  await upsertMember(db, org, boss!.userId, 'admin', t.clock.now());
  const people = await createSignedInUsers(t, [
    { email: 'carl@example.com', name: 'emile Carl' },
    { email: 'dora@example.com', name: 'Dora Member' },
    { email: 'ann@example.com', name: 'Ann Admin' },
  ]);
  for (const [i, person] of people.entries()) {
    await upsertMember(db, org, person.userId, i === 2 ? 'admin' : 'member', t.clock.now());
    // Signed in at different times: Dora an hour ago, Carl two, Ann never (a row without a last sign-in).
    const last = i === 2 ? null : new Date(t.clock.now().getTime() - (2 - i) * 3_600_000).toISOString();
    await db.updateTable('users').set({ last_sign_in_at: last }).where('id', '=', person.userId).execute();
  }
  const invited = await json(t, 'POST', `/api/v1/orgs/${org}/invitations`, admin, {
    emails: 'pat@example.com, quinn@example.com',
    rights: 'admin',
  });
  expect(invited.statusCode).toBe(200);
  await db
    .updateTable('invitations')
    .set({ first_name: 'Bo', last_name: 'Pat' })
    .where('email', '=', 'pat@example.com')
    .execute();
});
afterAll(async () => t.close());

async function walk(query: string) {
  const seen: string[] = [];
  let cursor: string | null = null;
  do {
    const res = await json(
      t,
      'GET',
      `/api/v1/orgs/${org}/members?limit=2&${query}${cursor ? `&cursor=${cursor}` : ''}`,
      admin,
    );
    expect(res.statusCode).toBe(200);
    seen.push(...res.json().items.map((i: { email: string }) => i.email));
    cursor = res.json().nextCursor;
  } while (cursor);
  return seen;
}

describe('the Members page headline', () => {
  it('counts members, administrators, pending and expired invitations exactly, and the rows a filter matches', async () => {
    const counts = async (query = '') =>
      (await json(t, 'GET', `/api/v1/orgs/${org}/members/counts${query}`, admin)).json();
    expect(await counts()).toEqual({
      counts: { members: 4, administrators: 2, pending: 2, expired: 0 },
      matching: 6,
    });
    expect((await counts('?rights=admin')).matching).toBe(4);
    expect((await counts('?q=pat')).matching).toBe(1);
    const bad = await json(t, 'GET', `/api/v1/orgs/${org}/members/counts?status=gone`, admin);
    expect([bad.statusCode, bad.json().error.details[0].path]).toEqual([400, 'status']);
  });

  it('shows what an invitation will make its invitee, and the name a CSV gave', async () => {
    const items = (await json(t, 'GET', `/api/v1/orgs/${org}/members?status=pending`, admin)).json().items;
    expect(
      items.map((i: { name: string | null; userRights: string; statusLabel: string }) => [
        i.name,
        i.userRights,
        i.statusLabel,
      ]),
    ).toEqual([
      ['Bo Pat', 'Admin', 'PENDING'],
      [null, 'Admin', 'PENDING'],
    ]);
  });
});

describe('sorting the Members list', () => {
  it('by name, A→Z and Z→A, invitations without a name by their email, across pages', async () => {
    const byName = [
      'ann@example.com',
      'pat@example.com',
      'dora@example.com',
      'carl@example.com',
      'quinn@example.com',
      'boss@example.com',
    ];
    expect(await walk('sort=name')).toEqual(byName);
    expect(await walk('sort=-name')).toEqual([...byName].reverse());
  });

  it('by last sign-in, oldest or newest first, rows that never signed in last either way', async () => {
    const signedIn = ['carl@example.com', 'dora@example.com', 'boss@example.com'];
    const up = await walk('sort=lastSignIn');
    expect(up.slice(0, 3)).toEqual(signedIn);
    expect(new Set(up.slice(3))).toEqual(new Set(['ann@example.com', 'pat@example.com', 'quinn@example.com']));
    const down = await walk('sort=-lastSignIn');
    expect(down.slice(0, 3)).toEqual([...signedIn].reverse());
    expect(down).toHaveLength(6);
  });

  it('filters by Status and User Rights together', async () => {
    expect(await walk('status=active&rights=admin')).toEqual(['ann@example.com', 'boss@example.com']);
    expect(await walk('status=expired')).toEqual([]);
    const bad = await json(t, 'GET', `/api/v1/orgs/${org}/members?rights=owner`, admin);
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details[0].path).toBe('rights');
  });
});

describe('Export', () => {
  it('downloads the filtered, sorted list as CSV, every row, formulas kept as text', async () => {
    await t.runtime.deps.db
      .updateTable('organization_members')
      .set({ name: '=HYPERLINK("x")' })
      .where('email', '=', 'dora@example.com')
      .execute();
    const res = await json(t, 'GET', `/api/v1/orgs/${org}/members/export?status=active&sort=email`, admin);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/csv');
    expect(res.headers['content-disposition']).toMatch(/^attachment; filename="members-srt-\d{4}-\d{2}-\d{2}\.csv"$/);
    const lines = res.body
      .replace(/^\ufeff/, '')
      .trimEnd()
      .split('\r\n');
    expect(lines[0]).toBe('name,email,user_rights,status,joined_or_invited,last_sign_in,invitation_expires,products');
    expect(lines.slice(1).map((line) => line.split(',')[1])).toEqual([
      'ann@example.com',
      'boss@example.com',
      'carl@example.com',
      'dora@example.com',
    ]);
    expect(lines[4]).toMatch(/^"'=HYPERLINK\(""x""\)",dora@example.com,Member,Active,/);
  });
});
