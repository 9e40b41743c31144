import { existsSync } from 'node:fs';
import { join } from 'node:path';
import SQLite from 'better-sqlite3';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/app.js';
import { loadConfig } from '../../src/config.js';
import { migrations } from '../../src/db/migrations/index.js';
import { createRuntime, type Runtime } from '../../src/runtime.js';
import {
  type ChildDatabase,
  type CliResult,
  createChildDatabase,
  ensureBuilt,
  queryChild,
  runCli,
  TEST_SECRET,
} from '../helpers/child-process.js';
import { PASSWORD } from '../helpers/test-app.js';
import { onPostgres } from '../helpers/test-db.js';

/**
 * SPEC §4.4: the built `portico` CLI as a real process against a real database (a SQLite file, or a fresh
 * PostgreSQL database when TEST_DATABASE_URL is set). Accounts are created through the HTTP API of a runtime
 * opened on the same database, which stays open like a running server while the CLI works beside it.
 */
const FIRST = 'first@example.com';
const SECOND = 'second@example.com';

let db: ChildDatabase;
let runtime: Runtime | null = null;
let app: FastifyInstance | null = null;

function cli(args: string[], env: Record<string, string> = {}): Promise<CliResult> {
  return runCli(args, {
    cwd: db.dir,
    env: { NODE_ENV: 'test', LOG_LEVEL: 'warn', DATA_DIR: db.dir, DATABASE_URL: db.url, ...env },
  });
}

function auditCount(): Promise<number> {
  return runtime!.deps.db
    .selectFrom('audit_events')
    .select(runtime!.deps.db.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow()
    .then((r) => Number(r.n));
}

async function isOperator(email: string): Promise<boolean> {
  const row = await runtime!.deps.db
    .selectFrom('users')
    .select('is_operator')
    .where('email', '=', email)
    .executeTakeFirstOrThrow();
  return Number(row.is_operator) === 1;
}

/** The database as a server has it: opened, migrated, with two accounts made through the API. */
async function openServerSide(): Promise<void> {
  const config = loadConfig({
    NODE_ENV: 'test',
    SECRET: TEST_SECRET,
    LOG_LEVEL: 'silent',
    DATA_DIR: db.dir,
    DATABASE_URL: db.url,
  });
  runtime = await createRuntime(config, { webRoot: null });
  app = await buildApp(runtime.deps);
  for (const [name, email] of [
    ['First Account', FIRST],
    ['Second Account', SECOND],
  ]) {
    const res = await app.inject({
      method: 'POST',
      url: '/api/auth/sign-up',
      payload: { name, email, password: PASSWORD },
    });
    expect(res.statusCode).toBe(202);
  }
}

beforeAll(async () => {
  ensureBuilt();
  db = await createChildDatabase();
});
afterAll(async () => {
  await app?.close();
  await runtime?.close();
  await db.drop();
});

describe('portico migrate', () => {
  it('applies the migrations of a fresh database and names them', async () => {
    const first = await cli(['migrate']);
    expect(first.stderr).toBe('');
    expect(first.code).toBe(0);
    const applied = await queryChild<{ name: string }>(
      db.database,
      'select name from portico_migrations order by name',
    );
    expect(applied.map((m) => m.name)).toEqual(Object.keys(migrations).sort());
    // The operator reads what was applied.
    expect(first.stdout).toContain('2026_11_21_220000_create_accounts');
    expect(first.stdout).toContain('2026_11_21_220100_create_outbox_audit_rate_limits');
  });

  it('says the database is up to date when there is nothing to apply', async () => {
    const again = await cli(['migrate']);
    expect(again.code).toBe(0);
    expect(again.stdout).toMatch(/up to date/);
  });
});

describe('portico operator', () => {
  beforeAll(openServerSide);

  it('makes an account an operator, once, by email in any case, and records it as done by the system', async () => {
    expect(await isOperator(FIRST)).toBe(true);
    expect(await isOperator(SECOND)).toBe(false);

    const added = await cli(['operator', 'add', SECOND]);
    expect(added.code).toBe(0);
    expect(added.stdout).toContain(`${SECOND} is now an operator`);
    expect(await isOperator(SECOND)).toBe(true);

    const events = await runtime!.deps.db
      .selectFrom('audit_events')
      .selectAll()
      .where('action', '=', 'operator.granted')
      .where('after_json', 'like', `%${SECOND}%`)
      .execute();
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ actor_user_id: null, actor_ip: null, target_type: 'user' });

    const before = await auditCount();
    const again = await cli(['operator', 'add', SECOND.toUpperCase()]);
    expect(again.code).toBe(0);
    expect(again.stdout).toContain('was already an operator');
    expect(await auditCount()).toBe(before);
  });

  it('removes operator rights, but never from the last operator', async () => {
    const removed = await cli(['operator', 'remove', SECOND]);
    expect(removed.code).toBe(0);
    expect(removed.stdout).toContain(`${SECOND} is no longer an operator`);
    expect(await isOperator(SECOND)).toBe(false);

    const before = await auditCount();
    const refused = await cli(['operator', 'remove', FIRST]);
    expect(refused.code).not.toBe(0);
    expect(refused.stderr).toMatch(/last operator/i);
    expect(refused.stderr).not.toMatch(/^\s+at /m);
    expect(await isOperator(FIRST)).toBe(true);
    expect(await auditCount()).toBe(before);
  });

  it('says clearly that an unknown email has no account, and exits non-zero', async () => {
    const before = await auditCount();
    const results = await Promise.all(
      ['add', 'remove'].map((command) => cli(['operator', command, 'nobody@example.com'])),
    );
    for (const result of results) {
      expect(result.code).not.toBe(0);
      expect(result.stderr).toContain('No account has the email nobody@example.com');
      // A message for a person, not a stack trace.
      expect(result.stderr).not.toMatch(/^\s+at /m);
      expect(result.stdout).toBe('');
    }
    expect(await auditCount()).toBe(before);
  });
});

describe('bad configuration', () => {
  it.each([['serve'], ['migrate']])('stops `%s` with exit code 78 and names PORT', async (command) => {
    const result = await cli([command], { PORT: 'abc' });
    expect(result.code).toBe(78);
    expect(result.stderr).toContain('PORT');
    expect(result.stderr).not.toMatch(/^\s+at /m);
  });
});

// Backup is SQLite's online backup; on PostgreSQL the same command must refuse and point to pg_dump instead.
// Registered one way or the other, so neither run reports a skipped test.
if (onPostgres) {
  describe('portico backup on PostgreSQL', () => {
    it('refuses and points to pg_dump', async () => {
      const file = join(db.dir, 'backup.db');
      const result = await cli(['backup', file]);
      expect(result.code).not.toBe(0);
      expect(result.stderr).toContain('pg_dump');
      expect(existsSync(file)).toBe(false);
    });
  });
} else {
  describe('portico backup (SQLite)', () => {
    it('writes a SQLite file that opens and holds the accounts, while the database is in use', async () => {
      const file = join(db.dir, 'backup.db');
      const result = await cli(['backup', file]);
      expect(result.stderr).toBe('');
      expect(result.code).toBe(0);
      expect(result.stdout).toMatch(/Backed up \d+ pages/);

      const copy = new SQLite(file, { readonly: true, fileMustExist: true });
      try {
        expect(copy.pragma('integrity_check', { simple: true })).toBe('ok');
        const emails = (copy.prepare('select email from users order by email').all() as { email: string }[]).map(
          (r) => r.email,
        );
        expect(emails).toEqual([FIRST, SECOND]);
      } finally {
        copy.close();
      }
    });
  });
}
