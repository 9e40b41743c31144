import { mkdtempSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureBuilt, freePort, type ServerProcess, startServer, waitForOk } from '../helpers/server-process.js';
import { createTestDatabase, type TestDatabase } from '../helpers/test-db.js';

/** The real `portico serve` process: start-up, the generated secret, restarts and graceful shutdown. */
let testDb: TestDatabase;
let dataDir: string;
let env: Record<string, string>;
const running: ServerProcess[] = [];

beforeAll(async () => {
  ensureBuilt();
  testDb = await createTestDatabase();
  dataDir = mkdtempSync(join(tmpdir(), 'portico-process-'));
  const port = await freePort();
  const database = testDb.database.dialect === 'postgres' ? testDb.database.url : `file:${join(dataDir, 'portico.db')}`;
  env = {
    PORT: String(port),
    PUBLIC_URL: `http://127.0.0.1:${port}`,
    DATA_DIR: dataDir,
    DATABASE_URL: database,
    LOG_LEVEL: 'warn',
    NODE_ENV: 'development',
  };
});

afterAll(async () => {
  for (const server of running) server.child.kill('SIGKILL');
  await testDb.drop();
});

async function start(): Promise<ServerProcess> {
  const server = startServer(env);
  running.push(server);
  await waitForOk(`${server.url}/readyz`);
  return server;
}

async function stop(server: ServerProcess): Promise<number | null> {
  server.child.kill('SIGTERM');
  return server.exited;
}

async function json(url: string, body: unknown, cookie?: string) {
  return fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(cookie ? { cookie } : {}) },
    body: JSON.stringify(body),
  });
}

describe('portico serve', () => {
  it('starts, keeps a generated secret private, and sessions survive a restart', async () => {
    const first = await start();
    expect(statSync(join(dataDir, 'secret')).mode & 0o777).toBe(0o600);

    const email = 'restart@example.com';
    const password = 'violet-harbour-lantern-42';
    expect((await json(`${first.url}/api/auth/sign-up`, { name: 'Re Start', email, password })).status).toBe(202);
    const mailbox = await (await fetch(`${first.url}/api/v1/dev/mailbox`)).json();
    const link = mailbox.messages.find((m: { to: string }) => m.to === email)?.links[0];
    const token = new URL(link).searchParams.get('token');
    expect((await json(`${first.url}/api/auth/verify-email`, { token })).status).toBe(200);
    const signIn = await json(`${first.url}/api/auth/sign-in`, { email, password });
    const cookie = (signIn.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
    expect(cookie).toContain('portico.session_token=');

    expect(await stop(first)).toBe(0);
    const second = await start();
    const me = await fetch(`${second.url}/api/v1/me`, { headers: { cookie } });
    expect(me.status).toBe(200);
    expect((await me.json()).user.email).toBe(email);
    expect(await stop(second)).toBe(0);
  });

  it('finishes a request in flight when told to stop', async () => {
    const server = await start();
    // A resend waits at least 500 ms by design (it hides whether the account exists), so it is still running at SIGTERM.
    const inFlight = json(`${server.url}/api/auth/resend-verification`, { email: 'nobody@example.com' });
    await new Promise((r) => setTimeout(r, 100));
    server.child.kill('SIGTERM');
    expect((await inFlight).status).toBe(202);
    expect(await server.exited).toBe(0);
  });

  it('refuses to start with a bad setting and names it', async () => {
    const bad = startServer({ ...env, PORT: 'not-a-port' });
    expect(await bad.exited).toBe(78);
    expect(bad.output()).toContain('PORT');
  });
});
