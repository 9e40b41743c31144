import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOrganizationWithAsset, createSession, createSignedInUsers, json } from '../helpers/factories.js';
import { createTestApp, mailboxMessages, type TestApp } from '../helpers/test-app.js';

/**
 * Issue 14 part 3: Invite Member with the invitees' names (the CSV's `email,first_name,last_name`, sent as
 * `invitees`): kept on the invitation, greeting the invitee, carried to a new invitation; and the audit log of a
 * request with several addresses as ONE `invitations.sent` event with a row per address and its outcome.
 */
let t: TestApp;
let admin: string;
let adminId: string;
let org: string;

beforeAll(async () => {
  t = await createTestApp();
  const [operator, ada, mo] = await createSignedInUsers(t, [
    { email: 'operator@example.com', name: 'Olivia Operator', options: { isOperator: true } },
    { email: 'ada.admin@example.com', name: 'Ada Admin' },
    { email: 'mo.member@example.com', name: 'Mo Member' },
  ]);
  ({ organizationId: org } = await createOrganizationWithAsset(t, operator!.cookie, {
    code: 'names',
    name: 'Names & Co',
    serial: 'NAME-0000-0001',
  }));
  for (const email of [ada!.email, mo!.email]) {
    const res = await json(t, 'POST', `/api/v1/operator/organizations/${org}/administrators`, operator!.cookie, {
      email,
    });
    expect(res.statusCode).toBe(200);
  }
  admin = ada!.cookie;
  adminId = ada!.userId;
});
afterAll(async () => t?.close());

const invite = (body: Record<string, unknown>) =>
  json(t, 'POST', `/api/v1/orgs/${org}/invitations`, admin, { rights: 'member', ...body });

function expectField(res: LightMyRequestResponse, path: string) {
  expect(res.statusCode, res.body).toBe(400);
  expect(res.json().error.code).toBe('VALIDATION_FAILED');
  expect(res.json().error.details.map((d: { path: string }) => d.path)).toContain(path);
}

const invitationsTo = (emails: string[]) =>
  t.runtime.deps.db
    .selectFrom('invitations')
    .select(['id', 'email', 'first_name', 'last_name', 'status'])
    .where('organization_id', '=', org)
    .where('email', 'in', emails)
    .orderBy('email')
    .execute();

const auditOf = (action: string) =>
  t.runtime.deps.db
    .selectFrom('audit_events')
    .selectAll()
    .where('organization_id', '=', org)
    .where('action', '=', action)
    .orderBy('id')
    .execute();

describe('inviting with names', () => {
  it('keeps each invitee’s names (the first row of a repeated address), blank meaning none', async () => {
    const res = await invite({
      invitees: [
        { email: 'Pat.Lee@Example.com', firstName: ' Pat ', lastName: 'Lee' },
        { email: 'sam@example.com', firstName: '', lastName: '  ' },
        { email: 'pat.lee@example.com', firstName: 'Patricia', lastName: 'Other' },
        { email: 'kim@example.com', firstName: 'Kim' },
        { email: 'not-an-address', firstName: 'Nobody' },
        { email: 'MO.member@example.com', firstName: 'Mo' },
      ],
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().results.map((r: { email: string; outcome: string }) => `${r.email} ${r.outcome}`)).toEqual([
      'pat.lee@example.com invited',
      'sam@example.com invited',
      'kim@example.com invited',
      'not-an-address invalid address',
      'mo.member@example.com already a member',
    ]);
    const rows = await invitationsTo(['pat.lee@example.com', 'sam@example.com', 'kim@example.com']);
    expect(rows.map((r) => [r.email, r.first_name, r.last_name])).toEqual([
      ['kim@example.com', 'Kim', null],
      ['pat.lee@example.com', 'Pat', 'Lee'],
      ['sam@example.com', null, null],
    ]);
  });

  it('greets the invitee by first name, and says "Hello," without one', async () => {
    const messages = await mailboxMessages(t);
    const to = (email: string) => messages.find((m) => m.to === email);
    expect(to('pat.lee@example.com')?.text.startsWith('Hello Pat,\n')).toBe(true);
    expect(to('kim@example.com')?.text.startsWith('Hello Kim,\n')).toBe(true);
    expect(to('sam@example.com')?.text.startsWith('Hello,\n')).toBe(true);
  });

  it('records a request with several addresses as one invitations.sent event, with each address and outcome', async () => {
    expect(await auditOf('invitation.sent')).toEqual([]);
    const [event] = await auditOf('invitations.sent');
    expect(event).toMatchObject({ target_type: 'organization', target_id: null, item_count: 5 });
    expect(JSON.parse(event!.after_json as string)).toEqual({ rights: 'member', invited: 3 });
    const items = await t.runtime.deps.db
      .selectFrom('audit_event_items')
      .select(['position', 'target_id', 'target_name', 'target_detail', 'outcome'])
      .where('event_id', '=', event!.id)
      .orderBy('position')
      .execute();
    const ids = new Map(
      (await invitationsTo(['pat.lee@example.com', 'sam@example.com', 'kim@example.com'])).map((r) => [r.email, r.id]),
    );
    expect(items).toEqual([
      {
        position: 0,
        target_id: ids.get('pat.lee@example.com'),
        target_name: 'Pat Lee',
        target_detail: 'pat.lee@example.com',
        outcome: 'invited',
      },
      {
        position: 1,
        target_id: ids.get('sam@example.com'),
        target_name: null,
        target_detail: 'sam@example.com',
        outcome: 'invited',
      },
      {
        position: 2,
        target_id: ids.get('kim@example.com'),
        target_name: 'Kim',
        target_detail: 'kim@example.com',
        outcome: 'invited',
      },
      {
        position: 3,
        target_id: null,
        target_name: 'Nobody',
        target_detail: 'not-an-address',
        outcome: 'invalid address',
      },
      {
        position: 4,
        target_id: null,
        target_name: 'Mo',
        target_detail: 'mo.member@example.com',
        outcome: 'already a member',
      },
    ]);
  });

  it('records a single address as one invitation.sent event naming the invitee', async () => {
    const res = await invite({ invitees: [{ email: 'lou@example.com', firstName: 'Lou', lastName: 'Reed' }] });
    expect(res.json().results[0].outcome).toBe('invited');
    const [event] = await auditOf('invitation.sent');
    expect(event).toMatchObject({
      target_type: 'invitation',
      target_id: res.json().results[0].invitationId,
      target_name: 'Lou Reed',
      target_detail: 'lou@example.com',
      item_count: null,
    });
    expect(await auditOf('invitations.sent')).toHaveLength(1);
  });

  it('records nothing when nobody was invited', async () => {
    const res = await invite({ emails: ['pat.lee@example.com', 'not an address', 'kim@example.com'] });
    expect(res.json().results.map((r: { outcome: string }) => r.outcome)).toEqual([
      'already invited',
      'invalid address',
      'already invited',
    ]);
    expect(await auditOf('invitations.sent')).toHaveLength(1);
    expect(await auditOf('invitation.sent')).toHaveLength(1);
  });
});

describe('refused requests name the field and change nothing', () => {
  it('wants emails or invitees, one of the two', async () => {
    expectField(await invite({}), 'emails');
    expectField(await invite({ emails: 'a@x.com', invitees: [{ email: 'b@x.com' }] }), 'emails');
    expectField(await invite({ invitees: [] }), 'invitees');
    expectField(await invite({ invitees: [{ email: ' ' }] }), 'invitees');
  });

  it('refuses control characters, over-long names, unknown fields and more than 500 invitees', async () => {
    expectField(await invite({ invitees: [{ email: 'c@x.com', firstName: 'Nul\u0000Byte' }] }), 'invitees.0.firstName');
    expectField(await invite({ invitees: [{ email: 'c@x.com', lastName: 'x'.repeat(101) }] }), 'invitees.0.lastName');
    expectField(await invite({ invitees: [{ email: 'c@x.com', middleName: 'Q' }] }), 'invitees.0.middleName');
    const many = Array.from({ length: 501 }, (_, i) => ({ email: `p${i}@x.com` }));
    expectField(await invite({ invitees: many }), 'invitees');
    expect(await invitationsTo(['c@x.com', 'p0@x.com'])).toEqual([]);
  });
});

// Last: the clock moves past the week that the sessions above last.
describe('a new invitation', () => {
  it('carries the names to a new invitation once the first expired, and to the revoke event', async () => {
    const [kim] = await invitationsTo(['kim@example.com']);
    t.clock.advance(7 * 24 * 3600 * 1000 + 1000);
    // The administrator's session lasted a week too: a fresh one.
    const { cookie } = await createSession(t, adminId);
    const reissued = await json(t, 'POST', `/api/v1/orgs/${org}/invitations/${kim!.id}/reissue`, cookie);
    expect(reissued.statusCode, reissued.body).toBe(200);
    const [renewed] = (await invitationsTo(['kim@example.com'])).filter((r) => r.status === 'pending');
    expect(renewed).toMatchObject({ id: reissued.json().id, first_name: 'Kim', last_name: null });
    expect((await auditOf('invitation.reissued'))[0]).toMatchObject({
      target_name: 'Kim',
      target_detail: 'kim@example.com',
    });
    const revoked = await json(t, 'DELETE', `/api/v1/orgs/${org}/invitations/${renewed!.id}`, cookie);
    expect(revoked.statusCode).toBe(204);
    expect((await auditOf('invitation.revoked'))[0]).toMatchObject({ target_name: 'Kim', target_id: renewed!.id });
  });
});
