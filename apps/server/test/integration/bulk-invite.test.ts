import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { upsertMember } from '../../src/modules/members/members.repository.js';
import { createOrganizationWithAsset, createSignedInUser, json } from '../helpers/factories.js';
import { createTestApp, type TestApp } from '../helpers/test-app.js';

/** A full Invite Member request, as the web sends a CSV file: 500 addresses, everything recorded for each. */
let t: TestApp;
let org: string;
let admin: string;

beforeAll(async () => {
  t = await createTestApp();
  const operator = await createSignedInUser(t, 'op@example.com', 'Olive Operator', { isOperator: true });
  org = (await createOrganizationWithAsset(t, operator, { code: 'bulk', name: 'Bulk Ltd', serial: 'BLK000000001' }))
    .organizationId;
  admin = await createSignedInUser(t, 'boss@example.com', 'Bea Boss');
  const bossId = (await json(t, 'GET', '/api/v1/me', admin)).json().user.id;
  await upsertMember(t.runtime.deps.db, org, bossId, 'admin', t.clock.now());
});
afterAll(async () => t.close());

describe('a bulk invite', () => {
  it('writes an email and a sent event for each of 500 invitations, and one audit event with 500 rows', async () => {
    const emails = Array.from({ length: 500 }, (_, i) => `person${i}@bulk.example`);
    const res = await json(t, 'POST', `/api/v1/orgs/${org}/invitations`, admin, { emails, rights: 'member' });
    expect(res.statusCode).toBe(200);
    const results = res.json().results as { email: string; outcome: string; invitationId: string }[];
    expect(results.map((r) => r.email)).toEqual(emails);
    expect(results.every((r) => r.outcome === 'invited')).toBe(true);
    const ids = results.map((r) => r.invitationId);

    const db = t.runtime.deps.db;
    // One action, one event (issue 14): its rows are the addresses in request order, each with its invitation.
    const audited = await db
      .selectFrom('audit_events')
      .select(['id', 'action', 'item_count', 'after_json'])
      .where('organization_id', '=', org)
      .where('action', 'in', ['invitation.sent', 'invitations.sent'])
      .execute();
    expect(audited).toHaveLength(1);
    expect(audited[0]).toMatchObject({ action: 'invitations.sent', item_count: 500 });
    expect(JSON.parse(audited[0]?.after_json as string)).toEqual({ rights: 'member', invited: 500 });
    const items = await db
      .selectFrom('audit_event_items')
      .select(['target_id', 'target_detail', 'outcome'])
      .where('event_id', '=', audited[0]!.id)
      .orderBy('position')
      .execute();
    expect(items.map((i) => i.target_id)).toEqual(ids);
    expect(items.map((i) => i.target_detail)).toEqual(emails);
    expect(new Set(items.map((i) => i.outcome))).toEqual(new Set(['invited']));

    const events = await db
      .selectFrom('invitation_events')
      .select('invitation_id')
      .where('action', '=', 'sent')
      .execute();
    expect(events.map((e) => e.invitation_id).sort()).toEqual([...ids].sort());
    const queued = await db
      .selectFrom('outbox_emails')
      .select('to_address')
      .where('to_address', 'like', '%@bulk.example')
      .execute();
    expect(queued.map((q) => q.to_address).sort()).toEqual([...emails].sort());
  });
});
