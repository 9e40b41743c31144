import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderLayout } from '../../src/lib/email-layout.js';
import { MailWorker } from '../../src/modules/mail/mail.worker.js';
import { enqueueEmails } from '../../src/modules/mail/outbox.writer.js';
import { smtpTransport } from '../../src/modules/mail/transport.js';
import { SmtpPeer } from '../helpers/smtp-peer.js';
import { createTestApp, type TestApp } from '../helpers/test-app.js';

/**
 * SPEC §2.7 "none is sent twice in normal operation", with several server instances on one database: workers that
 * drain the same outbox at the same moment claim each row once (one guarded update per wave of rows), so every
 * message reaches SMTP exactly once. On PostgreSQL the workers' statements really run side by side.
 */
let t: TestApp;
let peer: SmtpPeer;
const workers: MailWorker[] = [];

beforeAll(async () => {
  peer = new SmtpPeer();
  await peer.start();
  t = await createTestApp({ env: { SMTP_URL: peer.url } });
  for (let i = 0; i < 3; i++) {
    workers.push(
      new MailWorker({
        db: t.runtime.deps.db,
        transport: smtpTransport(peer.url),
        clock: t.clock,
        from: 'Portico <portico@localhost>',
        log: { info: () => {}, warn: () => {} },
        batchSize: 40,
      }),
    );
  }
});
afterAll(async () => {
  for (const worker of workers) await worker.stop();
  await t.close();
  await peer.stop();
});

describe('several workers draining one outbox at once', () => {
  it('deliver each message once and mark every one sent', async () => {
    const addresses = Array.from({ length: 120 }, (_, i) => `race-${i}@example.com`);
    const emails = addresses.map((to) => ({
      email: renderLayout({
        kind: 'test',
        to,
        subject: `Race ${to}`,
        greeting: 'Hello,',
        paragraphs: ['One of three workers sends this.'],
        action: { label: 'Open', url: 'http://portico.test/' },
        footer: '—',
      }),
      context: {},
    }));
    await enqueueEmails(t.runtime.deps.db, emails, t.clock.now());

    // Each pass takes up to 40 due rows; three workers, three passes each, race for the same 120.
    for (let pass = 0; pass < 3; pass++) await Promise.all(workers.map((worker) => worker.drainOnce()));

    const received = peer.messages.flatMap((m) => m.to).filter((to) => to.startsWith('race-'));
    expect(received.sort()).toEqual([...addresses].sort());
    const rows = await t.runtime.deps.db
      .selectFrom('outbox_emails')
      .select(['status', 'attempts'])
      .where('kind', '=', 'test')
      .execute();
    expect(rows).toHaveLength(addresses.length);
    expect(rows.every((r) => r.status === 'sent' && Number(r.attempts) === 1)).toBe(true);
  });
});
