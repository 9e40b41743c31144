import type { Rights } from '@portico/contracts';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createOrganizationWithAsset,
  createSession,
  createSignedInUser,
  createSignedInUsers,
  json,
} from '../helpers/factories.js';
import { createTestApp, mailboxMessages, type TestApp } from '../helpers/test-app.js';

/**
 * SPEC §2.4 through the API: Invite Member, the invitation email and page, accepting, the row actions (copy link,
 * resend, send new invitation, revoke), the history, and the member actions with the last-administrator rule.
 */

const PUBLIC_URL = 'https://portal.example.com';
const DAY = 24 * 60 * 60 * 1000;

let t: TestApp;
let operator: string;
let admin: string;
let adminId: string;
let operatorId: string;
let org: string;

beforeAll(async () => {
  t = await createTestApp({ env: { PUBLIC_URL } });
  const [olivia] = await createSignedInUsers(t, [
    { email: 'operator@example.com', name: 'Olivia Operator', options: { isOperator: true } },
  ]);
  operator = olivia!.cookie;
  operatorId = olivia!.userId;
  ({ organizationId: org } = await createOrganizationWithAsset(t, operator, {
    code: 'acme',
    name: 'Acme Engineering',
    serial: 'ACME-0000-0001',
  }));
  const [ada] = await createSignedInUsers(t, [{ email: 'ada.admin@example.com', name: 'Ada Admin' }]);
  admin = ada!.cookie;
  adminId = ada!.userId;
  const appointed = await json(t, 'POST', `/api/v1/operator/organizations/${org}/administrators`, operator, {
    email: 'ada.admin@example.com',
  });
  expect(appointed.statusCode).toBe(200);
});
afterAll(async () => t?.close());

type Outcome = { email: string; outcome: string; invitationId: string | null };

async function invite(emails: string | string[], rights: Rights = 'member', message?: string) {
  const res = await json(t, 'POST', `/api/v1/orgs/${org}/invitations`, admin, {
    emails,
    rights,
    ...(message === undefined ? {} : { message }),
  });
  expect(res.statusCode, res.body).toBe(200);
  return res.json().results as Outcome[];
}

/** One new invitation; returns its id. */
async function inviteOne(email: string, rights: Rights = 'member', message?: string): Promise<string> {
  const [result] = await invite(email, rights, message);
  expect(result).toMatchObject({ email, outcome: 'invited' });
  return result!.invitationId!;
}

const action = (id: string, what: 'link' | 'resend' | 'reissue' | 'history', cookie = admin) =>
  json(
    t,
    what === 'link' || what === 'history' ? 'GET' : 'POST',
    `/api/v1/orgs/${org}/invitations/${id}/${what}`,
    cookie,
  );
const revoke = (id: string) => json(t, 'DELETE', `/api/v1/orgs/${org}/invitations/${id}`, admin);
const view = (token: string) => t.app.inject({ method: 'GET', url: `/api/v1/invitations/${token}` });
const accept = (token: string, cookie: string) => json(t, 'POST', `/api/v1/invitations/${token}/accept`, cookie);

function expectError(res: LightMyRequestResponse, status: number, code: string) {
  expect(`${res.statusCode} ${res.json().error?.code}`, res.body).toBe(`${status} ${code}`);
}

async function invitationMails(to: string) {
  return (await mailboxMessages(t)).filter((m) => m.to === to).reverse(); // oldest first
}

function tokenOf(link: string): string {
  expect(link.startsWith(`${PUBLIC_URL}/invitations/`), link).toBe(true);
  return link.slice(`${PUBLIC_URL}/invitations/`.length);
}

/** The one invitation link of the newest email to `to`. */
async function linkMailedTo(to: string): Promise<string> {
  const mails = await invitationMails(to);
  const newest = mails.at(-1);
  if (!newest) throw new Error(`no email to ${to}`);
  const links = newest.links.filter((l) => l.includes('/invitations/'));
  expect(links).toHaveLength(1);
  return links[0]!;
}

async function rightsOf(email: string) {
  const row = await t.runtime.deps.db
    .selectFrom('organization_members as m')
    .innerJoin('users as u', 'u.id', 'm.user_id')
    .select('m.rights')
    .where('m.organization_id', '=', org)
    .where('u.email', '=', email)
    .executeTakeFirst();
  return row?.rights;
}

/**
 * The history as "action by actor" lines, sorted: the test clock stands still, and events of one millisecond have
 * no defined order (their ids are time + random), so the order is checked only where the clock moved.
 */
async function historyOf(id: string) {
  const res = await action(id, 'history');
  expect(res.statusCode).toBe(200);
  return (res.json().events as { action: string; actor: { name: string } | null }[])
    .map((e) => `${e.action}${e.actor ? ` by ${e.actor.name}` : ''}`)
    .sort();
}

describe('Invite Member', () => {
  it('reports each distinct address once: invited, and invalid address', async () => {
    const results = await invite('a@x.com; b@x.com, A@x.com\nnot-an-address', 'member', 'See you on Monday');
    expect(results.map(({ email, outcome }) => ({ email, outcome }))).toEqual([
      { email: 'a@x.com', outcome: 'invited' },
      { email: 'b@x.com', outcome: 'invited' },
      { email: 'not-an-address', outcome: 'invalid address' },
    ]);
    expect(results.filter((r) => r.invitationId)).toHaveLength(2);
    // Nothing is sent twice to one address in one request.
    expect(await invitationMails('a@x.com')).toHaveLength(1);
  });

  it('answers already invited for a pending invitation and already a member for a member', async () => {
    const results = await invite(['a@x.com', 'ADA.ADMIN@example.com']);
    expect(results.map((r) => r.outcome)).toEqual(['already invited', 'already a member']);
    expect(results.every((r) => r.invitationId === null)).toBe(true);
    expect(await invitationMails('a@x.com')).toHaveLength(1);
  });

  it('refuses a request that names no address', async () => {
    const empty = await json(t, 'POST', `/api/v1/orgs/${org}/invitations`, admin, { emails: ' ; ', rights: 'member' });
    expect(empty.statusCode).toBe(400);
    expect(empty.json().error.code).toBe('VALIDATION_FAILED');
  });

  it('emails the organization, the inviter, the rights, the message and one link', async () => {
    const [mail] = await invitationMails('a@x.com');
    expect(mail!.subject).toContain('Ada Admin');
    expect(mail!.subject).toContain('Acme Engineering');
    expect(mail!.text).toContain('Acme Engineering');
    expect(mail!.text).toContain('Ada Admin');
    expect(mail!.text).toContain('User Rights: Member');
    expect(mail!.text).toContain('See you on Monday');
    expect(new Set(mail!.links)).toEqual(new Set([await linkMailedTo('a@x.com')]));
    expect(tokenOf(mail!.links[0]!).length).toBeGreaterThan(40);
  });
});

describe('the invitation page and accepting', () => {
  it('shows organization, inviter and state by token, without a session', async () => {
    const res = await view(tokenOf(await linkMailedTo('a@x.com')));
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      organization: { name: 'Acme Engineering' },
      inviter: { name: 'Ada Admin' },
      email: 'a@x.com',
      rights: 'member',
      state: 'pending',
    });
  });

  it('answers 404 for a forged or unknown token', async () => {
    const token = tokenOf(await linkMailedTo('a@x.com'));
    const forged = `${token.slice(0, -4)}${token.endsWith('AAAA') ? 'BBBB' : 'AAAA'}`;
    expect((await view(forged)).statusCode).toBe(404);
    expect((await view('inv_00000000000000000000000000.nothing')).statusCode).toBe(404);
    expect((await view('no-dot-at-all')).statusCode).toBe(404);
  });

  it('refuses another address, and the invited address while unverified, with EMAIL_MISMATCH', async () => {
    const token = tokenOf(await linkMailedTo('a@x.com'));
    const other = await createSignedInUser(t, 'someone.else@x.com', 'Someone Else');
    expectError(await accept(token, other), 403, 'EMAIL_MISMATCH');
    const unverifiedB = await createSignedInUser(t, 'b@x.com', 'Bea Unverified', { emailVerified: false });
    expectError(await accept(tokenOf(await linkMailedTo('b@x.com')), unverifiedB), 403, 'EMAIL_MISMATCH');
    expect(await rightsOf('someone.else@x.com')).toBeUndefined();
  });

  it('makes the invited user a member once; the link is then used', async () => {
    const token = tokenOf(await linkMailedTo('a@x.com'));
    const a = await createSignedInUser(t, 'a@x.com', 'Alex Invitee');
    const res = await accept(token, a);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({ organization: { id: org, name: 'Acme Engineering' }, rights: 'member' });
    expect(await rightsOf('a@x.com')).toBe('member');
    expectError(await accept(token, a), 409, 'INVITATION_USED');
    expect((await view(token)).json().state).toBe('accepted');
    // A member now: inviting the address again says so.
    expect((await invite('a@x.com')).map((r) => r.outcome)).toEqual(['already a member']);
  });

  it('gives the invited rights: Admin', async () => {
    await inviteOne('c@x.com', 'admin');
    const c = await createSignedInUser(t, 'c@x.com', 'Cleo Second');
    const res = await accept(tokenOf(await linkMailedTo('c@x.com')), c);
    expect(res.json().rights).toBe('admin');
    expect(await rightsOf('c@x.com')).toBe('admin');
    const mail = (await invitationMails('c@x.com'))[0]!;
    expect(mail.text).toContain('User Rights: Admin');
  });

  it('refuses a revoked invitation with INVITATION_REVOKED', async () => {
    const id = await inviteOne('d@x.com');
    const token = tokenOf(await linkMailedTo('d@x.com'));
    expect((await revoke(id)).statusCode).toBe(204);
    const d = await createSignedInUser(t, 'd@x.com', 'Dana Revoked');
    expectError(await accept(token, d), 409, 'INVITATION_REVOKED');
    expectError(await revoke(id), 409, 'INVITATION_REVOKED');
    expectError(await action(id, 'link'), 409, 'INVITATION_REVOKED');
    expect((await view(token)).json().state).toBe('revoked');
    expect(await rightsOf('d@x.com')).toBeUndefined();
    expect(await historyOf(id)).toEqual(['revoked by Ada Admin', 'sent by Ada Admin']);
    // Revoked is no longer pending: the address can be invited again.
    expect((await invite('d@x.com')).map((r) => r.outcome)).toEqual(['invited']);
  });
});

describe('row actions', () => {
  let eId: string;

  it('copies the original link', async () => {
    eId = await inviteOne('e@x.com', 'member', 'Bring your laptop');
    const res = await action(eId, 'link');
    expect(res.statusCode).toBe(200);
    expect(res.json().link).toBe(await linkMailedTo('e@x.com'));
  });

  it('resends the same link and message five times a day, and refuses the sixth', async () => {
    const link = await linkMailedTo('e@x.com');
    const { expiresAt } = (await view(tokenOf(link))).json();
    const statuses: number[] = [];
    for (let i = 0; i < 5; i++) statuses.push((await action(eId, 'resend', i === 4 ? operator : admin)).statusCode);
    expect(statuses).toEqual([204, 204, 204, 204, 204]);
    expectError(await action(eId, 'resend'), 409, 'RESEND_LIMIT_REACHED');
    const mails = await invitationMails('e@x.com');
    expect(mails).toHaveLength(6);
    for (const mail of mails) {
      expect(mail.links.filter((l) => l.includes('/invitations/'))).toEqual([link]);
      expect(mail.text).toContain('Bring your laptop');
    }
    expect(
      mails.filter((m) => m.subject.startsWith('Reminder: Ada Admin invites you to Acme Engineering')),
    ).toHaveLength(5);
    // No new expiry.
    expect((await view(tokenOf(link))).json().expiresAt).toBe(expiresAt);
  });

  it('records the history with who did what', async () => {
    expect(await historyOf(eId)).toEqual([
      'link copied by Ada Admin',
      'resent by Ada Admin',
      'resent by Ada Admin',
      'resent by Ada Admin',
      'resent by Ada Admin',
      'resent by Olivia Operator',
      'sent by Ada Admin',
    ]);
  });

  it('resends again the next day', async () => {
    t.clock.advance(DAY);
    expect((await action(eId, 'resend')).statusCode).toBe(204);
  });

  it('answers 404 for an invitation of another organization, like an unknown id', async () => {
    const { organizationId: other } = await createOrganizationWithAsset(t, operator, {
      code: 'globex',
      name: 'Globex',
      serial: 'GLBX-0000-0001',
    });
    const [bob] = await createSignedInUsers(t, [{ email: 'bob.admin@example.com', name: 'Bob Admin' }]);
    await json(t, 'POST', `/api/v1/operator/organizations/${other}/administrators`, operator, {
      email: 'bob.admin@example.com',
    });
    const mine = await json(t, 'GET', `/api/v1/orgs/${other}/invitations/${eId}/link`, bob!.cookie);
    const unknown = await json(
      t,
      'GET',
      `/api/v1/orgs/${other}/invitations/inv_00000000000000000000000000/link`,
      bob!.cookie,
    );
    expect(mine.statusCode).toBe(404);
    expect(mine.json().error.message).toBe(unknown.json().error.message);
    expect((await json(t, 'DELETE', `/api/v1/orgs/${other}/invitations/${eId}`, bob!.cookie)).statusCode).toBe(404);
  });
});

describe('expiry and Send new invitation', () => {
  let fId: string;
  let hId: string;
  let oldToken: string;

  it('refuses Send new invitation while the invitation has not expired', async () => {
    fId = await inviteOne('f@x.com', 'admin', 'Welcome aboard');
    hId = await inviteOne('h@x.com');
    oldToken = tokenOf(await linkMailedTo('f@x.com'));
    expectError(await action(fId, 'reissue'), 409, 'INVITATION_NOT_EXPIRED');
  });

  it('after 8 days: the page says expired, and accept, resend and copy link are refused', async () => {
    t.clock.advance(8 * DAY);
    await signInAgainAfterAWeek();
    expect((await view(oldToken)).json().state).toBe('expired');
    const f = await createSignedInUser(t, 'f@x.com', 'Finn Late');
    expect((await json(t, 'GET', '/api/v1/me', admin)).statusCode).toBe(200);
    expectError(await accept(oldToken, f), 409, 'INVITATION_EXPIRED');
    expectError(await action(fId, 'resend'), 409, 'INVITATION_EXPIRED');
    expectError(await action(fId, 'link'), 409, 'INVITATION_EXPIRED');
    expect(await rightsOf('f@x.com')).toBeUndefined();
    // Nothing recorded the expiry yet; the history shows it all the same, at the moment it happened.
    const events = (await action(fId, 'history')).json().events as { action: string; at: string }[];
    expect(events.map((e) => e.action).sort()).toEqual(['expired', 'sent']);
    // A fresh invitation is not expired: Send new invitation stays refused for it.
    const gId = await inviteOne('g@x.com');
    expectError(await action(gId, 'reissue'), 409, 'INVITATION_NOT_EXPIRED');
  });

  it('Send new invitation makes a new link that works; the old link stays dead', async () => {
    const res = await action(fId, 'reissue');
    expect(res.statusCode, res.body).toBe(200);
    const newId = res.json().id as string;
    expect(newId).not.toBe(fId);
    const newLink = await linkMailedTo('f@x.com');
    const newToken = tokenOf(newLink);
    expect(newToken).not.toBe(oldToken);
    const mail = (await invitationMails('f@x.com')).at(-1)!;
    expect(mail.text).toContain('Welcome aboard');
    expect(mail.text).toContain('User Rights: Admin');
    expect((await view(newToken)).json()).toMatchObject({ state: 'pending', rights: 'admin' });
    expect(new Date((await view(newToken)).json().expiresAt).getTime()).toBe(t.clock.now().getTime() + 7 * DAY);
    // Only once: the old one is replaced.
    expect((await action(fId, 'reissue')).statusCode).toBe(409);

    const f = await createSignedInUser(t, 'f2@x.com', 'Not Finn');
    expectError(await accept(newToken, f), 403, 'EMAIL_MISMATCH');
    const finnCookie = await signedInAgain('f@x.com');
    const old = await accept(oldToken, finnCookie);
    expect(old.statusCode).toBe(409);
    expect(['INVITATION_EXPIRED', 'INVITATION_USED']).toContain(old.json().error.code);
    const accepted = await accept(newToken, finnCookie);
    expect(accepted.statusCode, accepted.body).toBe(200);
    expect(await rightsOf('f@x.com')).toBe('admin');
    expect((await accept(oldToken, finnCookie)).statusCode).toBe(409);

    expect(await historyOf(fId)).toEqual(['expired', 're-issued by Ada Admin', 'sent by Ada Admin']);
    expect(await historyOf(newId)).toEqual(['accepted by Finn Late', 'sent by Ada Admin']);
  });

  it('inviting an address whose invitation expired invites it again and records the expiry', async () => {
    const results = await invite('h@x.com');
    expect(results.map((r) => r.outcome)).toEqual(['invited']);
    expect(results[0]!.invitationId).not.toBe(hId);
    expect(await historyOf(hId)).toEqual(['expired', 'sent by Ada Admin']);
  });
});

/** Sessions last 7 days: after moving the clock past that, the administrator and the operator sign in again. */
async function signInAgainAfterAWeek() {
  admin = (await createSession(t, adminId)).cookie;
  operator = (await createSession(t, operatorId)).cookie;
}

/** Another session of an account made earlier in this file. */
async function signedInAgain(email: string): Promise<string> {
  const user = await t.runtime.deps.db
    .selectFrom('users')
    .select('id')
    .where('email', '=', email)
    .executeTakeFirstOrThrow();
  return (await createSession(t, user.id)).cookie;
}

describe('member actions', () => {
  const patch = (userId: string, rights: Rights, cookie = admin) =>
    json(t, 'PATCH', `/api/v1/orgs/${org}/members/${userId}`, cookie, { rights });
  const remove = (userId: string, cookie = admin) => json(t, 'DELETE', `/api/v1/orgs/${org}/members/${userId}`, cookie);
  const idOf = async (email: string) =>
    (await t.runtime.deps.db.selectFrom('users').select('id').where('email', '=', email).executeTakeFirstOrThrow()).id;

  it('changes User Rights both ways and removes a member', async () => {
    const a = await idOf('a@x.com');
    expect((await patch(a, 'admin')).statusCode).toBe(204);
    expect(await rightsOf('a@x.com')).toBe('admin');
    expect((await patch(a, 'member')).statusCode).toBe(204);
    expect(await rightsOf('a@x.com')).toBe('member');
    expect((await remove(a)).statusCode).toBe(204);
    expect(await rightsOf('a@x.com')).toBeUndefined();
    expect((await remove(a)).statusCode).toBe(404);
    expect((await patch(a, 'admin')).statusCode).toBe(404);
  });

  it('refuses to demote or remove the last administrator with LAST_ADMINISTRATOR', async () => {
    // c@x.com and f@x.com joined as administrators: remove one, demote the other, then Ada is the last one.
    expect((await remove(await idOf('c@x.com'))).statusCode).toBe(204);
    expect((await patch(await idOf('f@x.com'), 'member')).statusCode).toBe(204);
    expectError(await patch(adminId, 'member'), 409, 'LAST_ADMINISTRATOR');
    expectError(await remove(adminId), 409, 'LAST_ADMINISTRATOR');
    expectError(await patch(adminId, 'member', operator), 409, 'LAST_ADMINISTRATOR');
    expect(await rightsOf('ada.admin@example.com')).toBe('admin');
    // With a second administrator, Ada may step down.
    expect((await patch(await idOf('f@x.com'), 'admin')).statusCode).toBe(204);
    expect((await patch(adminId, 'member', operator)).statusCode).toBe(204);
    expect(await rightsOf('ada.admin@example.com')).toBe('member');
  });
});
