import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { upsertMember } from '../../src/modules/members/members.repository.js';
import { createOrganizationWithAsset, createSignedInUser, json } from '../helpers/factories.js';
import { createTestApp, type TestApp } from '../helpers/test-app.js';

/** Idempotency-Key (SPEC §4.2): a retried change answers what the first attempt answered and happens once. */
let t: TestApp;
let org: string;
let admin: string;
let otherAdmin: string;

beforeAll(async () => {
  t = await createTestApp();
  const operator = await createSignedInUser(t, 'op@example.com', 'Olive Operator', { isOperator: true });
  org = (await createOrganizationWithAsset(t, operator, { code: 'idem', name: 'Idem Ltd', serial: 'IDM000000001' }))
    .organizationId;
  admin = await createSignedInUser(t, 'boss@example.com', 'Bea Boss');
  otherAdmin = await createSignedInUser(t, 'deputy@example.com', 'Dan Deputy');
  for (const cookie of [admin, otherAdmin]) {
    const id = (await json(t, 'GET', '/api/v1/me', cookie)).json().user.id;
    await upsertMember(t.runtime.deps.db, org, id, 'admin', t.clock.now());
  }
});
afterAll(async () => t.close());

function invite(cookie: string, key: string | undefined, emails: string) {
  return t.app.inject({
    method: 'POST',
    url: `/api/v1/orgs/${org}/invitations`,
    headers: { cookie, ...(key === undefined ? {} : { 'idempotency-key': key }) },
    payload: { emails, rights: 'member' },
  });
}

async function invitationsTo(email: string): Promise<number> {
  const rows = await t.runtime.deps.db.selectFrom('invitations').select('id').where('email', '=', email).execute();
  return rows.length;
}

describe('Idempotency-Key', () => {
  it('answers a retry with the first answer, marked as replayed, and changes nothing more', async () => {
    const first = await invite(admin, 'retry-1', 'once@example.com');
    expect(first.statusCode).toBe(200);
    expect(first.json().results[0].outcome).toBe('invited');
    const again = await invite(admin, 'retry-1', 'once@example.com');
    expect(again.statusCode).toBe(200);
    expect(again.headers['idempotent-replayed']).toBe('true');
    // The same answer, "invited" with the same id: not "already invited", which running it twice would say.
    expect(again.json()).toEqual(first.json());
    expect(await invitationsTo('once@example.com')).toBe(1);
  });

  it('refuses the same key with a different request (422), and runs nothing', async () => {
    const res = await invite(admin, 'retry-1', 'someone-else@example.com');
    expect(res.statusCode).toBe(422);
    expect(res.json().error).toMatchObject({ code: 'IDEMPOTENCY_KEY_REUSED', details: [{ path: 'Idempotency-Key' }] });
    expect(await invitationsTo('someone-else@example.com')).toBe(0);
  });

  it('keeps keys per caller: another administrator’s same key is a request of its own', async () => {
    const res = await invite(otherAdmin, 'retry-1', 'deputy-guest@example.com');
    expect(res.statusCode).toBe(200);
    expect(res.headers['idempotent-replayed']).toBeUndefined();
    expect(await invitationsTo('deputy-guest@example.com')).toBe(1);
  });

  it('replays a refusal too, and a 204', async () => {
    const id = (await invite(admin, undefined, 'fresh@example.com')).json().results[0].invitationId;
    const reissue = () =>
      t.app.inject({
        method: 'POST',
        url: `/api/v1/orgs/${org}/invitations/${id}/reissue`,
        headers: { cookie: admin, 'idempotency-key': 'reissue-1' },
      });
    const refused = await reissue();
    expect(refused.statusCode).toBe(409);
    expect((await reissue()).json().error.code).toBe('INVITATION_NOT_EXPIRED');
    const revoke = () =>
      t.app.inject({
        method: 'DELETE',
        url: `/api/v1/orgs/${org}/invitations/${id}`,
        headers: { cookie: admin, 'idempotency-key': 'revoke-1' },
      });
    expect((await revoke()).statusCode).toBe(204);
    // Run twice, the second revoke would be 409 INVITATION_REVOKED.
    const replayed = await revoke();
    expect(replayed.statusCode).toBe(204);
    expect(replayed.headers['idempotent-replayed']).toBe('true');
  });

  it('lets 20 concurrent retries run the change once', async () => {
    const answers = await Promise.all(Array.from({ length: 20 }, () => invite(admin, 'burst-1', 'burst@example.com')));
    expect(await invitationsTo('burst@example.com')).toBe(1);
    for (const res of answers) {
      if (res.statusCode === 200) expect(res.json().results[0].outcome).toBe('invited');
      else expect(res.json().error.code).toBe('IDEMPOTENCY_KEY_IN_USE');
    }
    expect(answers.filter((r) => r.statusCode === 200 && !r.headers['idempotent-replayed'])).toHaveLength(1);
  });

  it('refuses a malformed key with 400 naming the header, and forgets keys after a day', async () => {
    const long = await invite(admin, 'k'.repeat(256), 'long@example.com');
    expect(long.statusCode).toBe(400);
    expect(long.json().error.details[0].path).toBe('Idempotency-Key');
    expect(await invitationsTo('long@example.com')).toBe(0);

    await invite(admin, 'daily-1', 'daily@example.com');
    t.clock.advance(23 * 3_600_000);
    expect((await invite(admin, 'daily-1', 'daily@example.com')).headers['idempotent-replayed']).toBe('true');
    t.clock.advance(2 * 3_600_000);
    // A day later the key is forgotten: the same key and request run again (and find the address already invited).
    const later = await invite(admin, 'daily-1', 'daily@example.com');
    expect(later.headers['idempotent-replayed']).toBeUndefined();
    expect(later.json().results[0].outcome).toBe('already invited');
  });
});
