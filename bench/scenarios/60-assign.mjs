// Assignments (SPEC §2.5, §6; issue 9). Members are seeded with SQL into the running server's database
// (lib/seed-members.mjs), the assets are made through the operator API, and what is measured goes through HTTP as
// an ordinary (non-operator) administrator of the organization:
//   bulk assignment     POST /api/v1/orgs/{org}/assignments {asset, users: 500 ids} on a fresh asset of 500 seats,
//                       once unmeasured, then BENCH_ASSIGN_RUNS times (20), each with 500 other members, one at a
//                       time, the outbox drained between runs so each request is timed alone   p95 ≤ 1 s
//   assign/revoke churn 50 connections on one hot asset of CHURN_SEATS seats (fewer than the connections, so seats
//                       run out and the lock is what keeps the count); each connection assigns one member, then
//                       revokes that assignment (POST …/assignments/revoke), and again with the next member of
//                       CHURN_MEMBERS; an assign answered "no seat available" is followed by the next assign
//                       ≥ 1,000 operations/s (each request is one operation)
//                       then, in the database: assets with more active assignments than seats   = 0
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import autocannon from 'autocannon';
import SQLite from 'better-sqlite3';
import pg from 'pg';
import { percentile } from '../lib/latency.mjs';
import { DURATION_SECONDS, LOAD, WARMUP_SECONDS } from '../lib/load.mjs';
import { api, organizationWithAdministrator } from '../lib/organization.mjs';
import { cpuSeconds } from '../lib/processes.mjs';
import { memberRows, seedPostgres, seedSqlite } from '../lib/seed-members.mjs';

const BULK_USERS = 500;
const BULK_RUNS = Number(process.env.BENCH_ASSIGN_RUNS) > 0 ? Number(process.env.BENCH_ASSIGN_RUNS) : 20;
const CHURN_MEMBERS = 2_000;
const CHURN_SEATS = 20;
const TARGET = { bulkP95Ms: 1_000, operationsPerSecond: 1_000 };
const OUTBOX_DRAIN_TIMEOUT_MS = 30_000;

/** One SQL query on the server's database from the harness (read only on SQLite); the rows. */
async function query(portico, text) {
  if (portico.database === 'sqlite') {
    const db = new SQLite(join(portico.dataDir, 'portico.db'), { readonly: true, fileMustExist: true });
    try {
      return db.prepare(text).all();
    } finally {
      db.close();
    }
  }
  const client = new pg.Client({ connectionString: portico.databaseUrl });
  await client.connect();
  try {
    return (await client.query(text)).rows;
  } finally {
    await client.end();
  }
}

const count = async (portico, text) => Number((await query(portico, text))[0].n);

/** Seeds `members` members with addresses of their own (other scenarios seed the same names on this server). */
async function seedMembers(portico, organizationId, members, label) {
  const rows = memberRows(organizationId, { members, invitations: 0 });
  const domain = `${label}-${randomBytes(3).toString('hex')}.example`;
  for (const user of rows.users) user.email = user.email.replace('@members.example', `@${domain}`);
  const started = performance.now();
  if (portico.database === 'sqlite') seedSqlite(join(portico.dataDir, 'portico.db'), rows);
  else await seedPostgres(portico.databaseUrl, rows);
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  console.log(`  seeded ${members.toLocaleString('en-US')} members in ${seconds} s`);
  return rows.users.map((u) => u.id);
}

/** A license product of a type of its own (one product of a type per member), through the operator API. */
async function createProduct(portico, label) {
  const suffix = randomBytes(3).toString('hex');
  const body = { code: `BENCH-${label}-${suffix}`, name: `Bench ${label}`, kind: 'license', type: `b${suffix}` };
  return (await api(portico.url, portico.cookie, 'POST', '/api/v1/operator/products', body, 201)).id;
}

let serials = 0;
async function createAsset(portico, organizationId, productId, seats) {
  const serial = `BA${randomBytes(4).toString('hex').toUpperCase()}${String(++serials).padStart(6, '0')}`;
  const body = {
    organization: organizationId,
    product: productId,
    serial,
    seats,
    mode: 'online',
    startsAt: '2026-01-01',
  };
  return (await api(portico.url, portico.cookie, 'POST', '/api/v1/operator/assets', body, 201)).id;
}

/** Waits until the mail worker has taken every queued email (so the next request is not timed beside a drain). */
async function drainOutbox(portico) {
  const deadline = performance.now() + OUTBOX_DRAIN_TIMEOUT_MS;
  const pending = `select count(*) as n from outbox_emails where status in ('pending', 'sending')`;
  while ((await count(portico, pending)) > 0) {
    if (performance.now() > deadline) throw new Error('the outbox did not drain between runs');
    await sleep(50);
  }
}

/** One bulk request of 500 users on a fresh asset: milliseconds from sending to the parsed answer. */
async function bulkOnce(prepared, users) {
  const { portico, organizationId, cookie, productId } = prepared;
  const assetId = await createAsset(portico, organizationId, productId, BULK_USERS);
  await drainOutbox(portico);
  const started = performance.now();
  const { results } = await api(portico.url, cookie, 'POST', `/api/v1/orgs/${organizationId}/assignments`, {
    asset: assetId,
    users,
  });
  const ms = performance.now() - started;
  const assigned = results.filter((r) => r.outcome === 'assigned').length;
  if (assigned !== users.length) throw new Error(`${assigned} of ${users.length} users were assigned`);
  return ms;
}

const bulkAssign = (database) => ({
  name: `Assign ${BULK_USERS} members in one request (fresh asset each run)`,
  database,
  reports: 'figures',
  plan: `seed ${((BULK_RUNS + 1) * BULK_USERS).toLocaleString('en-US')} members, 1 + ${BULK_RUNS} sequential requests`,
  async setup(ctx) {
    const portico = await ctx.portico(database);
    const admin = await organizationWithAdministrator(portico, 'assign');
    const members = await seedMembers(portico, admin.organizationId, (BULK_RUNS + 1) * BULK_USERS, 'bulk-assign');
    const productId = await createProduct(portico, 'BULK');
    return { portico, ...admin, productId, members };
  },
  async run(_ctx, prepared) {
    const batch = (i) => prepared.members.slice(i * BULK_USERS, (i + 1) * BULK_USERS);
    await bulkOnce(prepared, batch(0)); // warm-up: JIT, page cache
    const times = [];
    for (let i = 1; i <= BULK_RUNS; i++) times.push(await bulkOnce(prepared, batch(i)));
    console.log(`  ${database}: ${times.map((ms) => Math.round(ms)).join(', ')} ms`);
    const sorted = [...times].sort((a, b) => a - b);
    const ms = (label, value, max) => ({ label, value, unit: 'ms', digits: 0, max });
    return {
      figures: [
        ms('answer p50', percentile(sorted, 50)),
        ms('answer p95', percentile(sorted, 95), TARGET.bulkP95Ms),
        ms('slowest', sorted.at(-1)),
      ],
      failedRequests: 0,
      bulk: { users: BULK_USERS, runs: BULK_RUNS, ms: times },
    };
  },
});

/**
 * The churn's two requests for autocannon: assign the next member (of all connections, in turn), then revoke the
 * assignment that answer gave; with no seat given, the revoke is left out (setupRequest answers null) and the
 * connection assigns again. `tally` counts the outcomes while `tally.on`.
 */
function churnRequests({ organizationId, assetId, members, tally }) {
  let next = 0;
  const path = `/api/v1/orgs/${organizationId}/assignments`;
  return [
    {
      method: 'POST',
      path,
      setupRequest: (request) => {
        const user = members[next++ % members.length];
        return { ...request, body: JSON.stringify({ asset: assetId, users: [user] }) };
      },
      onResponse: (status, body, context) => {
        if (status !== 200) return;
        const [result] = JSON.parse(body).results;
        context.assignment = result.assignmentId;
        if (tally.on) tally.assign[result.outcome] = (tally.assign[result.outcome] ?? 0) + 1;
      },
    },
    {
      method: 'POST',
      path: `${path}/revoke`,
      setupRequest: (request, context) =>
        context.assignment ? { ...request, body: JSON.stringify({ assignments: [context.assignment] }) } : null,
      onResponse: (status, body) => {
        if (status !== 200 || !tally.on) return;
        const [result] = JSON.parse(body).results;
        tally.revoke[result.outcome] = (tally.revoke[result.outcome] ?? 0) + 1;
      },
    },
  ];
}

/** Revokes what the hot asset still holds: connections stopped between an assign and its revoke leave seats taken. */
async function releaseAll({ portico, organizationId, cookie, assetId }) {
  const path = `/api/v1/orgs/${organizationId}/assignments`;
  for (;;) {
    const { items } = await api(portico.url, cookie, 'GET', `${path}?asset=${assetId}&limit=200`);
    if (items.length === 0) return;
    await api(portico.url, cookie, 'POST', `${path}/revoke`, { assignments: items.map((a) => a.id) });
  }
}

const churn = (database) => ({
  name: `Assign/revoke churn on one hot asset (${CHURN_SEATS} seats, ${LOAD.connections} connections)`,
  database,
  reports: 'figures',
  plan: `seed ${CHURN_MEMBERS.toLocaleString('en-US')} members; ${WARMUP_SECONDS} s warm-up, ${DURATION_SECONDS} s measured; then count oversold assets`,
  async setup(ctx) {
    const portico = await ctx.portico(database);
    const admin = await organizationWithAdministrator(portico, 'churn');
    const members = await seedMembers(portico, admin.organizationId, CHURN_MEMBERS, 'churn');
    const productId = await createProduct(portico, 'CHURN');
    const assetId = await createAsset(portico, admin.organizationId, productId, CHURN_SEATS);
    return { portico, ...admin, assetId, members };
  },
  async run(_ctx, prepared) {
    const { portico, cookie } = prepared;
    const tally = { on: false, assign: {}, revoke: {} };
    const options = {
      ...LOAD,
      url: portico.url,
      headers: { cookie, 'content-type': 'application/json' },
      requests: churnRequests({ ...prepared, tally }),
    };
    await autocannon({ ...options, duration: WARMUP_SECONDS });
    await releaseAll(prepared);
    const cpuBefore = await cpuSeconds(portico.server.pid);
    tally.on = true;
    const result = await autocannon({ ...options, duration: DURATION_SECONDS });
    tally.on = false;
    const cpuAfter = await cpuSeconds(portico.server.pid);
    const oversold = await count(
      portico,
      `select count(*) as n from (select a.id from assets a join assignments g on g.asset_id = a.id
         where g.status = 'active' group by a.id, a.seats having count(*) > a.seats) o`,
    );
    const hotActive = await count(
      portico,
      `select count(*) as n from assignments where asset_id = '${prepared.assetId}' and status = 'active'`,
    );
    const failed = result.non2xx + result.errors + result.timeouts;
    const cpuUs =
      cpuBefore === null || cpuAfter === null ? null : ((cpuAfter - cpuBefore) * 1e6) / result.requests.total;
    console.log(
      `  ${database}: assign ${JSON.stringify(tally.assign)}, revoke ${JSON.stringify(tally.revoke)}; ` +
        `${hotActive} of ${CHURN_SEATS} seats held at the end; ${failed} failed requests`,
    );
    const n = (label, value, bounds = {}) => ({ label, value, unit: '', digits: 0, ...bounds });
    const ms = (label, value) => ({ label, value, unit: 'ms', digits: 0 });
    return {
      figures: [
        { label: 'operations/s', value: result.requests.average, unit: 'op/s', digits: 0, min: 1_000 },
        ms('latency p50 (under load)', result.latency.p50),
        ms('latency p99 (under load)', result.latency.p99),
        n('assigned', tally.assign.assigned ?? 0),
        n('no seat available', tally.assign['no seat available'] ?? 0),
        n('revoked', tally.revoke.revoked ?? 0),
        { label: 'server CPU per operation', value: cpuUs, unit: 'µs', digits: 0 },
        n('assets with more active assignments than seats', oversold, { min: 0, max: 0 }),
      ],
      failedRequests: failed,
      churn: { tally: { assign: tally.assign, revoke: tally.revoke }, statusCodes: result.statusCodeStats, hotActive },
    };
  },
});

// SQLite is the default; PostgreSQL is measured too and skipped when none is reachable.
export default [bulkAssign('sqlite'), churn('sqlite'), bulkAssign('postgres'), churn('postgres')];
