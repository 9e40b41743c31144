import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newId } from '../../src/lib/ids.js';
import { iso } from '../../src/lib/time.js';
import { json, type SignedInUser } from '../helpers/factories.js';
import { organizationWithAdministrator } from '../helpers/members.js';
import { createTestApp, type TestApp } from '../helpers/test-app.js';

/**
 * Issue 14: a bulk action takes up to the whole filtered set. 10,000 pending invitations (inserted with SQL, as an
 * old CSV invite would have left them) are resent and then revoked, each in one request: every statement stays
 * inside both databases' limits on bound parameters, and every row is answered.
 */
const ROWS = 10_000;
let t: TestApp;
let org: string;
let boss: SignedInUser;

beforeAll(async () => {
  t = await createTestApp();
  ({ org, boss } = await organizationWithAdministrator(t, 'big'));
  const now = t.clock.now();
  const expires = iso(new Date(now.getTime() + 7 * 86_400_000));
  const rows = Array.from({ length: ROWS }, (_, i) => ({
    id: newId('invitation', now.getTime()),
    organization_id: org,
    email: `bulk-${i}@example.com`,
    rights: 'member' as const,
    message: null,
    invited_by_user_id: boss.userId,
    status: 'pending' as const,
    expires_at: expires,
    accepted_by_user_id: null,
    ended_at: null,
    resends_day: null,
    first_name: null,
    last_name: null,
    created_at: iso(now),
    updated_at: iso(now),
  }));
  for (let start = 0; start < ROWS; start += 500)
    await t.runtime.deps.db
      .insertInto('invitations')
      .values(rows.slice(start, start + 500))
      .execute();
}, 120_000);
afterAll(async () => t.close());

describe('a bulk action over 10,000 invitations', () => {
  it('resends and then revokes all of them, one request each', async () => {
    const selection = { matching: { status: 'pending' } };
    const resent = await json(t, 'POST', `/api/v1/orgs/${org}/invitations/resend`, boss.cookie, { selection });
    expect(resent.statusCode).toBe(200);
    expect(resent.json().results.filter((r: { outcome: string }) => r.outcome === 'resent')).toHaveLength(ROWS);
    const revoked = await json(t, 'POST', `/api/v1/orgs/${org}/invitations/revoke`, boss.cookie, { selection });
    expect(revoked.statusCode).toBe(200);
    expect(revoked.json().results.filter((r: { outcome: string }) => r.outcome === 'revoked')).toHaveLength(ROWS);
    const list = await json(t, 'GET', `/api/v1/orgs/${org}/members/counts`, boss.cookie);
    expect(list.json().counts).toMatchObject({ pending: 0, expired: 0 });
    const items = await t.runtime.deps.db
      .selectFrom('audit_event_items')
      .select((eb) => eb.fn.countAll<number | string>().as('n'))
      .where('event_id', '=', revoked.json().auditEventId)
      .executeTakeFirstOrThrow();
    expect(Number(items.n)).toBe(ROWS);
  }, 120_000);
});
