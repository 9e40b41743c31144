import type { LicenseAnswer } from '@portico/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { machine } from '../helpers/activations.js';
import { openAppOn } from '../helpers/child-app.js';
import {
  type ChildDatabase,
  createChildDatabase,
  ensureBuilt,
  type ServerProcess,
  startServer,
  TEST_SECRET,
} from '../helpers/child-process.js';
import { createSignedInUser, createSignedInUsers, json, type SignedInUser } from '../helpers/factories.js';
import { addAsset, addMembers, addOrganization, addProduct } from '../helpers/licensing.js';
import { freePort } from '../helpers/smtp-peer.js';
import type { TestApp } from '../helpers/test-app.js';
import { onPostgres } from '../helpers/test-db.js';

/**
 * SPEC §2.5 / §6: one device in use per member and product, and machine-mode seats never oversubscribed, also when
 * the requests reach two server instances at once. Two built `portico serve` processes share one database — a fresh
 * PostgreSQL database with TEST_DATABASE_URL (several instances behind a load balancer), else one SQLite file, where
 * the two processes contend through SQLite's file lock — as in assignments-two-servers.test.ts. The app in the test
 * process only prepares the data and reads the database afterwards.
 */

let db: ChildDatabase;
let t: TestApp;
let org: string;
let machineAsset: string;
let people: SignedInUser[];
const servers: ServerProcess[] = [];

beforeAll(async () => {
  ensureBuilt();
  db = await createChildDatabase();
  t = await openAppOn(db);
  const operator = await createSignedInUser(t, 'op@example.com', 'Olive Operator', { isOperator: true });
  await addProduct(t, operator, { code: 'CAD-A', name: 'CAD A', kind: 'license', type: 'cad' });
  await addProduct(t, operator, { code: 'CI-RUN', name: 'CI Runner', kind: 'license', type: 'runner' });
  org = await addOrganization(t, operator, 'acme', 'Acme');
  const named = await addAsset(t, operator, {
    organization: 'acme',
    product: 'CAD-A',
    serial: 'ACME00000001',
    seats: 40,
  });
  const created = await json(t, 'POST', '/api/v1/operator/assets', operator, {
    organization: 'acme',
    product: 'CI-RUN',
    serial: 'MACH00000001',
    seats: 3,
    mode: 'machine',
    startsAt: '2026-01-01',
    endsAt: null,
  });
  if (created.statusCode !== 201) throw new Error(`machine asset: ${created.body}`);
  machineAsset = created.json().id as string;
  const [admin] = await createSignedInUsers(t, [{ email: 'ada@example.com', name: 'Ada Admin' }]);
  await addMembers(t, org, [admin!.userId], 'admin');
  people = await createSignedInUsers(
    t,
    Array.from({ length: 30 }, (_, i) => ({ email: `member-${i}@example.com`, name: `Member ${i}` })),
  );
  await addMembers(
    t,
    org,
    people.map((p) => p.userId),
    'member',
  );
  const assigned = await json(t, 'POST', `/api/v1/orgs/${org}/assignments`, admin!.cookie, {
    asset: named,
    users: people.map((p) => p.userId),
  });
  if (assigned.statusCode !== 200) throw new Error(`assign: ${assigned.body}`);
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
          // Ten takeover rounds may start 20 activations per member: the daily limit is not what is tested here.
          ACTIVATIONS_PER_DAY: '10000',
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

async function send(server: ServerProcess, path: string, body: unknown, cookie?: string) {
  const res = await fetch(`${server.url}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(cookie ? { cookie } : {}) },
    body: JSON.stringify(body),
  });
  return { status: res.status, answer: (await res.json()) as LicenseAnswer };
}

function tally(values: string[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const v of values) counts[v] = (counts[v] ?? 0) + 1;
  return counts;
}

async function activeRows(filter: { userId?: string; assetId?: string }) {
  let query = t.runtime.deps.db.selectFrom('activations').select(['id', 'kind']).where('status', '=', 'active');
  if (filter.userId) query = query.where('user_id', '=', filter.userId).where('kind', '=', 'online');
  if (filter.assetId) query = query.where('asset_id', '=', filter.assetId).where('kind', '=', 'machine');
  return query.execute();
}

describe(`two server processes on one ${onPostgres ? 'PostgreSQL database' : 'SQLite file'}`, () => {
  it('a member’s two devices, one on each server, activating at once: one slot (15 members at the same moment)', async () => {
    const crowd = people.slice(0, 15);
    const answers = await Promise.all(
      crowd.flatMap((person, i) =>
        [0, 1].map(async (s) => {
          const body = { product: 'CAD-A', machine: machine(`p${i}-s${s}`) };
          return { person, ...(await send(servers[s]!, '/api/v1/licensing/activations', body, person.cookie)) };
        }),
      ),
    );
    expect(answers.filter((a) => a.status !== 200).map((a) => JSON.stringify(a.answer))).toEqual([]);
    for (const person of crowd) {
      const own = answers.filter((a) => a.person === person).map((a) => a.answer);
      expect(tally(own.map((a) => a.code))).toEqual({ VALID: 1, ACTIVE_ON_ANOTHER_MACHINE: 1 });
      const rows = await activeRows({ userId: person.userId });
      expect(rows.map((r) => r.id)).toEqual([own.find((a) => a.valid)!.activation!.id]);
    }
  });

  it('with takeover on both servers, 10 rounds each for 15 members: always exactly one slot', async () => {
    const crowd = people.slice(15, 30);
    for (let round = 0; round < 10; round++) {
      const answers = await Promise.all(
        crowd.flatMap((person, i) =>
          [0, 1].map((s) =>
            send(
              servers[(s + round) % 2]!,
              '/api/v1/licensing/activations',
              { product: 'CAD-A', machine: machine(`q${i}-d${s}`), takeover: true },
              person.cookie,
            ),
          ),
        ),
      );
      expect(answers.filter((a) => a.status !== 200 || !a.answer.valid).map((a) => JSON.stringify(a.answer))).toEqual(
        [],
      );
      for (const person of crowd) expect(await activeRows({ userId: person.userId }), `round ${round}`).toHaveLength(1);
    }
  }, 120_000);

  it('64 machines split over both servers on an asset of 3 seats: exactly 3 VALID, 61 NO_SEAT_AVAILABLE', async () => {
    const results = await Promise.all(
      Array.from({ length: 64 }, (_, i) =>
        send(servers[i % 2]!, '/api/v1/licensing/machine-activations', {
          serial: 'MACH-0000-0001',
          machine: machine(`runner-${i}`),
        }),
      ),
    );
    expect(results.filter((r) => r.status !== 200).map((r) => JSON.stringify(r.answer))).toEqual([]);
    expect(tally(results.map((r) => r.answer.code))).toEqual({ VALID: 3, NO_SEAT_AVAILABLE: 61 });
    const granted = results.filter((r) => r.answer.valid).map((r) => r.answer.activation!.id);
    const rows = await activeRows({ assetId: machineAsset });
    expect(rows.map((r) => r.id).sort()).toEqual(granted.sort());
  });

  it('the same machine on both servers, 10 times at once: one activation', async () => {
    const device = machine('flaky-runner');
    // The asset is full: one machine releases its seat first (with the serial, as the machine itself would).
    const [held] = await activeRows({ assetId: machineAsset });
    const released = await send(servers[0]!, `/api/v1/licensing/machine-activations/${held!.id}/release`, {
      serial: 'MACH00000001',
    });
    expect(released.answer.code).toBe('RELEASED');
    const results = await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        send(servers[i % 2]!, '/api/v1/licensing/machine-activations', { serial: 'MACH00000001', machine: device }),
      ),
    );
    expect(results.map((r) => r.answer.code)).toEqual(Array(10).fill('VALID'));
    expect(new Set(results.map((r) => r.answer.activation!.id)).size).toBe(1);
    expect(await activeRows({ assetId: machineAsset })).toHaveLength(3);
    // Neither server logged a fault while it answered.
    for (const server of servers) expect(server.output()).not.toMatch(/"level":(50|60)/);
  });
});
