import { randomBytes } from 'node:crypto';
import pg from 'pg';
import type { Config } from '../../src/config.js';

/**
 * A fresh database for one test file (ARCHITECTURE convention 9): SQLite in memory by default, or a new PostgreSQL
 * database when TEST_DATABASE_URL is set (CI runs every integration test both ways).
 */
export interface TestDatabase {
  database: Config['database'];
  drop(): Promise<void>;
}

export const onPostgres = Boolean(process.env.TEST_DATABASE_URL);

export async function createTestDatabase(): Promise<TestDatabase> {
  const baseUrl = process.env.TEST_DATABASE_URL;
  if (!baseUrl) return { database: { dialect: 'sqlite', file: ':memory:' }, drop: async () => {} };
  const name = `portico_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: baseUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(baseUrl);
  url.pathname = `/${name}`;
  return {
    database: { dialect: 'postgres', url: url.toString() },
    async drop() {
      const client = new pg.Client({ connectionString: baseUrl });
      await client.connect();
      // The app's pool has ended its clients, but their backends may still be closing: forcing the drop then
      // sends them "terminating connection", which a closing client reports as an uncaught error. Wait a moment.
      for (let i = 0; i < 50; i++) {
        const { rows } = await client.query('select count(*)::int as n from pg_stat_activity where datname = $1', [
          name,
        ]);
        if (rows[0].n === 0) break;
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      await client.query(`drop database if exists ${name} with (force)`);
      await client.end();
    },
  };
}
