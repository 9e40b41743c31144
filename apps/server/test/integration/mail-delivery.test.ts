import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toDate } from '../../src/lib/time.js';
import {
  type ChildDatabase,
  createChildDatabase,
  ensureBuilt,
  queryChild,
  type ServerProcess,
  startServer,
  TEST_SECRET,
  waitUntil,
} from '../helpers/child-process.js';
import { freePort, htmlPart, linksIn, SmtpPeer, textPart } from '../helpers/smtp-peer.js';
import { createTestApp, PASSWORD, post, type TestApp } from '../helpers/test-app.js';

/**
 * SPEC §2.7 and §6: every email goes through the outbox to a real SMTP server; nothing is lost while SMTP is down,
 * failing or the process dies, and nothing is sent twice. The worker is driven with drainOnce() and the test
 * clock, so backoff passes without sleeping.
 */
const PUBLIC_URL = 'http://portico.test:8080';

let t: TestApp;
let peer: SmtpPeer;

beforeAll(async () => {
  // The port is fixed before the app exists, so the peer can be down at first and come up where the app points.
  peer = new SmtpPeer({ port: await freePort() });
  t = await createTestApp({
    env: { SMTP_URL: `smtp://127.0.0.1:${peer.port}`, PUBLIC_URL },
    worker: { retryBaseMs: 50 },
  });
});
afterAll(async () => {
  await t.close();
  await peer.stop();
});

function outboxTo(email: string) {
  return t.runtime.deps.db.selectFrom('outbox_emails').selectAll().where('to_address', '=', email).execute();
}

async function signUp(email: string): Promise<void> {
  const res = await post(t, '/api/auth/sign-up', { name: 'Mail Test', email, password: PASSWORD });
  expect(res.statusCode).toBe(202);
}

describe('delivery over SMTP', () => {
  it('delivers the verification email once, with a text and an HTML part and a link on PUBLIC_URL', async () => {
    await peer.start();
    const email = 'delivered@example.com';
    await signUp(email);
    await t.runtime.worker.drainOnce();

    const [message, ...more] = peer.to(email);
    expect(more).toHaveLength(0);
    expect(message?.subject).toBe('Verify your email address for Portico');
    const text = textPart(message!);
    const html = htmlPart(message!);
    expect(text).not.toBe('');
    expect(html).toContain('<a href=');
    const [link] = linksIn(text);
    expect(link?.startsWith(`${PUBLIC_URL}/verify-email?token=`)).toBe(true);
    expect(html).toContain(link);

    const [row] = await outboxTo(email);
    expect(row).toMatchObject({ status: 'sent', attempts: 1, last_error: null, kind: 'verify-email' });
    expect(message?.messageId).toBe(`<${row?.id}@portico>`);

    // Another pass, and time passing, send nothing again.
    t.clock.advance(3_600_000);
    await t.runtime.worker.drainOnce();
    expect(peer.to(email)).toHaveLength(1);
  });

  it('has written the outbox row before the sign-up answer returns', async () => {
    const email = 'written-first@example.com';
    const res = await post(t, '/api/auth/sign-up', { name: 'Mail Test', email, password: PASSWORD });
    expect(res.statusCode).toBe(202);
    // Nothing has driven the worker yet (its timer is not running in tests): only the request can have written it.
    const rows = await outboxTo(email);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ status: 'pending', attempts: 0, kind: 'verify-email' });
    await t.runtime.worker.drainOnce();
    expect(peer.to(email)).toHaveLength(1);
  });
});

describe('SMTP down or refusing', () => {
  it('keeps the email while nothing listens, retries after the backoff, and delivers it once', async () => {
    await peer.stop();
    const email = 'smtp-down@example.com';
    await signUp(email);
    await t.runtime.worker.drainOnce();

    const [failed] = await outboxTo(email);
    expect(failed?.status).toBe('pending');
    expect(failed?.attempts).toBeGreaterThanOrEqual(1);
    expect(failed?.last_error).toMatch(/ECONNREFUSED|connect/i);
    expect(toDate(failed?.next_attempt_at).getTime()).toBeGreaterThan(t.clock.now().getTime());

    // Before the backoff has passed the row is not due: no new attempt.
    await t.runtime.worker.drainOnce();
    expect((await outboxTo(email))[0]?.attempts).toBe(failed?.attempts);

    await peer.start();
    t.clock.advance(60_000);
    await t.runtime.worker.drainOnce();
    const [sent] = await outboxTo(email);
    expect(sent).toMatchObject({ status: 'sent', last_error: null });
    expect(peer.to(email)).toHaveLength(1);

    t.clock.advance(3_600_000);
    await t.runtime.worker.drainOnce();
    expect(peer.to(email)).toHaveLength(1);
  });

  it('marks a 550 refusal failed for good and keeps the error', async () => {
    await peer.start();
    peer.answer = 550;
    const email = 'refused@example.com';
    try {
      await signUp(email);
      await t.runtime.worker.drainOnce();
    } finally {
      peer.answer = 'accept';
    }
    const [row] = await outboxTo(email);
    expect(row?.status).toBe('failed');
    expect(row?.attempts).toBe(1);
    // Kept for the administrators' view of the invitation or contact the email concerns (SPEC §2.7).
    expect(row?.last_error).toContain('550');
    expect(peer.refused.filter((m) => m.to.includes(email))).toHaveLength(1);

    // A permanent failure is not retried, even long after and with the peer accepting again.
    t.clock.advance(24 * 3_600_000);
    await t.runtime.worker.drainOnce();
    expect((await outboxTo(email))[0]).toMatchObject({ status: 'failed', attempts: 1 });
    expect(peer.to(email)).toHaveLength(0);
  });

  it('retries a 451 refusal and delivers the email later, once', async () => {
    await peer.start();
    peer.answer = 451;
    const email = 'busy@example.com';
    try {
      await signUp(email);
      await t.runtime.worker.drainOnce();
    } finally {
      peer.answer = 'accept';
    }
    const [retrying] = await outboxTo(email);
    expect(retrying).toMatchObject({ status: 'pending', attempts: 1 });
    expect(retrying?.last_error).toContain('451');
    expect(peer.refused.filter((m) => m.to.includes(email))).toHaveLength(1);

    t.clock.advance(60_000);
    await t.runtime.worker.drainOnce();
    expect((await outboxTo(email))[0]).toMatchObject({ status: 'sent', attempts: 2, last_error: null });
    expect(peer.to(email)).toHaveLength(1);
  });

  it('delivers on its own once the worker runs: a sign-up wakes it', async () => {
    await peer.start();
    const email = 'woken@example.com';
    // Last in this file: stopping the worker closes the SMTP transport.
    t.runtime.worker.start();
    await signUp(email);
    await waitUntil(`an email to ${email}`, () => peer.to(email).length > 0, 5_000);
    await waitUntil('the row marked sent', async () => (await outboxTo(email))[0]?.status === 'sent', 5_000);
    expect(peer.to(email)).toHaveLength(1);
  });
});

describe('kill -9 with SMTP down, then restart', () => {
  let db: ChildDatabase;
  let killPeer: SmtpPeer;
  let server: ServerProcess | null = null;

  beforeAll(async () => {
    ensureBuilt();
    db = await createChildDatabase();
    killPeer = new SmtpPeer({ port: await freePort() });
  });
  afterAll(async () => {
    await server?.kill9();
    await killPeer.stop();
    await db.drop();
  });

  it('loses no acknowledged sign-up and sends each verification email exactly once', async () => {
    const port = await freePort();
    const env = {
      NODE_ENV: 'test',
      SECRET: TEST_SECRET,
      LOG_LEVEL: 'warn',
      PUBLIC_URL: `http://127.0.0.1:${port}`,
      DATA_DIR: db.dir,
      DATABASE_URL: db.url,
      SMTP_URL: `smtp://127.0.0.1:${killPeer.port}`,
    };
    server = await startServer({ port, cwd: db.dir, env });

    const emails = Array.from({ length: 5 }, (_, i) => `crash-${i}@example.com`);
    const answers = await Promise.all(
      emails.map((email) =>
        fetch(`${server?.url}/api/auth/sign-up`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ name: 'Crash Test', email, password: PASSWORD }),
        }),
      ),
    );
    expect(answers.map((a) => a.status)).toEqual([202, 202, 202, 202, 202]);

    // The worker wakes on each sign-up, finds nothing listening, and puts every row back with a later attempt.
    type Row = { to_address: string; status: string; attempts: number; last_error: string | null };
    const tried = await waitUntil('every outbox row tried once and put back', async () => {
      const rows = await queryChild<Row>(
        db.database,
        'select to_address, status, attempts, last_error from outbox_emails',
      );
      return rows.length === 5 && rows.every((r) => r.status === 'pending' && r.attempts >= 1) ? rows : undefined;
    });
    expect(tried.every((r) => r.last_error)).toBe(true);

    await server.kill9();
    server = null;

    // The real worker waits 30 s after a first failure. Rather than wait, do what an operator's "retry now" does:
    // make the pending rows due. This changes no status and no attempt count, so the worker's own claim/send/mark
    // path is what the rest of the test proves.
    await queryChild(
      db.database,
      "update outbox_emails set next_attempt_at = ? where status = 'pending'",
      [new Date(Date.now() - 1000).toISOString()],
      { write: true },
    );

    await killPeer.start();
    server = await startServer({ port, cwd: db.dir, env });
    await killPeer.waitForMessages(5, 15_000);
    await waitUntil('every outbox row sent', async () => {
      const rows = await queryChild<Row>(db.database, 'select status from outbox_emails');
      return rows.every((r) => r.status === 'sent');
    });

    const users = await queryChild<{ email: string }>(db.database, 'select email from users');
    expect(users.map((u) => u.email).sort()).toEqual(emails);
    const delivered = killPeer.messages;
    expect(delivered).toHaveLength(5);
    expect(new Set(delivered.map((m) => m.messageId)).size).toBe(5);
    expect(delivered.flatMap((m) => m.to).sort()).toEqual(emails);
    for (const message of delivered)
      expect(linksIn(textPart(message))[0]).toContain(`${env.PUBLIC_URL}/verify-email?token=`);

    await server.stop();
    server = null;
    expect(killPeer.messages).toHaveLength(5);
  });
});
