import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { upsertMember } from '../../src/modules/members/members.repository.js';
import { createOperator, createOrganizationWithAsset, json } from '../helpers/factories.js';
import { createTestApp, createUser, type TestApp } from '../helpers/test-app.js';

/**
 * The hot-path reads (session lookup, /me's organizations) are prepared statements outside Kysely. They must see
 * only committed data, also while another request's transaction is open (on SQLite: a separate read-only
 * connection; on PostgreSQL: another pooled connection).
 */
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ sqliteFile: true });
});
afterAll(async () => t.close());

describe('reads on the hot path', () => {
  it('do not see a transaction that is still open, nor one rolled back', async () => {
    const operator = await createOperator(t);
    const { organizationId } = await createOrganizationWithAsset(t, operator, {
      code: 'iso',
      name: 'Isolation Inc',
      serial: 'ISO000000001',
    });
    const user = await createUser(t, 'reader@example.com');
    const userId = (await json(t, 'GET', '/api/v1/me', user)).json().user.id;

    const rollback = new Error('roll back on purpose');
    await expect(
      t.runtime.deps.db.transaction().execute(async (trx) => {
        await upsertMember(trx, organizationId, userId, 'admin', new Date());
        const during = (await json(t, 'GET', '/api/v1/me', user)).json();
        expect(during.organizations).toEqual([]);
        throw rollback;
      }),
    ).rejects.toBe(rollback);
    expect((await json(t, 'GET', '/api/v1/me', user)).json().organizations).toEqual([]);
  });
});
