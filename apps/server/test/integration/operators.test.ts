import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SYSTEM_ACTOR } from '../../src/modules/audit/audit.repository.js';
import { completeFirstOperator, grantOperator } from '../../src/modules/operator/operators.service.js';
import { createTestApp, createUser, type TestApp } from '../helpers/test-app.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t.close());

async function operators(): Promise<string[]> {
  const rows = await t.runtime.deps.db
    .selectFrom('users')
    .select('email')
    .where('is_operator', '=', 1)
    .orderBy('email')
    .execute();
  return rows.map((r) => r.email);
}

describe('the first operator', () => {
  it('is completed at start when the process died between the account and the grant', async () => {
    await createUser(t, 'first@example.com');
    await createUser(t, 'second@example.com');
    // What a crash right after Better Auth's commit leaves behind: accounts, no flag, no operator.
    await t.runtime.deps.db.deleteFrom('instance_flags').execute();
    await t.runtime.deps.db.updateTable('users').set({ is_operator: 0 }).execute();

    await completeFirstOperator(t.runtime.deps.db, t.clock);
    expect(await operators()).toEqual(['first@example.com']);
    // Running it again (every start) changes nothing.
    await completeFirstOperator(t.runtime.deps.db, t.clock);
    expect(await operators()).toEqual(['first@example.com']);
  });

  it('is not granted again at start once an operator exists', async () => {
    await grantOperator(t.runtime.deps.db, t.clock, SYSTEM_ACTOR, 'second@example.com');
    await completeFirstOperator(t.runtime.deps.db, t.clock);
    expect(await operators()).toEqual(['first@example.com', 'second@example.com']);
  });
});
