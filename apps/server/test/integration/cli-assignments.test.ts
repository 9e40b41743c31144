import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { upsertMember } from '../../src/modules/members/members.repository.js';
import { openAppOn, portico } from '../helpers/child-app.js';
import { type ChildDatabase, createChildDatabase, ensureBuilt } from '../helpers/child-process.js';
import { createOrganizationWithAsset, createSignedInUser, createSignedInUsers, json } from '../helpers/factories.js';
import type { TestApp } from '../helpers/test-app.js';

/**
 * `portico assignment add | revoke | list` (SPEC §2.5, §4.4) as real processes on a real database (a SQLite file, or
 * a fresh PostgreSQL database with TEST_DATABASE_URL), beside an open application that made the catalogue.
 */
let db: ChildDatabase;
let t: TestApp;
let acme: string;
let secondAsset: string;

const cli = (...args: string[]) => portico(db, args);

/** A person reads the message: no stack trace. */
function expectRefusal(result: { code: number | null; stderr: string }, text: string | RegExp) {
  expect(result.code).toBe(1);
  expect(result.stderr).toMatch(text);
  expect(result.stderr).not.toMatch(/^\s+at /m);
}

async function active() {
  return t.runtime.deps.db
    .selectFrom('assignments as g')
    .innerJoin('users as u', 'u.id', 'g.user_id')
    .select(['g.id', 'u.email', 'g.asset_id', 'g.assigned_by_user_id'])
    .where('g.status', '=', 'active')
    .orderBy('u.email')
    .execute();
}

async function events(action: string) {
  return t.runtime.deps.db
    .selectFrom('audit_events')
    .select(['actor_user_id', 'actor_ip'])
    .where('action', '=', action)
    .execute();
}

async function queuedTo(subjectPart: string) {
  const rows = await t.runtime.deps.db
    .selectFrom('outbox_emails')
    .select(['to_address', 'subject'])
    .where('subject_type', '=', 'assignment')
    .execute();
  return rows
    .filter((r) => r.subject.includes(subjectPart))
    .map((r) => r.to_address)
    .sort();
}

beforeAll(async () => {
  ensureBuilt();
  db = await createChildDatabase();
  t = await openAppOn(db);
  const operator = await createSignedInUser(t, 'op@example.com', 'Olive Operator', { isOperator: true });
  acme = (
    await createOrganizationWithAsset(t, operator, {
      code: 'acme',
      name: 'Acme',
      serial: 'ACME00000001',
      seats: 3,
      endsAt: null,
    })
  ).organizationId;
  const globex = (
    await createOrganizationWithAsset(t, operator, { code: 'globex', name: 'Globex', serial: 'GLBX0001' })
  ).organizationId;
  const second = await json(t, 'POST', '/api/v1/operator/assets', operator, {
    ...{ organization: 'acme', product: 'PRM-2026', serial: 'ACME00000002', seats: 5 },
    ...{ mode: 'online', startsAt: '2026-01-01', endsAt: '2099-01-01' },
  });
  secondAsset = second.json().id;
  const people = await createSignedInUsers(
    t,
    ['ann', 'ben', 'cat', 'dan', 'eve'].map((n) => ({
      email: `${n}@example.com`,
      name: `${n[0]?.toUpperCase()}${n.slice(1)} Person`,
    })),
  );
  for (const p of people) await upsertMember(t.runtime.deps.db, acme, p.userId, 'member', t.clock.now());
  const [stranger] = await createSignedInUsers(t, [{ email: 'stranger@example.com', name: 'Stranger' }]);
  await upsertMember(t.runtime.deps.db, globex, stranger!.userId, 'member', t.clock.now());
});
afterAll(async () => {
  await t?.close();
  await db.drop();
});

describe('portico assignment add', () => {
  it('assigns a product to members named by email, one line each, recorded as done by the system', async () => {
    const result = await cli(
      'assignment',
      'add',
      '--org',
      'acme',
      '--product',
      'prm-2026',
      '--users',
      'Ann@Example.com, ben@example.com',
    );
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    // The perpetual asset first (SPEC §2.5: the asset with a free seat that ends last).
    expect(result.stdout.split('\n')).toEqual([
      'ann@example.com  assigned  ACME 0000 0001',
      'ben@example.com  assigned  ACME 0000 0001',
      'Assigned PRM-2026 to 2 of 2 users.',
      '',
    ]);
    const rows = await active();
    expect(rows.map((r) => [r.email, r.assigned_by_user_id])).toEqual([
      ['ann@example.com', null],
      ['ben@example.com', null],
    ]);
    // One request about two members: one event, its rows each member's outcome.
    expect(await events('assignments.created')).toEqual([{ actor_user_id: null, actor_ip: null }]);
    expect(await events('assignment.created')).toEqual([]);
    // Queued for the server's mail worker: one email a member.
    expect(await queuedTo('now yours')).toEqual(['ann@example.com', 'ben@example.com']);
  });

  it('reports each outcome and exits 1 when a user is left without the product', async () => {
    const result = await cli(
      ...['assignment', 'add', '--org', 'acme', '--asset', (await active())[0]!.asset_id],
      ...['--users', 'ann@example.com;cat@example.com dan@example.com'],
    );
    expect(result.code).toBe(1);
    expect(result.stdout.split('\n')).toEqual([
      'ann@example.com  already assigned   ACME 0000 0001',
      'cat@example.com  assigned           ACME 0000 0001',
      'dan@example.com  no seat available',
      'Assigned PRM-2026 (ACME 0000 0001) to 1 of 3 users; 1 already assigned, 1 no seat available.',
      '',
    ]);
    expect((await active()).map((r) => r.email)).toEqual(['ann@example.com', 'ben@example.com', 'cat@example.com']);
  });

  it('takes the next asset of the product when the first is full', async () => {
    const result = await cli(
      'assignment',
      'add',
      '--org',
      'acme',
      '--product',
      'PRM-2026',
      '--users',
      'dan@example.com',
    );
    expect(result.code).toBe(0);
    expect(result.stdout).toBe('dan@example.com  assigned  ACME 0000 0002\nAssigned PRM-2026 to 1 of 1 user.\n');
    expect((await active()).find((r) => r.email === 'dan@example.com')?.asset_id).toBe(secondAsset);
  });

  it('refuses unknown addresses and non-members by name, and assigns nothing', async () => {
    const before = await active();
    expectRefusal(
      await cli(
        ...['assignment', 'add', '--org', 'acme', '--product', 'PRM-2026'],
        ...['--users', 'eve@example.com,nobody@example.com,stranger@example.com'],
      ),
      'nobody@example.com has no account; stranger@example.com is not a member of Acme',
    );
    expect(await active()).toEqual(before);
  });

  it('refuses a bad organization, product, asset or list of users, naming the option', async () => {
    const add = (...args: string[]) => cli('assignment', 'add', ...args);
    expectRefusal(
      await add('--org', 'nowhere', '--product', 'PRM-2026', '--users', 'eve@example.com'),
      '--org no organization has the id or code nowhere',
    );
    expectRefusal(
      await add('--org', 'acme', '--product', 'NOPE', '--users', 'eve@example.com'),
      '--product is not a product this organization has an asset of',
    );
    expectRefusal(
      await add('--org', 'globex', '--asset', secondAsset, '--users', 'stranger@example.com'),
      '--asset is not an asset of this organization',
    );
    expectRefusal(await add('--org', 'acme', '--users', 'eve@example.com'), '--product or --asset: give one of them');
    expectRefusal(
      await add('--org', 'acme', '--product', 'PRM-2026', '--users', 'eve@example.com,EVE@example.com'),
      '--users names eve@example.com twice',
    );
    expectRefusal(await add('--org', 'acme', '--product', 'PRM-2026', '--users', ' , '), '--users names no address');
    const both = await add(
      '--org',
      'acme',
      '--product',
      'PRM-2026',
      '--asset',
      secondAsset,
      '--users',
      'eve@example.com',
    );
    expect(both.code).toBe(1);
    expect(both.stderr).toContain("option '--product <product>' cannot be used with option '--asset <id>'");
    expect((await active()).map((r) => r.email)).not.toContain('eve@example.com');
  });
});

describe('portico assignment list', () => {
  it('lists the active assignments, narrowed by member or product', async () => {
    const all = await cli('assignment', 'list', '--org', 'acme');
    expect(all.code).toBe(0);
    const lines = all.stdout.trimEnd().split('\n');
    expect(lines).toHaveLength(5);
    expect(lines.at(-1)).toBe('4 active assignments.');
    expect(lines[0]).toMatch(
      /^asg_\w+ {2}PRM-2026 {2}ACME 0000 0002 {2}dan@example\.com {2}Dan Person {2}\d{4}-\d\d-\d\d$/,
    );
    const ann = await cli('assignment', 'list', '--org', 'acme', '--user', 'ANN@example.com', '--product', 'prm-2026');
    expect(ann.stdout).toMatch(
      /^asg_\w+ {2}PRM-2026 {2}ACME 0000 0001 {2}ann@example\.com {2}Ann Person {2}\S+\n1 active assignment\.\n$/,
    );
    const eve = await cli('assignment', 'list', '--org', 'acme', '--user', 'eve@example.com');
    expect(eve.stdout).toBe('No active assignments.\n');
  });

  it('refuses an unknown product, an unknown address and a non-member', async () => {
    expectRefusal(
      await cli('assignment', 'list', '--org', 'acme', '--product', 'NOPE', '--user', 'stranger@example.com'),
      '--product no product has the id or code NOPE; stranger@example.com is not a member of Acme',
    );
    expectRefusal(
      await cli('assignment', 'list', '--org', 'acme', '--user', 'x@example.com'),
      'x@example.com has no account',
    );
  });
});

describe('portico assignment revoke', () => {
  it('revokes each named assignment, says which were not found, and exits 1 for those', async () => {
    const [ann, ben] = await active();
    const result = await cli('assignment', 'revoke', '--org', 'acme', ann!.id, 'asg_unknown');
    expect(result.code).toBe(1);
    expect(result.stdout.split('\n')).toEqual([
      `${ann!.id.padEnd('asg_unknown'.length)}  revoked`,
      `${'asg_unknown'.padEnd(ann!.id.length)}  not found`,
      'Revoked 1 of 2 assignments; 1 not found (unknown, already revoked, or of another organization).',
      '',
    ]);
    // Another organization's assignment is not found either.
    expect((await cli('assignment', 'revoke', '--org', 'globex', ben!.id)).code).toBe(1);
    const clean = await cli('assignment', 'revoke', '--org', 'acme', ben!.id);
    expect(clean.stderr).toBe('');
    expect(clean.code).toBe(0);
    expect(clean.stdout).toBe(`${ben!.id}  revoked\nRevoked 1 of 1 assignment.\n`);
    expect((await active()).map((r) => r.email)).toEqual(['cat@example.com', 'dan@example.com']);
    // The request naming two assignments is one event; the one naming one is an event of its own.
    expect(await events('assignments.revoked')).toEqual([{ actor_user_id: null, actor_ip: null }]);
    expect(await events('assignment.revoked')).toEqual([{ actor_user_id: null, actor_ip: null }]);
    expect(await queuedTo('no longer assigned')).toHaveLength(2);
    expectRefusal(await cli('assignment', 'revoke', '--org', 'acme', ben!.id, ben!.id), `${ben!.id} is named twice`);
  });
});
