// A local SMTP server that accepts every message and counts it, for the outbox drain rate of SPEC §6. Bodies are
// thrown away as they stream in (10,000 invitations would otherwise sit in the harness's memory), except those of
// messages to `keepFor` addresses, so the harness can read a verification link sent to its own bench accounts.
import { SMTPServer } from 'smtp-server';
import { onCleanup } from './cleanup.mjs';
import { freePort } from './processes.mjs';

/** Undoes quoted-printable: soft line breaks go and each =XX is one byte. Enough to read a link. */
function unquote(text) {
  return text
    .replace(/=\r?\n/g, '')
    .replace(/=([0-9A-F]{2})/gi, (_, hex) => String.fromCharCode(Number.parseInt(hex, 16)));
}

export async function startSmtpSink({ keepFor = (address) => address.startsWith('bench-') } = {}) {
  const kept = new Map();
  const sink = {
    url: '',
    /** Messages accepted so far (not counting the kept ones), and when the last arrived (performance.now()). */
    received: 0,
    lastAt: 0,
    /** Waits until `count` messages have arrived or `timeoutMs` passed; returns the count then. */
    async waitFor(count, timeoutMs) {
      const deadline = performance.now() + timeoutMs;
      while (sink.received < count && performance.now() < deadline) await new Promise((r) => setTimeout(r, 5));
      return sink.received;
    },
    /** The verification token the server mailed to `address` (a bench account), waiting for it a little. */
    async verificationToken(address, timeoutMs = 10_000) {
      const deadline = performance.now() + timeoutMs;
      while (performance.now() < deadline) {
        const token = /verify-email\?token=([\w.-]+)/.exec(kept.get(address) ?? '')?.[1];
        if (token) return token;
        await new Promise((r) => setTimeout(r, 20));
      }
      throw new Error(`no verification email for ${address} reached the SMTP sink within ${timeoutMs} ms`);
    },
  };
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    disableReverseLookup: true,
    closeTimeout: 50, // the server's pooled connections stay open; cut them at once when the run ends
    onData(stream, session, callback) {
      const to = session.envelope.rcptTo.map((r) => r.address);
      const keep = to.find(keepFor);
      const chunks = [];
      stream.on('data', (chunk) => keep && chunks.push(chunk));
      stream.on('end', () => {
        if (keep) kept.set(keep, unquote(Buffer.concat(chunks).toString('utf8')));
        else {
          sink.received += 1;
          sink.lastAt = performance.now();
        }
        callback(null, 'Queued');
      });
    },
  });
  server.on('error', () => {}); // a client hanging up is normal here
  const port = await freePort();
  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', resolve);
  });
  sink.url = `smtp://127.0.0.1:${port}`;
  onCleanup(`stop SMTP sink on ${port}`, () => new Promise((resolve) => server.close(resolve)));
  return sink;
}
