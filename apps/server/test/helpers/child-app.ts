import { loadConfig } from '../../src/config.js';
import { ManualClock } from '../../src/lib/clock.js';
import { type ChildDatabase, runCli, TEST_SECRET } from './child-process.js';
import { openTestApp, type TestApp } from './test-app.js';

/**
 * The application opened on a child process's database, like a server running beside the CLI, as a TestApp so the
 * usual helpers (createUser, json) work on it. Closing it leaves the database to the ChildDatabase's drop().
 */
export async function openAppOn(db: ChildDatabase): Promise<TestApp> {
  const config = loadConfig({
    NODE_ENV: 'test',
    SECRET: TEST_SECRET,
    LOG_LEVEL: 'silent',
    DATA_DIR: db.dir,
    DATABASE_URL: db.url,
  });
  return openTestApp(config, { clock: new ManualClock(new Date()) });
}

/** `portico ARGS` on the child database, from its folder, with the environment a test needs. */
export function portico(db: ChildDatabase, args: string[], env: Record<string, string> = {}) {
  return runCli(args, {
    cwd: db.dir,
    env: { NODE_ENV: 'test', LOG_LEVEL: 'warn', DATA_DIR: db.dir, DATABASE_URL: db.url, ...env },
  });
}

/** Rows of a table in the child database. */
export async function countRows(t: TestApp, table: 'organizations' | 'products' | 'assets' | 'audit_events') {
  const { db } = t.runtime.deps;
  const row = await db.selectFrom(table).select(db.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  return Number(row.n);
}
