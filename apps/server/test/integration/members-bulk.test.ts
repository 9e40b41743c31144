import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { upsertMember } from '../../src/modules/members/members.repository.js';
import { createSignedInUsers, json, type SignedInUser } from '../helpers/factories.js';
import { addMembers, organizationWithAdministrator } from '../helpers/members.js';
import { createTestApp, type TestApp } from '../helpers/test-app.js';

/**
 * Issue 14: the Members page's bulk actions. One request for a whole selection (listed ids or "all N matching"),
 * an answer per row, one audit event with its rows, and nothing changed that should not be: another
 * organization's ids, the caller's own membership, the last administrator, members who hold licenses.
 */
let t: TestApp;
let operator: string;
let boss: SignedInUser;
let org: string;
let other: string;
let people: SignedInUser[];

const counts = async () => (await json(t, 'GET', `/api/v1/orgs/${org}/members/counts`, boss.cookie)).json().counts;
const bulk = (path: string, body: unknown, cookie = boss.cookie) =>
  json(t, 'POST', `/api/v1/orgs/${org}/${path}`, cookie, body);
const outcomes = (res: { json(): { results: { email: string | null; id: string; outcome: string }[] } }) =>
  Object.fromEntries(res.json().results.map((r) => [r.email ?? r.id, r.outcome]));

async function invite(organization: string, emails: string[], cookie = boss.cookie) {
  const res = await json(t, 'POST', `/api/v1/orgs/${organization}/invitations`, cookie, { emails, rights: 'member' });
  expect(res.statusCode).toBe(200);
  return res.json().results.map((r: { invitationId: string }) => r.invitationId) as string[];
}

beforeAll(async () => {
  t = await createTestApp();
  ({ org, operator, boss } = await organizationWithAdministrator(t, 'blk'));
  ({ org: other } = await organizationWithAdministrator(t, 'oth'));
  await upsertMember(t.runtime.deps.db, other, boss.userId, 'admin', t.clock.now());
  people = await createSignedInUsers(
    t,
    ['ann', 'ben', 'cid', 'dan', 'eva'].map((n) => ({ email: `${n}@example.com`, name: `${n.toUpperCase()} Person` })),
  );
  await addMembers(t, org, people, 'member');
});
afterAll(async () => t.close());

describe('Revoke invitation for a selection', () => {
  it('revokes all 48 pending invitations of a filter in one request, with one audit event of 48 rows', async () => {
    const addresses = Array.from({ length: 48 }, (_, i) => `wrong-${i}@example.com`);
    await invite(org, addresses);
    expect((await counts()).pending).toBe(48);
    const res = await bulk('invitations/revoke', { selection: { matching: { status: 'pending', q: 'wrong-' } } });
    expect(res.statusCode).toBe(200);
    expect(Object.values(outcomes(res))).toEqual(Array(48).fill('revoked'));
    expect((await counts()).pending).toBe(0);
    const event = await t.runtime.deps.db
      .selectFrom('audit_events')
      .select(['action', 'item_count', 'target_type'])
      .where('id', '=', res.json().auditEventId)
      .executeTakeFirstOrThrow();
    expect(event).toEqual({ action: 'invitations.revoked', item_count: 48, target_type: 'organization' });
    const items = await t.runtime.deps.db
      .selectFrom('audit_event_items')
      .select(['target_detail', 'outcome'])
      .where('event_id', '=', res.json().auditEventId)
      .orderBy('position')
      .execute();
    expect(items).toHaveLength(48);
    expect(items[0]).toEqual({ target_detail: 'wrong-0@example.com', outcome: 'revoked' });
  });

  it('answers each listed id: another organization’s invitation is not found and stays pending', async () => {
    const [mine] = await invite(org, ['mine@example.com']);
    const [theirs] = await invite(other, ['theirs@example.com']);
    const [gone] = await invite(org, ['gone@example.com']);
    await bulk('invitations/revoke', { selection: { ids: [gone] } });
    const res = await bulk('invitations/revoke', {
      selection: { ids: [mine, theirs, gone, people[0]!.userId, 'inv_doesnotexist'] },
    });
    expect(res.statusCode).toBe(200);
    expect(outcomes(res)).toEqual({
      'mine@example.com': 'revoked',
      'gone@example.com': 'already revoked',
      'ann@example.com': 'not an invitation',
      [theirs!]: 'not found',
      inv_doesnotexist: 'not found',
    });
    const still = await t.runtime.deps.db
      .selectFrom('invitations')
      .select('status')
      .where('id', '=', theirs!)
      .executeTakeFirst();
    expect(still?.status).toBe('pending');
  });

  it('refuses an empty or oversized selection and unknown fields with 400 naming the field, changing nothing', async () => {
    for (const body of [
      { selection: { ids: [] } },
      { selection: { ids: Array(10_001).fill('inv_x') } },
      { selection: { matching: { status: 'gone' } } },
      { selection: { ids: ['inv_x'] }, extra: 1 },
      { selection: { ids: ['inv_\u0000x'] } },
    ]) {
      const res = await bulk('invitations/revoke', body);
      expect(res.statusCode, JSON.stringify(body).slice(0, 80)).toBe(400);
      expect(res.json().error.details[0].path).toMatch(/^(selection|extra|$)/);
    }
  });
});

describe('hostile input on the new routes', () => {
  it('answers undecodable bytes, NUL and control characters with a 4xx or a per-row answer, never a 5xx', async () => {
    const raw = Buffer.concat([
      Buffer.from('{"selection":{"ids":["inv_'),
      Buffer.from([0xff, 0xfe]),
      Buffer.from('"]}}'),
    ]);
    const bytes = await t.app.inject({
      method: 'POST',
      url: `/api/v1/orgs/${org}/invitations/revoke`,
      headers: { cookie: boss.cookie, 'content-type': 'application/json' },
      payload: raw,
    });
    expect(bytes.statusCode).toBeLessThan(500);
    if (bytes.statusCode === 200) expect(bytes.json().results[0].outcome).toBe('not found');
    for (const query of ['q=%FF%FE', 'q=a%00b', 'q=%07', 'rights=%00']) {
      for (const path of ['members/counts', 'members/export', 'members']) {
        const res = await json(t, 'GET', `/api/v1/orgs/${org}/${path}?${query}`, boss.cookie);
        expect(res.statusCode, `${path}?${query}`).toBeLessThan(500);
      }
    }
    const nul = await bulk('members/change-rights', { selection: { matching: { q: 'a\u0000' } }, rights: 'admin' });
    expect([nul.statusCode, nul.json().error.details[0].path]).toEqual([400, 'selection.matching.q']);
  });
});

describe('Resend invitation for a selection', () => {
  it('resends pending ones, answers expired ones and the daily limit per row', async () => {
    const [fresh, later] = await invite(org, ['fresh@example.com', 'later@example.com']);
    for (let i = 0; i < 5; i++) await json(t, 'POST', `/api/v1/orgs/${org}/invitations/${later}/resend`, boss.cookie);
    const before = await t.runtime.deps.db.selectFrom('outbox_emails').select('id').execute();
    const res = await bulk('invitations/resend', { selection: { ids: [fresh, later] } });
    expect(outcomes(res)).toEqual({ 'fresh@example.com': 'resent', 'later@example.com': 'resend limit reached' });
    const after = await t.runtime.deps.db.selectFrom('outbox_emails').select('id').execute();
    expect(after.length - before.length).toBe(1);
  });
});

describe('Change to Admin / Member for a selection', () => {
  it('makes 3 members administrators at once; the counts follow', async () => {
    const before = (await counts()).administrators;
    const ids = people.slice(0, 3).map((p) => p.userId);
    const res = await bulk('members/change-rights', { selection: { ids }, rights: 'admin' });
    expect(Object.values(outcomes(res))).toEqual(['changed', 'changed', 'changed']);
    expect((await counts()).administrators).toBe(before + 3);
    const again = await bulk('members/change-rights', { selection: { ids: ids.slice(0, 1) }, rights: 'admin' });
    expect(outcomes(again)).toEqual({ 'ann@example.com': 'already Admin' });
    expect(again.json().auditEventId).toBeNull();
  });

  it('never demotes the caller, and an operator demoting every administrator keeps the last one', async () => {
    const mine = await bulk('members/change-rights', { selection: { ids: [boss.userId] }, rights: 'member' });
    expect(outcomes(mine)).toEqual({ 'boss-blk@example.com': 'yourself' });
    // The single actions say the same, with other administrators present.
    const path = `/api/v1/orgs/${org}/members/${boss.userId}`;
    const demote = await json(t, 'PATCH', path, boss.cookie, { rights: 'member' });
    expect([demote.statusCode, demote.json().error.code]).toEqual([409, 'OWN_MEMBERSHIP']);
    const leave = await json(t, 'DELETE', path, boss.cookie);
    expect([leave.statusCode, leave.json().error.code]).toEqual([409, 'OWN_MEMBERSHIP']);
    // By email: ann, ben, boss, cid; the operator demotes the first three, and cid is the last administrator.
    const res = await bulk(
      'members/change-rights',
      { selection: { matching: { rights: 'admin', status: 'active' } }, rights: 'member' },
      operator,
    );
    expect(outcomes(res)).toEqual({
      'ann@example.com': 'changed',
      'ben@example.com': 'changed',
      'boss-blk@example.com': 'changed',
      'cid@example.com': 'last administrator',
    });
    await upsertMember(t.runtime.deps.db, org, boss.userId, 'admin', t.clock.now());
    expect((await counts()).administrators).toBe(2);
  });
});

describe('Remove member for a selection', () => {
  it('keeps members who hold licenses unless told to revoke them, never removes the caller', async () => {
    const asset = (await json(t, 'GET', `/api/v1/orgs/${org}/assets`, boss.cookie)).json().items[0].id;
    const holder = people[3]!;
    const assigned = await json(t, 'POST', `/api/v1/orgs/${org}/assignments`, boss.cookie, {
      asset,
      users: [holder.userId],
    });
    expect(assigned.statusCode).toBe(200);
    const ids = [holder.userId, people[4]!.userId, boss.userId];
    const first = await bulk('members/remove', { selection: { ids } });
    expect(outcomes(first)).toEqual({
      'dan@example.com': 'holds licenses',
      'eva@example.com': 'removed',
      'boss-blk@example.com': 'yourself',
    });
    const second = await bulk('members/remove', { selection: { ids: [holder.userId] }, revokeLicenses: true });
    expect(outcomes(second)).toEqual({ 'dan@example.com': 'removed' });
    const held = await t.runtime.deps.db
      .selectFrom('assignments')
      .select('status')
      .where('user_id', '=', holder.userId)
      .execute();
    expect(held.map((a) => a.status)).toEqual(['revoked']);
  });

  it('is for administrators only: a member is answered like an unknown organization and nothing changes', async () => {
    const member = people[1]!;
    const res = await bulk('members/remove', { selection: { ids: [people[0]!.userId] } }, member.cookie);
    expect(res.statusCode).toBe(404);
    expect((await counts()).members).toBe(4);
  });
});
