import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { redactUrl } from '../../src/http/logging.js';
import { createOrganizationWithAsset, createSignedInUsers, json } from '../helpers/factories.js';
import { freePort, htmlPart, linksIn, SmtpPeer, textPart } from '../helpers/smtp-peer.js';
import { createTestApp, type TestApp } from '../helpers/test-app.js';

/** The invitation email (SPEC §2.4) as a real SMTP peer receives it; the token never reaches the log. */
const PUBLIC_URL = 'https://portal.example.com';

let t: TestApp;
let peer: SmtpPeer;
let org: string;
let admin: string;

beforeAll(async () => {
  peer = new SmtpPeer({ port: await freePort() });
  await peer.start();
  t = await createTestApp({ env: { SMTP_URL: peer.url, PUBLIC_URL } });
  const [operator, ada] = await createSignedInUsers(t, [
    { email: 'operator@example.com', name: 'Olivia Operator', options: { isOperator: true } },
    { email: 'ada.admin@example.com', name: 'Ada Admin' },
  ]);
  ({ organizationId: org } = await createOrganizationWithAsset(t, operator!.cookie, {
    code: 'initech',
    name: 'Initech Labs',
    serial: 'INIT-0000-0001',
  }));
  const appointed = await json(t, 'POST', `/api/v1/operator/organizations/${org}/administrators`, operator!.cookie, {
    email: 'ada.admin@example.com',
  });
  expect(appointed.statusCode).toBe(200);
  admin = ada!.cookie;
});
afterAll(async () => {
  await t?.close();
  await peer?.stop();
});

describe('the invitation email over SMTP', () => {
  it('names the organization, the inviter and the rights, carries the message and exactly one link', async () => {
    const res = await json(t, 'POST', `/api/v1/orgs/${org}/invitations`, admin, {
      emails: 'new.admin@example.com',
      rights: 'admin',
      message: 'Please take over the licences while I am away.',
    });
    expect(res.json().results[0].outcome).toBe('invited');
    const member = await json(t, 'POST', `/api/v1/orgs/${org}/invitations`, admin, {
      emails: 'new.member@example.com',
      rights: 'member',
    });
    expect(member.json().results[0].outcome).toBe('invited');
    const id = res.json().results[0].invitationId as string;
    const { link } = (await json(t, 'GET', `/api/v1/orgs/${org}/invitations/${id}/link`, admin)).json();

    await t.runtime.worker.drainOnce();
    await peer.waitForMessages(2);
    const [mail] = peer.to('new.admin@example.com');
    expect(mail).toBeDefined();
    expect(mail!.subject).toBe('Ada Admin invites you to Initech Labs in Portico');
    const text = textPart(mail!);
    expect(text).toContain('Initech Labs');
    expect(text).toContain('Ada Admin');
    expect(text).toContain('User Rights: Admin');
    expect(text).toContain('Please take over the licences while I am away.');
    expect(new Set(linksIn(text))).toEqual(new Set([link]));
    expect(link).toMatch(new RegExp(`^${PUBLIC_URL}/invitations/${id}\\.[A-Za-z0-9_-]{40,}$`));
    const html = htmlPart(mail!);
    expect(html).toContain('Initech Labs');
    expect(html).toContain('Please take over the licences while I am away.');
    expect(new Set(linksIn(html))).toEqual(new Set([link]));

    const [memberMail] = peer.to('new.member@example.com');
    expect(textPart(memberMail!)).toContain('User Rights: Member');
    expect(textPart(memberMail!)).not.toContain('wrote:');
  });
});

describe('names, dates and the message as people read them', () => {
  it('greets by first name, writes the expiry in words (UTC) and keeps the message’s line breaks, escaped', async () => {
    // The test clock starts now: expiry is 7 days after it.
    t.clock.set(new Date('2026-11-29T09:15:00Z'));
    const res = await json(t, 'POST', `/api/v1/orgs/${org}/invitations`, admin, {
      invitees: [{ email: 'pat@example.com', firstName: 'Pat', lastName: 'Lee' }],
      rights: 'member',
      message: 'Hi <Pat>,\nthe licences are ready.\r\nSee you Monday & thanks',
    });
    expect(res.json().results[0].outcome, res.body).toBe('invited');
    await t.runtime.worker.drainOnce();
    await peer.waitForMessages(3);
    const [mail] = peer.to('pat@example.com');
    const text = textPart(mail!);
    expect(text.startsWith('Hello Pat,')).toBe(true);
    expect(text).toContain('The invitation is valid until Sunday 6 December 2026, 09:15 UTC.');
    expect(text).toContain('Ada Admin wrote:\n“Hi <Pat>,\nthe licences are ready.');
    const html = htmlPart(mail!);
    expect(html).toContain('Hello Pat,');
    expect(html).toContain('Sunday 6 December 2026, 09:15 UTC');
    expect(html).toContain('“Hi &#60;Pat&#62;,<br>the licences are ready.<br>See you Monday &#38; thanks”');
    expect(html).not.toContain('<Pat>');
  });
});

describe('the log', () => {
  it('never shows an invitation token: the request URL is redacted', () => {
    expect(redactUrl('/invitations/inv_x.sig?x=1')).toBe('/invitations/[redacted]?x=1');
    expect(redactUrl('/api/v1/invitations/inv_x.sig/accept')).toBe('/api/v1/invitations/[redacted]/accept');
    expect(redactUrl('/api/v1/invitations/inv_x.sig')).not.toContain('sig');
  });
});
