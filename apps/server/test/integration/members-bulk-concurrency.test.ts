import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSignedInUsers, json, type SignedInUser } from '../helpers/factories.js';
import { organizationWithAdministrator } from '../helpers/members.js';
import { createTestApp, type TestApp } from '../helpers/test-app.js';

/**
 * Issue 14: a bulk revoke racing the invitees' acceptances of the same invitations has one outcome per invitation:
 * either it was revoked and the acceptance refused, or it was accepted and the revoke answers `already accepted`.
 * Never both, never a membership from a revoked invitation.
 */
let t: TestApp;
let org: string;
let boss: SignedInUser;

beforeAll(async () => {
  t = await createTestApp();
  ({ org, boss } = await organizationWithAdministrator(t, 'rce'));
});
afterAll(async () => t.close());

describe('bulk revoke racing acceptances', () => {
  it('gives each of 30 invitations exactly one outcome', async () => {
    const emails = Array.from({ length: 30 }, (_, i) => `racer-${i}@example.com`);
    const invited = await json(t, 'POST', `/api/v1/orgs/${org}/invitations`, boss.cookie, { emails, rights: 'member' });
    const ids = invited.json().results.map((r: { invitationId: string }) => r.invitationId) as string[];
    const invitees = await createSignedInUsers(
      t,
      emails.map((email) => ({ email, name: email })),
    );
    const tokens = await Promise.all(
      ids.map(async (id) => {
        const link = await json(t, 'GET', `/api/v1/orgs/${org}/invitations/${id}/link`, boss.cookie);
        return (link.json().link as string).split('/invitations/')[1]!;
      }),
    );

    // Half the acceptances go out before the revoke and half after, all without waiting for each other.
    const accept = (i: number) => json(t, 'POST', `/api/v1/invitations/${tokens[i]}/accept`, invitees[i]!.cookie);
    const early = Array.from({ length: 15 }, (_, i) => accept(i));
    const revoke = json(t, 'POST', `/api/v1/orgs/${org}/invitations/revoke`, boss.cookie, { selection: { ids } });
    const late = Array.from({ length: 15 }, (_, i) => accept(i + 15));
    const [accepts, revoked] = await Promise.all([Promise.all([...early, ...late]), revoke]);

    expect(revoked.statusCode).toBe(200);
    const answer = new Map(revoked.json().results.map((r: { id: string; outcome: string }) => [r.id, r.outcome]));
    const members = new Set(
      (
        await t.runtime.deps.db
          .selectFrom('organization_members')
          .select('email')
          .where('organization_id', '=', org)
          .execute()
      ).map((m) => m.email),
    );
    ids.forEach((id, i) => {
      const accepted = accepts[i]!.statusCode === 200;
      expect(answer.get(id), emails[i]).toBe(accepted ? 'already accepted' : 'revoked');
      if (!accepted) expect(accepts[i]!.json().error.code).toBe('INVITATION_REVOKED');
      expect(members.has(emails[i]!), emails[i]).toBe(accepted);
    });
  });
});
