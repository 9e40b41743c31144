import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { onCleanup, SkipScenario } from './cleanup.mjs';

/** The server to measure on; BENCH_POSTGRES_URL points elsewhere (its database is only used to create ours). */
const ADMIN_URL = process.env.BENCH_POSTGRES_URL || 'postgres://postgres@127.0.0.1:5432/postgres';

async function admin() {
  const client = new pg.Client({ connectionString: ADMIN_URL, connectionTimeoutMillis: 2_000 });
  client.on('error', () => {}); // a dropped admin connection must not crash the harness; the query fails instead
  await client.connect();
  return client;
}

function redacted(url) {
  const parsed = new URL(url);
  if (parsed.password) parsed.password = '***';
  return parsed.toString();
}

/** A fresh, empty database for one server (it migrates it itself), dropped at the end of the run. */
export async function createTemporaryDatabase() {
  let client;
  try {
    client = await admin();
  } catch (error) {
    throw new SkipScenario(`PostgreSQL is not reachable at ${redacted(ADMIN_URL)} (${error.code ?? error.message})`);
  }
  const name = `portico_bench_${randomBytes(6).toString('hex')}`;
  try {
    await client.query(`create database ${name}`);
  } finally {
    await client.end();
  }
  onCleanup(`drop database ${name}`, () => dropDatabase(name));
  const url = new URL(ADMIN_URL);
  url.pathname = `/${name}`;
  return url.toString();
}

async function dropDatabase(name) {
  const client = await admin();
  try {
    // The server is stopped by now, but its pool may not have said goodbye yet; DROP refuses while anyone is connected.
    await client.query('select pg_terminate_backend(pid) from pg_stat_activity where datname = $1', [name]);
    await client.query(`drop database if exists ${name}`);
  } finally {
    await client.end();
  }
}
