import { randomBytes, randomUUID } from 'node:crypto';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { onCleanup } from './cleanup.mjs';
import { freePort, startNode, waitForReady } from './processes.mjs';

export const ROOT = resolve(import.meta.dirname, '../..');
const CLI = join(ROOT, 'apps/server/dist/cli.js');
export const PASSWORD = 'violet-harbour-lantern-42';
/** Portico's own variables (SPEC §5): a value in the caller's shell must not leak into a measured server. */
const PORTICO_VARIABLES = [
  'NODE_ENV',
  'PORT',
  'HOST',
  'PUBLIC_URL',
  'DATABASE_URL',
  'DATA_DIR',
  'SMTP_URL',
  'MAIL_FROM',
  'SECRET',
  'LOG_LEVEL',
  'INVITATION_TTL',
  'LEASE_TTL',
  'HEARTBEAT_INTERVAL',
  'OFFLINE_LEASE_MAX',
  'TRANSFER_LIMIT',
  'DEVICES_PER_USER',
  'ACTIVATIONS_PER_DAY',
  'TRUST_PROXY',
  'DEV_CLOCK',
];
/** LOG_LEVEL=warn: at info every request writes a log line, and the benchmark would measure the logger. */
export const SERVER_LOG_LEVEL = 'warn';

/**
 * The environment of a measured server: Portico's variables from the caller's shell removed, ours set. Callers that
 * restart a server on the same data pass the same `secret`, as an operator would.
 */
export function porticoEnv({
  port,
  dataDir,
  databaseUrl,
  secret = randomBytes(36).toString('base64url'),
  extraEnv = {},
}) {
  const url = `http://127.0.0.1:${port}`;
  const env = { ...process.env };
  for (const name of PORTICO_VARIABLES) delete env[name];
  Object.assign(env, {
    NODE_ENV: 'development',
    PORT: String(port),
    HOST: '127.0.0.1',
    PUBLIC_URL: url,
    DATA_DIR: dataDir,
    SECRET: secret, // 48 characters by default
    LOG_LEVEL: SERVER_LOG_LEVEL,
    ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}),
    ...extraEnv,
  });
  return { url, env };
}

/** Spawns `portico serve` from the build; it does not wait for it (the start-up measurement times that wait). */
export function spawnPortico(name, env, nodeFlags = []) {
  return startNode(name, [...nodeFlags, CLI, 'serve'], { env, cwd: ROOT });
}

/** A fresh data folder, removed at the end of the run. */
export async function temporaryDataDir() {
  const dataDir = await mkdtemp(join(tmpdir(), 'portico-bench-'));
  onCleanup(`remove ${dataDir}`, () => rm(dataDir, { recursive: true, force: true }));
  return dataDir;
}

/**
 * Starts the built server as `portico serve` on a fresh data folder. NODE_ENV=production needs SMTP_URL, and the
 * sign-in below reads the dev mailbox, so the server runs in development mode (the code paths measured are the same).
 * A server given SMTP_URL in `extraEnv` sends its verification email there, so the caller passes `readToken`.
 * With BENCH_CPU_PROF=1 the child writes a V8 CPU profile to bench/results/profiles/ when it stops.
 * Returns where its data lives too (`dataDir`, `databaseUrl`), for scenarios that seed rows with SQL.
 */
export async function startPortico({ database, databaseUrl, extraEnv, readToken }) {
  const dataDir = await temporaryDataDir();
  const { url, env } = porticoEnv({ port: await freePort(), dataDir, databaseUrl, extraEnv });
  const nodeFlags = [];
  if (process.env.BENCH_CPU_PROF) {
    const dir = join(ROOT, 'bench/results/profiles');
    await mkdir(dir, { recursive: true });
    nodeFlags.push(
      '--cpu-prof',
      `--cpu-prof-dir=${dir}`,
      `--cpu-prof-name=portico-${database}-${Date.now()}.cpuprofile`,
    );
  }
  const server = spawnPortico(`portico (${database})`, env, nodeFlags);
  await waitForReady(`${url}/readyz`, server);
  const user = await signUpAndSignIn(url, server, { readToken });
  return { url, database, server, dataDir, databaseUrl, ...user };
}

async function call(url, method, path, body, expected, server) {
  const response = await fetch(`${url}${path}`, {
    method,
    headers: body ? { 'content-type': 'application/json' } : {},
    body: body ? JSON.stringify(body) : undefined,
  });
  if (response.status !== expected) {
    const text = await response.text();
    throw new Error(`${method} ${path} answered ${response.status}, expected ${expected}: ${text}\n${server.output()}`);
  }
  return response;
}

/** The verification link reaches the dev mailbox through the outbox worker, so it may take a moment. */
async function verificationToken(url, email, server, timeoutMs = 10_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const { messages } = await (await call(url, 'GET', '/api/v1/dev/mailbox', null, 200, server)).json();
    for (const message of messages.filter((m) => m.to === email)) {
      const link = message.links.find((l) => l.includes('/verify-email?'));
      const token = link && new URL(link).searchParams.get('token');
      if (token) return token;
    }
    await sleep(100);
  }
  throw new Error(`no verification email for ${email} in the dev mailbox within ${timeoutMs} ms\n${server.output()}`);
}

/**
 * Signs up, verifies and signs in the way a user does, so the session measured is an ordinary one. The verification
 * token comes from the dev mailbox unless `readToken(email)` says where else to find it (an SMTP server).
 */
export async function signUpAndSignIn(url, server, { readToken } = {}) {
  const email = `bench-${randomUUID().slice(0, 8)}@example.com`;
  await call(url, 'POST', '/api/auth/sign-up', { name: 'Bench User', email, password: PASSWORD }, 202, server);
  const token = readToken ? await readToken(email) : await verificationToken(url, email, server);
  await call(url, 'POST', '/api/auth/verify-email', { token }, 200, server);
  const signIn = await call(url, 'POST', '/api/auth/sign-in', { email, password: PASSWORD }, 200, server);
  const setCookie = signIn.headers.getSetCookie().find((c) => c.startsWith('portico.session_token='));
  if (!setCookie) throw new Error('sign-in set no portico.session_token cookie');
  const cookie = setCookie.split(';')[0];
  const me = await fetch(`${url}/api/v1/me`, { headers: { cookie } });
  if (me.status !== 200) throw new Error(`GET /api/v1/me with the new session answered ${me.status}`);
  return { email, cookie };
}
