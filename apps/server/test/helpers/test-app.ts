import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { buildApp } from '../../src/app.js';
import { type Config, loadConfig } from '../../src/config.js';
import { ManualClock } from '../../src/lib/clock.js';
import { createRuntime, type Runtime, type RuntimeOptions } from '../../src/runtime.js';
import { createTestDatabase, type TestDatabase } from './test-db.js';

export const PASSWORD = 'violet-harbour-lantern-42';

export interface TestApp {
  app: FastifyInstance;
  runtime: Runtime;
  clock: ManualClock;
  config: Config;
  close(): Promise<void>;
}

export interface TestAppOptions extends RuntimeOptions {
  env?: Record<string, string>;
  /** On SQLite, a file in a temporary folder instead of memory (WAL and the read-only connection then apply). */
  sqliteFile?: boolean;
}

/** The real application on a fresh database, with a clock the test moves and no listening socket. */
export async function createTestApp(options: TestAppOptions = {}): Promise<TestApp> {
  const testDb: TestDatabase = await createTestDatabase();
  const config = loadConfig({
    NODE_ENV: 'test',
    SECRET: 'test-secret-test-secret-test-secret-0123',
    LOG_LEVEL: 'silent',
    ...options.env,
  });
  config.database =
    options.sqliteFile && testDb.database.dialect === 'sqlite'
      ? { dialect: 'sqlite', file: join(mkdtempSync(join(tmpdir(), 'portico-test-')), 'portico.db') }
      : testDb.database;
  const clock = options.clock instanceof ManualClock ? options.clock : new ManualClock(new Date());
  return openTestApp(config, { ...options, clock }, () => testDb.drop());
}

/** The real application on an already configured database; `afterClose` runs once the app and runtime are closed. */
export async function openTestApp(
  config: Config,
  options: RuntimeOptions & { clock: ManualClock },
  afterClose: () => Promise<void> = async () => {},
): Promise<TestApp> {
  const runtime = await createRuntime(config, { webRoot: null, ...options });
  const app = await buildApp(runtime.deps);
  await app.ready();
  return {
    app,
    runtime,
    clock: options.clock,
    config,
    async close() {
      await app.close();
      await runtime.close();
      await afterClose();
    },
  };
}

/** Delivers what is due in the outbox now (the tests drive the worker instead of waiting for its timer). */
export async function drainMail(t: TestApp): Promise<void> {
  await t.runtime.worker.drainOnce();
}

export async function mailboxMessages(t: TestApp) {
  await drainMail(t);
  const res = await t.app.inject({ method: 'GET', url: '/api/v1/dev/mailbox' });
  return res.json().messages as { to: string; subject: string; text: string; links: string[] }[];
}

export function tokenFromLink(link: string): string {
  const token = new URL(link).searchParams.get('token');
  if (!token) throw new Error(`no token in ${link}`);
  return token;
}

export async function lastLinkTo(t: TestApp, email: string, subjectPart: string): Promise<string> {
  const message = (await mailboxMessages(t)).find((m) => m.to === email && m.subject.includes(subjectPart));
  if (!message?.links[0]) throw new Error(`no "${subjectPart}" email to ${email}`);
  return message.links[0];
}

export function post(t: TestApp, url: string, payload: unknown, cookie?: string): Promise<LightMyRequestResponse> {
  return t.app.inject({ method: 'POST', url, payload: payload as object, headers: cookie ? { cookie } : {} });
}

/** The cookie header a browser would send back after this response. */
export function cookieFrom(res: LightMyRequestResponse): string {
  const setCookie = res.headers['set-cookie'];
  const list = Array.isArray(setCookie) ? setCookie : setCookie ? [setCookie] : [];
  return list.map((c) => c.split(';')[0]).join('; ');
}

export async function signUp(t: TestApp, email: string, name = 'Test User', password = PASSWORD) {
  const res = await post(t, '/api/auth/sign-up', { name, email, password });
  if (res.statusCode !== 202) throw new Error(`sign-up failed: ${res.statusCode} ${res.body}`);
}

export async function verify(t: TestApp, email: string): Promise<void> {
  const token = tokenFromLink(await lastLinkTo(t, email, 'Verify'));
  const res = await post(t, '/api/auth/verify-email', { token });
  if (res.statusCode !== 200) throw new Error(`verify failed: ${res.statusCode} ${res.body}`);
}

export async function signIn(t: TestApp, email: string, password = PASSWORD): Promise<string> {
  const res = await post(t, '/api/auth/sign-in', { email, password });
  if (res.statusCode !== 200) throw new Error(`sign-in failed: ${res.statusCode} ${res.body}`);
  return cookieFrom(res);
}

/** A verified, signed-in account; returns its cookie. */
export async function createUser(t: TestApp, email: string, name = 'Test User'): Promise<string> {
  await signUp(t, email, name);
  await verify(t, email);
  return signIn(t, email);
}
