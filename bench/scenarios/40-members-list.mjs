// The Members page of an organization with 100,000 rows (SPEC §2.4, §6; issue 4): 80,000 members and 20,000 pending
// invitations (every 5th expired), seeded with SQL into the running server's database, then read through HTTP by
// an administrator: GET /api/v1/orgs/{org}/members?limit=50 for
//   the first page                       p95 ≤ 30 ms
//   a deep page, ~60,000 rows in         as fast as the first: p95 ≤ 30 ms and its p50 within 1.5× the first's
//                                        (its cursor is found by walking the list 200 rows a page)
//   newest first (sort=-since), first and deep page   p95 ≤ 30 ms
//   a search matching 10 rows            p95 ≤ 60 ms (the search has to look at every row to find them)
//   a search matching 8,008 rows         p95 ≤ 60 ms
// Issue 14: the page asks GET …/members/counts beside the first page (the exact headline counts and the rows the
// filter matches); both are measured:
//   counts (members, administrators, pending, expired)      p95 ≤ 30 ms
//   filtered first page (User Rights = Admin, Status = Active) and its counts   p95 ≤ 30 ms each
//   counts of a search (it reads every row, as the search)  p95 ≤ 60 ms
//   bulk revoke of 10,000 pending invitations, one request by ids              ≤ 5 s
// One request at a time (lib/latency.mjs): p95 is what a person waits for a page.
import { join } from 'node:path';
import { getJson, sampleLatency } from '../lib/latency.mjs';
import { organizationWithAdministrator } from '../lib/organization.mjs';
import { expectedMatches, memberRows, seedPostgres, seedSqlite } from '../lib/seed-members.mjs';

const MEMBERS = 80_000;
const INVITATIONS = 20_000;
const DEEP_ROW = 60_000;
const REQUESTS = Number(process.env.BENCH_LATENCY_REQUESTS) > 0 ? Number(process.env.BENCH_LATENCY_REQUESTS) : 200;
const TARGET = { firstP95Ms: 30, searchP95Ms: 60, deepToFirst: 1.5, bulkRevokeSeconds: 5 };
const BULK_REVOKE = 10_000;
// Member emails end in ".<n>@members.example" and invitations in ".<n>@invited.example" (lib/seed-members.mjs):
// "4242@" matches members 4242, 14242 … 74242 and invitations 4242 and 14242; about every 10th member is a Garcia.
const RARE = '4242@';
const COMMON = 'garcia';

/** Follows nextCursor 200 rows at a time until `row` rows are behind it; the cursor of the page there. */
async function cursorAt(base, headers, row, sort = '') {
  let cursor = null;
  let seen = 0;
  const started = performance.now();
  while (seen < row) {
    const page = await getJson(`${base}?limit=200${sort}${cursor ? `&cursor=${cursor}` : ''}`, headers);
    if (!page.nextCursor) throw new Error(`the list ended after ${seen + page.items.length} rows, before row ${row}`);
    seen += page.items.length;
    cursor = page.nextCursor;
  }
  const seconds = (performance.now() - started) / 1000;
  console.log(`  walked ${seen.toLocaleString('en-US')} rows in ${seconds.toFixed(1)} s to find the deep cursor`);
  return cursor;
}

/** The ids of the first `count` pending invitations, read as the web's "select all" would page them. */
async function pendingIds(base, headers, count) {
  const ids = [];
  let cursor = null;
  do {
    const page = await getJson(`${base}?limit=200&status=pending${cursor ? `&cursor=${cursor}` : ''}`, headers);
    ids.push(...page.items.map((row) => row.id));
    cursor = page.nextCursor;
  } while (cursor && ids.length < count);
  return ids.slice(0, count);
}

/** Revoke invitation for 10,000 rows in one request (destructive: runs last). */
async function bulkRevoke(base, headers) {
  const ids = await pendingIds(base, headers, BULK_REVOKE);
  if (ids.length !== BULK_REVOKE) throw new Error(`found ${ids.length} pending invitations, expected ${BULK_REVOKE}`);
  const url = base.replace(/\/members$/, '/invitations/revoke');
  const started = performance.now();
  const res = await fetch(url, {
    method: 'POST',
    headers: { ...headers, 'content-type': 'application/json' },
    body: JSON.stringify({ selection: { ids } }),
  });
  const seconds = (performance.now() - started) / 1000;
  const body = await res.json();
  const revoked = res.ok ? body.results.filter((r) => r.outcome === 'revoked').length : 0;
  if (revoked !== BULK_REVOKE) throw new Error(`bulk revoke: ${res.status}, ${revoked} revoked`);
  return seconds;
}

/** A search must find what the seed put there, or its latency says nothing. */
async function checkSearch(base, headers, q, rows) {
  let found = 0;
  let cursor = null;
  do {
    const page = await getJson(
      `${base}?limit=200&q=${encodeURIComponent(q)}${cursor ? `&cursor=${cursor}` : ''}`,
      headers,
    );
    found += page.items.length;
    cursor = page.nextCursor;
  } while (cursor && found < rows + 1);
  if (found !== rows) throw new Error(`?q=${q} found ${found} rows, expected ${rows}`);
}

const members = (database) => ({
  name: 'GET /api/v1/orgs/{org}/members?limit=50 (100,000 rows)',
  database,
  reports: 'figures',
  plan: `seed ${(MEMBERS + INVITATIONS).toLocaleString('en-US')} rows, then ${REQUESTS} sequential requests per figure`,
  async setup(ctx) {
    const portico = await ctx.portico(database);
    const { organizationId, cookie } = await organizationWithAdministrator(portico, 'members');
    const rows = memberRows(organizationId, { members: MEMBERS, invitations: INVITATIONS });
    const started = performance.now();
    if (database === 'sqlite') seedSqlite(join(portico.dataDir, 'portico.db'), rows);
    else await seedPostgres(portico.databaseUrl, rows);
    console.log(`  seeded ${MEMBERS + INVITATIONS} rows in ${((performance.now() - started) / 1000).toFixed(1)} s`);
    const base = `${portico.url}/api/v1/orgs/${organizationId}/members`;
    const matches = { rare: expectedMatches(rows, RARE), common: expectedMatches(rows, COMMON) };
    return { base, headers: { cookie }, matches };
  },
  async run(_ctx, { base, headers, matches }) {
    const sample = (query) => sampleLatency(`${base}?limit=50${query}`, { headers, count: REQUESTS });
    await checkSearch(base, headers, RARE, matches.rare);
    await checkSearch(base, headers, COMMON, matches.common);
    const first = await sample('');
    const deep = await sample(`&cursor=${await cursorAt(base, headers, DEEP_ROW)}`);
    // Newest first reads the (organization_id, created_at, id) indexes backwards, deep pages included.
    const NEWEST = '&sort=-since';
    const newest = await sample(NEWEST);
    const newestDeep = await sample(`${NEWEST}&cursor=${await cursorAt(base, headers, DEEP_ROW, NEWEST)}`);
    const rare = await sample(`&q=${encodeURIComponent(RARE)}`);
    const common = await sample(`&q=${encodeURIComponent(COMMON)}`);
    const filtered = await sample('&rights=admin&status=active');
    const countsOf = (query) => sampleLatency(`${base}/counts${query}`, { headers, count: REQUESTS });
    const counts = await countsOf('');
    const filteredCounts = await countsOf('?rights=admin&status=active');
    const searchCounts = await countsOf(`?q=${encodeURIComponent(RARE)}`);
    const revokeSeconds = await bulkRevoke(base, headers);
    const count = (n) => n.toLocaleString('en-US');
    const ms = (label, value, max) => ({ label, value, unit: 'ms', digits: 1, max });
    return {
      figures: [
        ms('first page p50', first.p50Ms),
        ms('first page p95', first.p95Ms, TARGET.firstP95Ms),
        ms(`deep page (row ${DEEP_ROW.toLocaleString('en-US')}) p50`, deep.p50Ms),
        ms('deep page p95', deep.p95Ms, TARGET.firstP95Ms),
        {
          label: 'deep ÷ first page, p50',
          value: deep.p50Ms / first.p50Ms,
          unit: '×',
          digits: 2,
          max: TARGET.deepToFirst,
        },
        ms('newest first p95', newest.p95Ms, TARGET.firstP95Ms),
        ms('newest first, deep page p95', newestDeep.p95Ms, TARGET.firstP95Ms),
        ms(`search "${RARE}" (${count(matches.rare)} rows) p50`, rare.p50Ms),
        ms(`search "${RARE}" p95`, rare.p95Ms, TARGET.searchP95Ms),
        ms(`search "${COMMON}" (${count(matches.common)} rows) p50`, common.p50Ms),
        ms(`search "${COMMON}" p95`, common.p95Ms, TARGET.searchP95Ms),
        ms('counts p95', counts.p95Ms, TARGET.firstP95Ms),
        ms('filtered first page (Admin, Active) p95', filtered.p95Ms, TARGET.firstP95Ms),
        ms('filtered counts (Admin, Active) p95', filteredCounts.p95Ms, TARGET.firstP95Ms),
        ms(`counts of search "${RARE}" p95`, searchCounts.p95Ms, TARGET.searchP95Ms),
        {
          label: `bulk revoke of ${count(BULK_REVOKE)} invitations, one request`,
          value: revokeSeconds,
          unit: 's',
          digits: 2,
          max: TARGET.bulkRevokeSeconds,
        },
      ],
      failedRequests: [first, deep, newest, newestDeep, rare, common, filtered, counts, filteredCounts, searchCounts]
        .map((s) => s.failed)
        .reduce((a, b) => a + b, 0),
      samples: { first, deep, newest, newestDeep, rare, common, filtered, counts, filteredCounts, searchCounts },
    };
  },
});

// SQLite is the default; PostgreSQL is measured too and skipped when none is reachable.
export default [members('sqlite'), members('postgres')];
