import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openAppOn } from '../helpers/child-app.js';
import {
  type ChildDatabase,
  createChildDatabase,
  ensureBuilt,
  type ServerProcess,
  startServer,
  TEST_SECRET,
} from '../helpers/child-process.js';
import { createSignedInUser, createSignedInUsers, type SignedInUser } from '../helpers/factories.js';
import {
  activeAssignments,
  addAsset,
  addMembers,
  addOrganization,
  addProduct,
  assignmentViolations,
  seatsOf,
} from '../helpers/licensing.js';
import { freePort } from '../helpers/smtp-peer.js';
import type { TestApp } from '../helpers/test-app.js';
import { onPostgres } from '../helpers/test-db.js';

/**
 * SPEC §2.5: seats are never oversold "even under concurrent requests from several server instances". Two built
 * `portico serve` processes share one database — a fresh PostgreSQL database with TEST_DATABASE_URL (several
 * instances behind a load balancer, docs/deployment.md), else one SQLite file, where the two processes contend
 * through SQLite's file lock as a server and the CLI do — and 64 administrators' requests for 64 members of an asset
 * of 3 seats are split between them and sent at once. The app in the test process only prepares the data and reads
 * the database afterwards.
 */

let db: ChildDatabase;
let t: TestApp;
let org: string;
let asset: string;
let admins: SignedInUser[];
let people: SignedInUser[];
const servers: ServerProcess[] = [];

beforeAll(async () => {
  ensureBuilt();
  db = await createChildDatabase();
  t = await openAppOn(db);
  const operator = await createSignedInUser(t, 'op@example.com', 'Olive Operator', { isOperator: true });
  await addProduct(t, operator, { code: 'CAD-A', name: 'CAD A', kind: 'license', type: 'cad' });
  org = await addOrganization(t, operator, 'acme', 'Acme');
  asset = await addAsset(t, operator, { organization: 'acme', product: 'CAD-A', serial: 'ACME00000001', seats: 3 });
  admins = await createSignedInUsers(t, [
    { email: 'ada@example.com', name: 'Ada Admin' },
    { email: 'ben@example.com', name: 'Ben Admin' },
  ]);
  await addMembers(
    t,
    org,
    admins.map((a) => a.userId),
    'admin',
  );
  people = await createSignedInUsers(
    t,
    Array.from({ length: 64 }, (_, i) => ({ email: `member-${i}@example.com`, name: `Member ${i}` })),
  );
  await addMembers(
    t,
    org,
    people.map((p) => p.userId),
    'member',
  );
  for (let i = 0; i < 2; i++) {
    const port = await freePort();
    servers.push(
      await startServer({
        port,
        cwd: db.dir,
        // The same secret as the test app, so the sessions made above sign in on both servers.
        env: {
          NODE_ENV: 'test',
          SECRET: TEST_SECRET,
          PUBLIC_URL: `http://127.0.0.1:${port}`,
          DATA_DIR: db.dir,
          DATABASE_URL: db.url,
          LOG_LEVEL: 'warn',
        },
      }),
    );
  }
}, 90_000);

afterAll(async () => {
  for (const server of servers) await server.stop();
  await t?.close();
  await db?.drop();
});

describe(`two server processes on one ${onPostgres ? 'PostgreSQL database' : 'SQLite file'}`, () => {
  it('split 64 requests for an asset of 3 seats between them: exactly 3 assigned, 61 "no seat available"', async () => {
    const answers = await Promise.all(
      people.map(async (person, i) => {
        // Alternate servers and administrators: each server gets requests from both.
        const server = servers[i % 2]!;
        const admin = admins[Math.floor(i / 2) % 2]!;
        const res = await fetch(`${server.url}/api/v1/orgs/${org}/assignments`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', cookie: admin.cookie },
          body: JSON.stringify({ asset, users: [person.userId] }),
        });
        const body = (await res.json()) as { results?: { outcome: string }[] };
        return {
          server: i % 2,
          person,
          status: res.status,
          outcome: body.results?.[0]?.outcome ?? JSON.stringify(body),
        };
      }),
    );
    expect(answers.filter((a) => a.status !== 200)).toEqual([]);
    const outcomes: Record<string, number> = {};
    for (const a of answers) outcomes[a.outcome] = (outcomes[a.outcome] ?? 0) + 1;
    expect(outcomes).toEqual({ assigned: 3, 'no seat available': 61 });

    const held = await activeAssignments(t.runtime.deps.db, { assetId: asset });
    const winners = answers.filter((a) => a.outcome === 'assigned').map((a) => a.person.userId);
    expect(held.map((h) => h.user_id).sort()).toEqual(winners.sort());
    expect(await seatsOf(t.runtime.deps.db, asset)).toEqual({ seats: 3, assigned: 3 });
    expect(await assignmentViolations(t.runtime.deps.db)).toEqual([]);
    // Neither server logged a fault while it answered.
    for (const server of servers) expect(server.output()).not.toMatch(/"level":(50|60)/);
  });
});
