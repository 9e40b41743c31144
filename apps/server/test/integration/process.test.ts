import { statSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type ChildDatabase,
  createChildDatabase,
  ensureBuilt,
  runCli,
  type ServerProcess,
  startServer,
  waitUntil,
} from '../helpers/child-process.js';
import { freePort } from '../helpers/smtp-peer.js';

/** The real `portico serve` process: start-up, the generated secret, restarts and graceful shutdown. */
let db: ChildDatabase;
let port: number;
let env: Record<string, string>;
const running: ServerProcess[] = [];

beforeAll(async () => {
  ensureBuilt();
  db = await createChildDatabase();
  port = await freePort();
  // No SECRET: the server generates one into DATA_DIR, which is what this file checks.
  env = {
    PUBLIC_URL: `http://127.0.0.1:${port}`,
    DATA_DIR: db.dir,
    DATABASE_URL: db.url,
    LOG_LEVEL: 'warn',
    NODE_ENV: 'development',
  };
});

afterAll(async () => {
  for (const server of running) await server.kill9();
  await db.drop();
});

async function start(): Promise<ServerProcess> {
  const server = await startServer({ port, cwd: db.dir, env });
  running.push(server);
  return server;
}

async function json(url: string, body: unknown, cookie?: string) {
  const headers = { 'content-type': 'application/json', ...(cookie ? { cookie } : {}) };
  return fetch(url, { method: 'POST', headers, body: JSON.stringify(body) });
}

describe('portico serve', () => {
  it('starts, keeps a generated secret private, and sessions survive a restart', async () => {
    const first = await start();
    expect(statSync(join(db.dir, 'secret')).mode & 0o777).toBe(0o600);

    const email = 'restart@example.com';
    const password = 'violet-harbour-lantern-42';
    expect((await json(`${first.url}/api/auth/sign-up`, { name: 'Re Start', email, password })).status).toBe(202);
    // Delivery to the dev mailbox is the worker's job, a moment after the answer.
    const link = await waitUntil('the verification email', async () => {
      const mailbox = (await (await fetch(`${first.url}/api/v1/dev/mailbox`)).json()) as {
        messages: { to: string; links: string[] }[];
      };
      return mailbox.messages.find((m) => m.to === email)?.links[0];
    });
    const token = new URL(link).searchParams.get('token');
    expect((await json(`${first.url}/api/auth/verify-email`, { token })).status).toBe(200);
    const signIn = await json(`${first.url}/api/auth/sign-in`, { email, password });
    const cookie = (signIn.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
    expect(cookie).toContain('portico.session_token=');

    await first.stop();
    expect((await first.exited).code).toBe(0);
    const second = await start();
    const me = await fetch(`${second.url}/api/v1/me`, { headers: { cookie } });
    expect(me.status).toBe(200);
    expect(((await me.json()) as { user: { email: string } }).user.email).toBe(email);
    await second.stop();
    expect((await second.exited).code).toBe(0);
  });

  it('finishes a request in flight when told to stop', async () => {
    const server = await start();
    // A resend takes at least 500 ms by design (it hides whether the account exists), so it is in flight at SIGTERM.
    const inFlight = json(`${server.url}/api/auth/resend-verification`, { email: 'nobody@example.com' });
    await new Promise((r) => setTimeout(r, 100));
    server.child.kill('SIGTERM');
    expect((await inFlight).status).toBe(202);
    expect((await server.exited).code).toBe(0);
  });

  it('refuses to start with a bad setting and names it', async () => {
    const bad = await runCli(['serve'], { cwd: db.dir, env: { ...env, PORT: 'not-a-port' } });
    expect(bad.code).toBe(78);
    expect(bad.stderr).toContain('PORT');
  });
});
