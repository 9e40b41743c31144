import { type ChildProcess, execSync, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import SQLite from 'better-sqlite3';
import pg from 'pg';
import type { Config } from '../../src/config.js';
import { createTestDatabase } from './test-db.js';

/**
 * The built server and CLI as real processes (for kill -9, the log a real process writes, and the CLI's exit codes).
 * `npm test` builds first; when dist is missing (a fresh checkout running vitest directly) it is built here.
 */
export const REPO_ROOT = fileURLToPath(new URL('../../../../', import.meta.url));
export const CLI = join(REPO_ROOT, 'apps/server/dist/cli.js');
export const TEST_SECRET = 'child-process-secret-0123456789-abcdefghij';

export function ensureBuilt(): void {
  if (existsSync(CLI) && existsSync(join(REPO_ROOT, 'packages/contracts/dist/index.js'))) return;
  execSync('npm run build -w packages/contracts && npm run build -w apps/server', { cwd: REPO_ROOT, stdio: 'pipe' });
}

/** A database for a child process: a SQLite file in a temporary folder, or a fresh PostgreSQL database. */
export interface ChildDatabase {
  /** Also the child's DATA_DIR and working directory, so nothing lands in the repository. */
  dir: string;
  url: string;
  database: Config['database'];
  drop(): Promise<void>;
}

export async function createChildDatabase(): Promise<ChildDatabase> {
  const dir = mkdtempSync(join(tmpdir(), 'portico-test-'));
  const test = await createTestDatabase();
  const database: Config['database'] =
    test.database.dialect === 'postgres' ? test.database : { dialect: 'sqlite', file: join(dir, 'portico.db') };
  return {
    dir,
    url: database.dialect === 'postgres' ? database.url : `file:${database.file}`,
    database,
    async drop() {
      await test.drop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/**
 * One SQL statement against a child's database from the test process (`?` placeholders on both dialects).
 * SQLite is opened read-only unless the test writes, so a look never disturbs the running server.
 */
export async function queryChild<T = Record<string, unknown>>(
  database: Config['database'],
  text: string,
  params: unknown[] = [],
  options: { write?: boolean } = {},
): Promise<T[]> {
  if (database.dialect === 'sqlite') {
    const db = new SQLite(database.file, { readonly: !options.write, fileMustExist: true });
    try {
      const statement = db.prepare(text);
      if (statement.reader) return statement.all(...params) as T[];
      statement.run(...params);
      return [];
    } finally {
      db.close();
    }
  }
  const client = new pg.Client({ connectionString: database.url });
  await client.connect();
  try {
    let n = 0;
    const result = await client.query(
      text.replace(/\?/g, () => `$${++n}`),
      params,
    );
    return result.rows as T[];
  } finally {
    await client.end();
  }
}

function childEnv(env: Record<string, string>): NodeJS.ProcessEnv {
  // Only what the child needs: the test runner's own variables (TEST_DATABASE_URL, VITEST_*) stay out.
  return { PATH: process.env.PATH, HOME: process.env.HOME, ...env };
}

export interface ServerProcess {
  url: string;
  child: ChildProcess;
  /** Everything the process wrote to stdout and stderr so far. */
  output(): string;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** SIGTERM (graceful), then SIGKILL if it has not ended within 10 s. */
  stop(): Promise<void>;
  kill9(): Promise<void>;
}

export async function startServer(options: {
  port: number;
  cwd: string;
  env: Record<string, string>;
  readyTimeoutMs?: number;
}): Promise<ServerProcess> {
  const child = spawn(process.execPath, [CLI, 'serve'], {
    cwd: options.cwd,
    env: childEnv({ PORT: String(options.port), HOST: '127.0.0.1', ...options.env }),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => {
    output += chunk.toString('utf8');
  });
  child.stderr?.on('data', (chunk: Buffer) => {
    output += chunk.toString('utf8');
  });
  let done = false;
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once('exit', (code, signal) => {
      done = true;
      resolve({ code, signal });
    }),
  );
  const url = `http://127.0.0.1:${options.port}`;
  const server: ServerProcess = {
    url,
    child,
    output: () => output,
    exited,
    async stop() {
      if (done) return;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await exited;
      clearTimeout(timer);
    },
    async kill9() {
      if (done) return;
      child.kill('SIGKILL');
      await exited;
    },
  };

  const deadline = Date.now() + (options.readyTimeoutMs ?? 20_000);
  for (;;) {
    if (done) throw new Error(`the server exited before it was ready:\n${output}`);
    try {
      const res = await fetch(`${url}/readyz`);
      if (res.status === 200) return server;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      await server.kill9();
      throw new Error(`the server was not ready within the time limit:\n${output}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs `portico ARGS` to its end (bounded: killed after 30 s so a hang fails the test instead of the run). */
export function runCli(args: string[], options: { cwd: string; env: Record<string, string> }): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CLI, ...args], {
      cwd: options.cwd,
      env: childEnv(options.env),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString('utf8');
    });
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString('utf8');
    });
    const timer = setTimeout(() => child.kill('SIGKILL'), 30_000);
    child.once('error', reject);
    child.once('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}

/** Polls `check` until it returns a value other than undefined/false, or fails after `timeoutMs`. */
export async function waitUntil<T>(
  what: string,
  check: () => Promise<T | undefined | false> | T | undefined | false,
  timeoutMs = 10_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
