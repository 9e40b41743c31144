import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createOrganizationWithAsset,
  createSession,
  createSignedInUser,
  createSignedInUsers,
  json,
  type SignedInUser,
} from '../helpers/factories.js';
import { createTestApp, mailboxMessages, type TestApp } from '../helpers/test-app.js';

/**
 * SPEC §2.4 / issue 4: acceptance is single-use and atomic (50 simultaneous clicks make one membership), and two
 * administrators inviting one address at the same moment leave one pending invitation.
 */

let t: TestApp;
let org: string;
let admins: SignedInUser[];

beforeAll(async () => {
  t = await createTestApp();
  const operator = await createSignedInUser(t, 'operator@example.com', 'Olivia Operator', { isOperator: true });
  ({ organizationId: org } = await createOrganizationWithAsset(t, operator, {
    code: 'race',
    name: 'Race Inc',
    serial: 'RACE-0000-0001',
  }));
  admins = await createSignedInUsers(t, [
    { email: 'ada.admin@example.com', name: 'Ada Admin' },
    { email: 'ben.admin@example.com', name: 'Ben Admin' },
  ]);
  for (const admin of admins) {
    const res = await json(t, 'POST', `/api/v1/operator/organizations/${org}/administrators`, operator, {
      email: admin.email,
    });
    expect(res.statusCode).toBe(200);
  }
});
afterAll(async () => t?.close());

const invite = (admin: SignedInUser, email: string) =>
  json(t, 'POST', `/api/v1/orgs/${org}/invitations`, admin.cookie, { emails: email, rights: 'member' });

describe('50 simultaneous accepts of one invitation', () => {
  it('make one membership; the 49 others are told the invitation was used', async () => {
    const invited = await invite(admins[0]!, 'racer@example.com');
    const id = invited.json().results[0].invitationId as string;
    const link = await json(t, 'GET', `/api/v1/orgs/${org}/invitations/${id}/link`, admins[0]!.cookie);
    const token = (link.json().link as string).split('/invitations/')[1]!;
    const [racer] = await createSignedInUsers(t, [{ email: 'racer@example.com', name: 'Rita Racer' }]);
    const cookies = [racer!.cookie];
    for (let i = 1; i < 50; i++) cookies.push((await createSession(t, racer!.userId)).cookie);

    const responses = await Promise.all(
      cookies.map((cookie) => json(t, 'POST', `/api/v1/invitations/${token}/accept`, cookie)),
    );
    const outcomes = responses.map((r) => `${r.statusCode} ${r.statusCode === 200 ? '' : r.json().error.code}`);
    expect(outcomes.filter((o) => o === '200 ')).toHaveLength(1);
    expect(outcomes.filter((o) => o === '409 INVITATION_USED')).toHaveLength(49);

    const { db } = t.runtime.deps;
    const members = await db
      .selectFrom('organization_members')
      .select('rights')
      .where('organization_id', '=', org)
      .where('user_id', '=', racer!.userId)
      .execute();
    expect(members).toEqual([{ rights: 'member' }]);
    const events = await db
      .selectFrom('invitation_events')
      .select('action')
      .where('invitation_id', '=', id)
      .where('action', '=', 'accepted')
      .execute();
    expect(events).toHaveLength(1);
    const audit = await db
      .selectFrom('audit_events')
      .select('id')
      .where('action', '=', 'invitation.accepted')
      .where('target_id', '=', id)
      .execute();
    expect(audit).toHaveLength(1);
  });
});

describe('two administrators inviting one address at the same moment', () => {
  it('leave one pending invitation: one is told invited, the other already invited (20 addresses)', async () => {
    const addresses = Array.from({ length: 20 }, (_, i) => `twin-${i}@example.com`);
    for (const email of addresses) {
      const pair = await Promise.all(admins.map((admin) => invite(admin, email)));
      expect(pair.map((r) => r.statusCode)).toEqual([200, 200]);
      expect(pair.map((r) => r.json().results[0].outcome).sort()).toEqual(['already invited', 'invited']);
    }
    const pending = await t.runtime.deps.db
      .selectFrom('invitations')
      .select(['email'])
      .where('organization_id', '=', org)
      .where('status', '=', 'pending')
      .where('email', 'like', 'twin-%')
      .execute();
    expect(pending.map((p) => p.email).sort()).toEqual([...addresses].sort());
    // Nothing was sent twice: one invitation email per address.
    const mails = (await mailboxMessages(t)).filter((m) => m.to.startsWith('twin-'));
    expect(mails.map((m) => m.to).sort()).toEqual([...addresses].sort());
  });
});

describe('two administrators inviting the same long list at the same moment', () => {
  it('leave one pending invitation per address, one email each and one audit row invited each, in either order', async () => {
    const addresses = Array.from({ length: 300 }, (_, i) => `bulk-${String(i).padStart(3, '0')}@example.com`);
    // Opposite orders: a batched insert that took the unique index's entries in request order could deadlock here.
    const lists = [addresses, [...addresses].reverse()];
    const answers = await Promise.all(
      admins.map((admin, i) =>
        json(t, 'POST', `/api/v1/orgs/${org}/invitations`, admin.cookie, { emails: lists[i], rights: 'member' }),
      ),
    );
    expect(answers.map((r) => r.statusCode)).toEqual([200, 200]);
    const outcomes = new Map<string, string[]>();
    for (const answer of answers)
      for (const { email, outcome } of answer.json().results as { email: string; outcome: string }[])
        outcomes.set(email, [...(outcomes.get(email) ?? []), outcome].sort());
    for (const email of addresses) expect(outcomes.get(email)).toEqual(['already invited', 'invited']);

    const { db } = t.runtime.deps;
    const pending = await db
      .selectFrom('invitations')
      .select(['id', 'email'])
      .where('organization_id', '=', org)
      .where('status', '=', 'pending')
      .where('email', 'like', 'bulk-%')
      .execute();
    expect(pending.map((p) => p.email).sort()).toEqual(addresses);
    // The outbox itself: the dev mailbox shows only the latest 200 messages.
    const mails = await db
      .selectFrom('outbox_emails')
      .select('to_address')
      .where('kind', '=', 'invitation')
      .where('to_address', 'like', 'bulk-%')
      .execute();
    expect(mails.map((m) => m.to_address).sort()).toEqual(addresses);
    // Each request is one audit event with a row per address; each invitation is "invited" in exactly one of them.
    const invitedRows = await db
      .selectFrom('audit_event_items as i')
      .innerJoin('audit_events as e', 'e.id', 'i.event_id')
      .select('i.target_id')
      .where('e.action', '=', 'invitations.sent')
      .where('e.organization_id', '=', org)
      .where('i.outcome', '=', 'invited')
      .where('i.target_detail', 'like', 'bulk-%')
      .execute();
    expect(invitedRows.map((r) => r.target_id).sort()).toEqual(pending.map((p) => p.id).sort());
  });
});
