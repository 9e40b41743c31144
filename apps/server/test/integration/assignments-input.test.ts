import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../src/lib/clock.js';
import { createSignedInUser, createSignedInUsers, json, type SignedInUser } from '../helpers/factories.js';
import { addAsset, addMembers, addOrganization, addProduct } from '../helpers/licensing.js';
import { createTestApp, type TestApp } from '../helpers/test-app.js';

/**
 * SPEC §6: malformed, oversized and hostile input to Assign and Revoke (wrong types, unknown fields, repeats, too
 * many users, other organizations' ids, NUL and control characters) gets a 4xx naming the field, never a 5xx, and
 * changes nothing — identically on SQLite and PostgreSQL: every answer below is one literal table both runs meet.
 */

let t: TestApp;
let admin: SignedInUser;
let org: string;
let asset: string;
let theirAsset: string;
let members: SignedInUser[];
let stranger: SignedInUser;

beforeAll(async () => {
  t = await createTestApp({ clock: new ManualClock(new Date('2026-06-01T12:00:00Z')) });
  const operator = await createSignedInUser(t, 'op@example.com', 'Olive Operator', { isOperator: true });
  await addProduct(t, operator, { code: 'CAD-A', name: 'CAD A', kind: 'license', type: 'cad' });
  await addProduct(t, operator, { code: 'SIM-1', name: 'Simulation', kind: 'license', type: 'simulation' });
  org = await addOrganization(t, operator, 'acme', 'Acme');
  const other = await addOrganization(t, operator, 'globex', 'Globex');
  asset = await addAsset(t, operator, { organization: 'acme', product: 'CAD-A', serial: 'ACME00000001', seats: 5 });
  theirAsset = await addAsset(t, operator, {
    organization: 'globex',
    product: 'SIM-1',
    serial: 'GLOBEX000001',
    seats: 5,
  });
  [admin] = (await createSignedInUsers(t, [{ email: 'ada@example.com', name: 'Ada Admin' }])) as [SignedInUser];
  await addMembers(t, org, [admin.userId], 'admin');
  members = await createSignedInUsers(t, [
    { email: 'ann@example.com', name: 'Ann' },
    { email: 'ben@example.com', name: 'Ben' },
  ]);
  await addMembers(
    t,
    org,
    members.map((m) => m.userId),
    'member',
  );
  [stranger] = (await createSignedInUsers(t, [{ email: 'stranger@example.com', name: 'Stranger' }])) as [SignedInUser];
  await addMembers(t, other, [stranger.userId], 'member');
});
afterAll(async () => t?.close());

/** What a refusal says, without the request id: the same on both databases. */
function refusal(res: LightMyRequestResponse) {
  const body = res.json();
  return { status: res.statusCode, code: body.error?.code, details: body.error?.details, message: body.error?.message };
}

function post(url: string, payload: unknown) {
  return t.app.inject({
    method: 'POST',
    url,
    headers: { cookie: admin.cookie, 'content-type': 'application/json' },
    payload: typeof payload === 'string' || Buffer.isBuffer(payload) ? payload : JSON.stringify(payload),
  });
}

/** Nothing was assigned, revoked, audited or mailed by any of it. */
async function expectNothingChanged() {
  const { db } = t.runtime.deps;
  const assignments = await db.selectFrom('assignments').select('id').execute();
  expect(assignments).toEqual([]);
  const audit = await db.selectFrom('audit_events').select('action').where('action', 'like', 'assignment.%').execute();
  expect(audit).toEqual([]);
  const mail = await db.selectFrom('outbox_emails').select('kind').where('kind', 'like', 'product-%').execute();
  expect(mail).toEqual([]);
}

const notMember = 'is not a member of this organization';
const notKnown = 'is not a known field';
const controlCharacters = 'must not contain control characters';

interface Case {
  name: string;
  body: () => unknown;
  status: number;
  code: string;
  paths: string[];
}

const CASES: Case[] = [
  {
    name: 'an unknown asset',
    body: () => ({ asset: 'ast_01JZZZZZZZZZZZZZZZZZZZZZZZ', users: [members[0]!.userId] }),
    status: 404,
    code: 'NOT_FOUND',
    paths: ['asset'],
  },
  {
    name: 'another organization’s asset',
    body: () => ({ asset: theirAsset, users: [members[0]!.userId] }),
    status: 404,
    code: 'NOT_FOUND',
    paths: ['asset'],
  },
  {
    name: 'an unknown product',
    body: () => ({ product: 'NOPE-1', users: [members[0]!.userId] }),
    status: 404,
    code: 'NOT_FOUND',
    paths: ['product'],
  },
  {
    name: 'a product only another organization has',
    body: () => ({ product: 'SIM-1', users: [members[0]!.userId] }),
    status: 404,
    code: 'NOT_FOUND',
    paths: ['product'],
  },
  {
    name: 'another organization’s user',
    body: () => ({ asset, users: [members[0]!.userId, stranger.userId] }),
    status: 404,
    code: 'NOT_FOUND',
    paths: ['users.1'],
  },
  {
    name: 'an unknown user',
    body: () => ({ asset, users: ['usr_01JZZZZZZZZZZZZZZZZZZZZZZZ'] }),
    status: 404,
    code: 'NOT_FOUND',
    paths: ['users.0'],
  },
  {
    name: '600 users',
    body: () => ({ asset, users: Array.from({ length: 600 }, (_, i) => `usr_${i}`) }),
    status: 400,
    code: 'VALIDATION_FAILED',
    paths: ['users'],
  },
  {
    name: 'a repeated user',
    body: () => ({ asset, users: [members[0]!.userId, members[1]!.userId, members[0]!.userId] }),
    status: 400,
    code: 'VALIDATION_FAILED',
    paths: ['users.2'],
  },
  {
    name: 'a user repeated with spaces around',
    body: () => ({ asset, users: [members[0]!.userId, ` ${members[0]!.userId} `] }),
    status: 400,
    code: 'VALIDATION_FAILED',
    paths: ['users.1'],
  },
  { name: 'no users', body: () => ({ asset, users: [] }), status: 400, code: 'VALIDATION_FAILED', paths: ['users'] },
  { name: 'users missing', body: () => ({ asset }), status: 400, code: 'VALIDATION_FAILED', paths: ['users'] },
  {
    name: 'users as a string',
    body: () => ({ asset, users: members[0]!.userId }),
    status: 400,
    code: 'VALIDATION_FAILED',
    paths: ['users'],
  },
  {
    name: 'users as null',
    body: () => ({ asset, users: null }),
    status: 400,
    code: 'VALIDATION_FAILED',
    paths: ['users'],
  },
  {
    name: 'a user as a number',
    body: () => ({ asset, users: [members[0]!.userId, 42] }),
    status: 400,
    code: 'VALIDATION_FAILED',
    paths: ['users.1'],
  },
  {
    name: 'a user as an object',
    body: () => ({ asset, users: [{ id: members[0]!.userId }] }),
    status: 400,
    code: 'VALIDATION_FAILED',
    paths: ['users.0'],
  },
  {
    name: 'an empty user id',
    body: () => ({ asset, users: ['  '] }),
    status: 400,
    code: 'VALIDATION_FAILED',
    paths: ['users.0'],
  },
  {
    name: 'a user id of 101 characters',
    body: () => ({ asset, users: ['u'.repeat(101)] }),
    status: 400,
    code: 'VALIDATION_FAILED',
    paths: ['users.0'],
  },
  {
    name: 'the asset as a number',
    body: () => ({ asset: 7, users: [members[0]!.userId] }),
    status: 400,
    code: 'VALIDATION_FAILED',
    paths: ['asset'],
  },
  {
    name: 'the asset as a list',
    body: () => ({ asset: [asset], users: [members[0]!.userId] }),
    status: 400,
    code: 'VALIDATION_FAILED',
    paths: ['asset'],
  },
  {
    name: 'both asset and product',
    body: () => ({ asset, product: 'CAD-A', users: [members[0]!.userId] }),
    status: 400,
    code: 'VALIDATION_FAILED',
    paths: ['asset'],
  },
  {
    name: 'neither asset nor product',
    body: () => ({ users: [members[0]!.userId] }),
    status: 400,
    code: 'VALIDATION_FAILED',
    paths: ['asset'],
  },
  {
    name: 'an unknown field',
    body: () => ({ asset, users: [members[0]!.userId], seats: 99 }),
    status: 400,
    code: 'VALIDATION_FAILED',
    paths: ['seats'],
  },
  {
    name: 'two unknown fields',
    body: () => ({ asset, users: [members[0]!.userId], organization: 'globex', force: true }),
    status: 400,
    code: 'VALIDATION_FAILED',
    paths: ['organization', 'force'],
  },
  {
    name: 'a body that is a list',
    body: () => [{ asset, users: [members[0]!.userId] }],
    status: 400,
    code: 'VALIDATION_FAILED',
    paths: [''],
  },
  {
    name: 'a NUL byte in a user id',
    body: () => ({ asset, users: [`${members[0]!.userId}\u0000`] }),
    status: 400,
    code: 'VALIDATION_FAILED',
    paths: ['users.0'],
  },
  {
    name: 'a NUL byte alone as a user id',
    body: () => ({ asset, users: ['\u0000'] }),
    status: 400,
    code: 'VALIDATION_FAILED',
    paths: ['users.0'],
  },
  {
    name: 'a control character in a user id',
    body: () => ({ asset, users: [members[0]!.userId, `usr_\u0007\u001b[31m`] }),
    status: 400,
    code: 'VALIDATION_FAILED',
    paths: ['users.1'],
  },
  {
    name: 'a NUL byte in the asset id',
    body: () => ({ asset: `${asset}\u0000`, users: [members[0]!.userId] }),
    status: 400,
    code: 'VALIDATION_FAILED',
    paths: ['asset'],
  },
  {
    name: 'a NUL byte in the product',
    body: () => ({ product: 'CAD-A\u0000', users: [members[0]!.userId] }),
    status: 400,
    code: 'VALIDATION_FAILED',
    paths: ['product'],
  },
  {
    name: 'SQL in a user id',
    body: () => ({ asset, users: ["x' or '1'='1"] }),
    status: 404,
    code: 'NOT_FOUND',
    paths: ['users.0'],
  },
  {
    name: 'HTML in the product',
    body: () => ({ product: '<img src=x onerror=alert(1)>', users: [members[0]!.userId] }),
    status: 404,
    code: 'NOT_FOUND',
    paths: ['product'],
  },
];

describe('Assign refuses bad input, naming the field, and assigns nothing', () => {
  it.each(CASES)('$name → $status $paths', async ({ body, status, code, paths }) => {
    const res = await post(`/api/v1/orgs/${org}/assignments`, body());
    const answer = refusal(res);
    expect(answer, res.body).toMatchObject({ status, code });
    expect(answer.details.map((d: { path: string }) => d.path)).toEqual(paths);
    expect(typeof answer.message).toBe('string');
  });

  // The snapshot file is shared by the SQLite and the PostgreSQL run: each must give the very same answers.
  it('answers every case the same on both databases, message and details included', async () => {
    const names = new Map<string, string>([
      [asset, '<asset>'],
      [theirAsset, '<their asset>'],
      [stranger.userId, '<stranger>'],
      ...members.map((m, i): [string, string] => [m.userId, `<member ${i}>`]),
    ]);
    const answers: unknown[] = [];
    for (const c of CASES) {
      const { status, code, message, details } = refusal(await post(`/api/v1/orgs/${org}/assignments`, c.body()));
      let text = JSON.stringify({ case: c.name, status, code, message, details });
      for (const [id, name] of names) text = text.replaceAll(id, name);
      answers.push(JSON.parse(text));
    }
    expect(answers).toMatchSnapshot();
  });

  it('answers another organization’s asset exactly as an unknown one', async () => {
    const unknown = refusal(
      await post(`/api/v1/orgs/${org}/assignments`, { asset: 'ast_nothing', users: [members[0]!.userId] }),
    );
    const theirs = refusal(
      await post(`/api/v1/orgs/${org}/assignments`, { asset: theirAsset, users: [members[0]!.userId] }),
    );
    expect(theirs).toEqual(unknown);
  });

  it('answers another organization’s user exactly as an unknown one', async () => {
    const unknown = refusal(await post(`/api/v1/orgs/${org}/assignments`, { asset, users: ['usr_nobody'] }));
    const theirs = refusal(await post(`/api/v1/orgs/${org}/assignments`, { asset, users: [stranger.userId] }));
    expect(theirs).toEqual(unknown);
    expect(theirs.details).toEqual([{ path: 'users.0', message: notMember }]);
  });

  it('names each unknown field as unknown', async () => {
    const res = await post(`/api/v1/orgs/${org}/assignments`, { asset, users: [members[0]!.userId], seats: 2 });
    expect(res.json().error.details).toEqual([{ path: 'seats', message: notKnown }]);
  });

  it('says a control character is the problem, for each field that has one', async () => {
    const res = await post(`/api/v1/orgs/${org}/assignments`, {
      asset: `${asset}\u0000`,
      users: [members[0]!.userId, 'usr_\u0000', `${members[1]!.userId}\u001f`],
    });
    expect(refusal(res)).toMatchObject({
      status: 400,
      code: 'VALIDATION_FAILED',
      details: [
        { path: 'asset', message: controlCharacters },
        { path: 'users.1', message: controlCharacters },
        { path: 'users.2', message: controlCharacters },
      ],
    });
  });

  it('refuses a body that is not JSON, is bad UTF-8 or is too large, without a 5xx', async () => {
    const url = `/api/v1/orgs/${org}/assignments`;
    expect(refusal(await post(url, '{"asset": '))).toMatchObject({ status: 400, code: 'VALIDATION_FAILED' });
    const badUtf8 = Buffer.concat([
      Buffer.from(`{"asset":"${asset}","users":["`),
      Buffer.from([0xff, 0xfe]),
      Buffer.from('"]}'),
    ]);
    const bad = await post(url, badUtf8);
    expect(bad.statusCode).toBeGreaterThanOrEqual(400);
    expect(bad.statusCode).toBeLessThan(500);
    const huge = await post(url, { asset, users: [members[0]!.userId], pad: 'x'.repeat(1_100_000) });
    expect(refusal(huge)).toMatchObject({ status: 413, code: 'PAYLOAD_TOO_LARGE' });
    const proto = await post(url, `{"asset":"${asset}","users":["${members[0]!.userId}"],"__proto__":{"x":1}}`);
    expect(proto.statusCode).toBe(400);
  });

  it('changed nothing', expectNothingChanged);
});

describe('Revoke and the list refuse bad input the same way', () => {
  const REVOKE_CASES: Case[] = [
    {
      name: 'no assignments',
      body: () => ({ assignments: [] }),
      status: 400,
      code: 'VALIDATION_FAILED',
      paths: ['assignments'],
    },
    {
      name: '501 assignments',
      body: () => ({ assignments: Array.from({ length: 501 }, (_, i) => `asg_${i}`) }),
      status: 400,
      code: 'VALIDATION_FAILED',
      paths: ['assignments'],
    },
    {
      name: 'a repeated assignment',
      body: () => ({ assignments: ['asg_1', 'asg_1'] }),
      status: 400,
      code: 'VALIDATION_FAILED',
      paths: ['assignments.1'],
    },
    {
      name: 'a number',
      body: () => ({ assignments: [1] }),
      status: 400,
      code: 'VALIDATION_FAILED',
      paths: ['assignments.0'],
    },
    {
      name: 'an unknown field',
      body: () => ({ assignments: ['asg_1'], all: true }),
      status: 400,
      code: 'VALIDATION_FAILED',
      paths: ['all'],
    },
    {
      name: 'a NUL byte',
      body: () => ({ assignments: ['asg_\u0000'] }),
      status: 400,
      code: 'VALIDATION_FAILED',
      paths: ['assignments.0'],
    },
    {
      name: 'a control character',
      body: () => ({ assignments: ['asg_\u0008'] }),
      status: 400,
      code: 'VALIDATION_FAILED',
      paths: ['assignments.0'],
    },
  ];

  it.each(REVOKE_CASES)('revoke: $name → $status $paths', async ({ body, status, code, paths }) => {
    const res = await post(`/api/v1/orgs/${org}/assignments/revoke`, body());
    const answer = refusal(res);
    expect(answer, res.body).toMatchObject({ status, code });
    expect(answer.details.map((d: { path: string }) => d.path)).toEqual(paths);
  });

  it('answers an id with a NUL byte or control character in the path with a 4xx', async () => {
    for (const id of ['asg_%00', '%00', 'asg_%07', 'asg_%1B']) {
      const res = await json(t, 'DELETE', `/api/v1/orgs/${org}/assignments/${id}`, admin.cookie);
      expect(res.statusCode, `${id}: ${res.body}`).toBeGreaterThanOrEqual(400);
      expect(res.statusCode, `${id}: ${res.body}`).toBeLessThan(500);
    }
  });

  it('answers an organization id with a NUL byte or control character with a 4xx, on every licensing route', async () => {
    for (const org of ['%00', 'acme%00', '%07']) {
      const answers = [
        await post(`/api/v1/orgs/${org}/assignments`, { asset, users: [members[0]!.userId] }),
        await post(`/api/v1/orgs/${org}/assignments/revoke`, { assignments: ['asg_1'] }),
        await json(t, 'GET', `/api/v1/orgs/${org}/assignments`, admin.cookie),
        await json(t, 'DELETE', `/api/v1/orgs/${org}/assignments/asg_1`, admin.cookie),
        await json(t, 'GET', `/api/v1/orgs/${org}/my-products`, admin.cookie),
      ];
      for (const res of answers) {
        expect(res.statusCode, `${org}: ${res.body}`).toBeGreaterThanOrEqual(400);
        expect(res.statusCode, `${org}: ${res.body}`).toBeLessThan(500);
      }
    }
  });

  it('answers a list filtered by an id with a NUL byte or control character with a 4xx', async () => {
    for (const query of ['user=usr_%00', 'asset=%00', 'product=CAD%00', 'user=usr_%07', 'q=%00']) {
      const res = await json(t, 'GET', `/api/v1/orgs/${org}/assignments?${query}`, admin.cookie);
      expect(res.statusCode, `${query}: ${res.body}`).toBeGreaterThanOrEqual(400);
      expect(res.statusCode, `${query}: ${res.body}`).toBeLessThan(500);
    }
  });

  it('changed nothing', expectNothingChanged);
});
