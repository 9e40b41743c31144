import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, PASSWORD, post, type TestApp } from '../helpers/test-app.js';

let t: TestApp;
beforeAll(async () => {
  // Many sign-ups from one address in a moment: lift the per-IP limit for this file only.
  t = await createTestApp({ rateRules: { signUpPerIp: { limit: 1000, windowMs: 3_600_000 } } });
});
afterAll(async () => t.close());

describe('the first account becomes the operator', () => {
  it('grants exactly one operator when the first sign-ups arrive at the same moment', async () => {
    const emails = Array.from({ length: 30 }, (_, i) => `racer-${i}@example.com`);
    const answers = await Promise.all(
      emails.map((email) => post(t, '/api/auth/sign-up', { name: 'Racer', email, password: PASSWORD })),
    );
    expect(answers.map((a) => a.statusCode)).toEqual(emails.map(() => 202));

    const { db } = t.runtime.deps;
    const operators = await db.selectFrom('users').select('id').where('is_operator', '=', 1).execute();
    expect(operators).toHaveLength(1);
    const grants = await db
      .selectFrom('audit_events')
      .select(['target_id'])
      .where('action', '=', 'operator.granted')
      .execute();
    expect(grants).toEqual([{ target_id: operators[0]?.id }]);
    // Every account got its verification email and its audit event, each exactly once.
    const emailsQueued = await db
      .selectFrom('outbox_emails')
      .select('to_address')
      .where('kind', '=', 'verify-email')
      .execute();
    expect(emailsQueued.map((e) => e.to_address).sort()).toEqual([...emails].sort());
    const signedUp = await db
      .selectFrom('audit_events')
      .select('id')
      .where('action', '=', 'account.signed_up')
      .execute();
    expect(signedUp).toHaveLength(emails.length);
  });
});
