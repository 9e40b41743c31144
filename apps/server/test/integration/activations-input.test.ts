import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../src/lib/clock.js';
import { activate, type LicensingWorld, licensingWorld, machine } from '../helpers/activations.js';
import { createOrganizationWithAsset } from '../helpers/factories.js';
import { createTestApp, type TestApp } from '../helpers/test-app.js';

/**
 * SPEC §6: malformed and hostile input to the licensing API (wrong types, unknown fields, fingerprints of the wrong
 * shape, NUL and control characters, oversized names, invalid JSON, SQL and HTML) gets a 4xx naming the field, or a
 * business answer (200), never a 5xx, and changes nothing — identically on SQLite and PostgreSQL: the answers are kept
 * in one snapshot both runs must meet. Names that merely look like SQL or HTML are names: stored and answered as text.
 */

let t: TestApp;
let w: LicensingWorld;
let slot: string;
const SERIAL = 'MACH00000001';
let machineActivation: string;

beforeAll(async () => {
  t = await createTestApp({ clock: new ManualClock(new Date('2026-06-01T12:00:00Z')) });
  w = await licensingWorld(t, { members: 1 });
  // Another organization the member is not in, to name in `organization`.
  await createOrganizationWithAsset(t, w.operator, { code: 'globex', name: 'Globex', serial: 'GLOBEX000001' });
  const created = await t.app.inject({
    method: 'POST',
    url: '/api/v1/operator/assets',
    headers: { cookie: w.operator },
    payload: {
      organization: 'acme',
      product: 'PRM-2026',
      serial: SERIAL,
      seats: 2,
      mode: 'machine',
      startsAt: '2026-01-01',
    },
  });
  if (created.statusCode !== 201) throw new Error(created.body);
  // A device in use and a machine seat taken: a bad request must not disturb either.
  slot = (await activate(t, w.members[0]!.cookie, machine('home'))).activation!.id;
  const seat = await t.app.inject({
    method: 'POST',
    url: '/api/v1/licensing/machine-activations',
    payload: { serial: SERIAL, machine: machine('runner') },
  });
  machineActivation = seat.json().activation.id as string;
});
afterAll(async () => t?.close());

function send(url: string, payload: unknown, cookie?: string): Promise<LightMyRequestResponse> {
  return t.app.inject({
    method: 'POST',
    url,
    headers: { 'content-type': 'application/json', ...(cookie ? { cookie } : {}) },
    payload: typeof payload === 'string' || Buffer.isBuffer(payload) ? payload : JSON.stringify(payload),
  });
}

/** What an answer says, without request ids and leases: the same on both databases. */
function summary(res: LightMyRequestResponse) {
  const body = res.json();
  if (res.statusCode === 200) return { status: 200, code: body.code, message: body.message };
  const { code, message, details } = body.error;
  return { status: res.statusCode, code, message, details };
}

async function counts() {
  const { db } = t.runtime.deps;
  const n = async (table: 'activations' | 'licensing_devices' | 'license_transfers' | 'audit_events') =>
    Number((await db.selectFrom(table).select(db.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
  const active = await db.selectFrom('activations').select('id').where('status', '=', 'active').orderBy('id').execute();
  return {
    activations: await n('activations'),
    devices: await n('licensing_devices'),
    transfers: await n('license_transfers'),
    audit: await n('audit_events'),
    active: active.map((a) => a.id),
  };
}

const base = () => ({ product: 'PRM-2026', machine: machine('office'), takeover: true });
const withMachine = (change: object) => ({ ...base(), machine: { ...machine('office'), ...change } });
const nine = Object.fromEntries(Array.from({ length: 9 }, (_, i) => [`c${i}`, `v${i}`]));

interface Case {
  name: string;
  body: () => unknown;
  /** The field named (details[].path), or the business code of a 200. */
  expect: string[] | string;
}

const ACTIVATE: Case[] = [
  { name: 'product as a number', body: () => ({ ...base(), product: 7 }), expect: ['product'] },
  { name: 'product missing', body: () => ({ machine: machine('office') }), expect: ['product'] },
  { name: 'product empty', body: () => ({ ...base(), product: '  ' }), expect: ['product'] },
  { name: 'product of 101 characters', body: () => ({ ...base(), product: 'P'.repeat(101) }), expect: ['product'] },
  { name: 'a NUL byte in product', body: () => ({ ...base(), product: 'PRM-2026\u0000' }), expect: ['product'] },
  { name: 'a control character in product', body: () => ({ ...base(), product: 'PRM\u0007' }), expect: ['product'] },
  { name: 'machine missing', body: () => ({ product: 'PRM-2026' }), expect: ['machine'] },
  { name: 'machine as a string', body: () => ({ ...base(), machine: 'laptop' }), expect: ['machine'] },
  { name: 'machine as null', body: () => ({ ...base(), machine: null }), expect: ['machine'] },
  {
    name: 'fingerprint missing',
    body: () => ({ ...base(), machine: { name: 'x', platform: 'linux' } }),
    expect: ['machine.fingerprint'],
  },
  { name: 'an empty fingerprint', body: () => withMachine({ fingerprint: {} }), expect: ['machine.fingerprint'] },
  {
    name: 'a fingerprint of 9 components',
    body: () => withMachine({ fingerprint: nine }),
    expect: ['machine.fingerprint'],
  },
  {
    name: 'a component name with a space',
    body: () => withMachine({ fingerprint: { 'host name': 'a', cpu: 'b' } }),
    expect: ['machine.fingerprint'],
  },
  {
    name: 'a component name that is SQL',
    body: () => withMachine({ fingerprint: { "x' or '1'='1": 'a' } }),
    expect: ['machine.fingerprint'],
  },
  { name: 'a fingerprint as a number', body: () => withMachine({ fingerprint: 42 }), expect: ['machine.fingerprint'] },
  { name: 'a fingerprint as a list', body: () => withMachine({ fingerprint: ['a'] }), expect: ['machine.fingerprint'] },
  {
    name: 'a NUL byte in a fingerprint value',
    body: () => withMachine({ fingerprint: { hostname: 'a\u0000b', cpu: 'c' } }),
    expect: ['machine.fingerprint.hostname'],
  },
  {
    name: 'a control character in a fingerprint text',
    body: () => withMachine({ fingerprint: 'abc\u001b[31m' }),
    expect: ['machine.fingerprint'],
  },
  {
    name: 'a fingerprint value of 257 characters',
    body: () => withMachine({ fingerprint: { hostname: 'h'.repeat(257) } }),
    expect: ['machine.fingerprint.hostname'],
  },
  {
    name: 'a component value as a number',
    body: () => withMachine({ fingerprint: { hostname: 12 } }),
    expect: ['machine.fingerprint'],
  },
  { name: 'name missing', body: () => withMachine({ name: undefined }), expect: ['machine.name'] },
  { name: 'a NUL byte in the name', body: () => withMachine({ name: 'lap\u0000top' }), expect: ['machine.name'] },
  { name: 'a newline in the name', body: () => withMachine({ name: 'lap\ntop' }), expect: ['machine.name'] },
  {
    name: 'an escape sequence in the name',
    body: () => withMachine({ name: '\u001b[2Jlaptop' }),
    expect: ['machine.name'],
  },
  { name: 'a name of 5,000 characters', body: () => withMachine({ name: 'n'.repeat(5000) }), expect: ['machine.name'] },
  { name: 'a name of spaces', body: () => withMachine({ name: '   ' }), expect: ['machine.name'] },
  { name: 'the name as an object', body: () => withMachine({ name: { first: 'x' } }), expect: ['machine.name'] },
  { name: 'platform as a number', body: () => withMachine({ platform: 64 }), expect: ['machine.platform'] },
  {
    name: 'a NUL byte in the platform',
    body: () => withMachine({ platform: 'linux\u0000' }),
    expect: ['machine.platform'],
  },
  { name: 'appVersion as null', body: () => withMachine({ appVersion: null }), expect: ['machine.appVersion'] },
  { name: 'an unknown field', body: () => ({ ...base(), seats: 99 }), expect: ['seats'] },
  { name: 'an unknown machine field', body: () => withMachine({ serial: 'X' }), expect: ['machine.serial'] },
  { name: 'takeover as a string', body: () => ({ ...base(), takeover: 'yes' }), expect: ['takeover'] },
  { name: 'transfer as a number', body: () => ({ ...base(), transfer: 1 }), expect: ['transfer'] },
  { name: 'a NUL byte in replace', body: () => ({ ...base(), replace: 'dev_\u0000' }), expect: ['replace'] },
  {
    name: 'a NUL byte in organization',
    body: () => ({ ...base(), organization: 'acme\u0000' }),
    expect: ['organization'],
  },
  { name: 'a body that is a list', body: () => [base()], expect: [''] },
  { name: 'a body that is not JSON', body: () => '{"product": ', expect: [''] },
  { name: 'an unknown product', body: () => ({ ...base(), product: 'NOPE-1' }), expect: 'NOT_ASSIGNED' },
  { name: 'SQL as the product', body: () => ({ ...base(), product: "PRM-2026' OR '1'='1" }), expect: 'NOT_ASSIGNED' },
  {
    name: 'HTML as the product',
    body: () => ({ ...base(), product: '<script>alert(1)</script>' }),
    expect: 'NOT_ASSIGNED',
  },
  {
    name: 'an organization the member is not in',
    body: () => ({ ...base(), organization: 'globex' }),
    expect: 'NOT_ASSIGNED',
  },
];

const machineBase = () => ({ serial: SERIAL, machine: machine('builder') });
const MACHINE: Case[] = [
  { name: 'serial missing', body: () => ({ machine: machine('builder') }), expect: ['serial'] },
  { name: 'serial as a number', body: () => ({ ...machineBase(), serial: 1234 }), expect: ['serial'] },
  {
    name: 'a NUL byte in the serial',
    body: () => ({ ...machineBase(), serial: 'MACH\u000000000001' }),
    expect: ['serial'],
  },
  { name: 'a serial of 65 characters', body: () => ({ ...machineBase(), serial: 'M'.repeat(65) }), expect: ['serial'] },
  { name: 'machine missing', body: () => ({ serial: SERIAL }), expect: ['machine'] },
  {
    name: 'a fingerprint of 9 components',
    body: () => ({ serial: SERIAL, machine: { ...machine('builder'), fingerprint: nine } }),
    expect: ['machine.fingerprint'],
  },
  {
    name: 'a control character in the machine name',
    body: () => ({ serial: SERIAL, machine: { ...machine('builder'), name: 'ci\u0008' } }),
    expect: ['machine.name'],
  },
  { name: 'an unknown field', body: () => ({ ...machineBase(), user: 'usr_1' }), expect: ['user'] },
  { name: 'an unknown serial', body: () => ({ ...machineBase(), serial: 'NOPE00000000' }), expect: 'UNKNOWN_SERIAL' },
  { name: 'SQL as the serial', body: () => ({ ...machineBase(), serial: "' OR 1=1 --" }), expect: 'UNKNOWN_SERIAL' },
  { name: 'HTML as the serial', body: () => ({ ...machineBase(), serial: '<b>MACH</b>' }), expect: 'UNKNOWN_SERIAL' },
];

async function answerOf(url: string, c: Case, cookie?: string) {
  const res = await send(url, c.body(), cookie);
  expect(res.statusCode, `${c.name}: ${res.body}`).toBeLessThan(500);
  if (typeof c.expect === 'string') {
    expect(res.statusCode, `${c.name}: ${res.body}`).toBe(200);
    expect(res.json()).toMatchObject({ valid: false, code: c.expect, lease: null });
  } else {
    expect(res.statusCode, `${c.name}: ${res.body}`).toBe(400);
    expect(res.json().error.code).toBe('VALIDATION_FAILED');
    expect(res.json().error.details.map((d: { path: string }) => d.path)).toEqual(c.expect);
  }
  return { case: c.name, ...summary(res) };
}

describe('bad input is refused naming the field, or answered as a business outcome, and changes nothing', () => {
  let before: Awaited<ReturnType<typeof counts>>;
  const answers: unknown[] = [];
  beforeAll(async () => {
    before = await counts();
  });

  it.each(ACTIVATE)('activate: $name → $expect', async (c) => {
    answers.push(await answerOf('/api/v1/licensing/activations', c, w.members[0]!.cookie));
  });

  it.each(MACHINE)('machine activation: $name → $expect', async (c) => {
    answers.push(await answerOf('/api/v1/licensing/machine-activations', c));
  });

  it('refuses bad bodies of the machine heartbeat and release, and bad ids in the path', async () => {
    const calls: [string, unknown, number, string][] = [
      [`/api/v1/licensing/machine-activations/${machineActivation}/heartbeat`, {}, 400, 'serial'],
      [`/api/v1/licensing/machine-activations/${machineActivation}/heartbeat`, { serial: 7 }, 400, 'serial'],
      [
        `/api/v1/licensing/machine-activations/${machineActivation}/release`,
        { serial: `${SERIAL}\u0000` },
        400,
        'serial',
      ],
      [
        `/api/v1/licensing/machine-activations/${machineActivation}/release`,
        { serial: SERIAL, force: true },
        400,
        'force',
      ],
      ['/api/v1/licensing/machine-activations/%00/heartbeat', { serial: SERIAL }, 400, 'id'],
      ['/api/v1/licensing/machine-activations/act_%07/release', { serial: SERIAL }, 400, 'id'],
      ["/api/v1/licensing/machine-activations/act_x'%20or%201=1/release", { serial: SERIAL }, 404, ''],
      [`/api/v1/licensing/activations/${slot}/checkout`, { days: 2, kind: 'offline' }, 400, 'kind'],
      [`/api/v1/licensing/activations/${slot}/checkout`, {}, 400, 'days'],
      ['/api/v1/licensing/activations/%00/heartbeat', {}, 400, 'id'],
    ];
    for (const [url, body, status, path] of calls) {
      const res = await send(url, body, w.members[0]!.cookie);
      expect(res.statusCode, `${url}: ${res.body}`).toBe(status);
      if (path) expect(res.json().error.details.map((d: { path: string }) => d.path)).toEqual([path]);
      answers.push({ case: `${url.replace(machineActivation, '<machine>').replace(slot, '<slot>')}`, ...summary(res) });
    }
  });

  it('refuses bad UTF-8, a body too large and the wrong content type without a 5xx', async () => {
    const url = '/api/v1/licensing/activations';
    const cookie = w.members[0]!.cookie;
    const badUtf8 = Buffer.concat([
      Buffer.from('{"product":"PRM-2026","machine":{"fingerprint":"'),
      Buffer.from([0xff, 0xfe, 0xc3]),
      Buffer.from('","name":"x","platform":"linux"}}'),
    ]);
    const bad = await send(url, badUtf8, cookie);
    // Undecodable bytes arrive as U+FFFD, a printable character: a fingerprint like any other, of another machine
    // than the one in use, so the answer is a business outcome.
    expect(bad.statusCode, bad.body).toBeLessThan(500);
    expect(bad.json().code).toBe('ACTIVE_ON_ANOTHER_MACHINE');
    const huge = await send(url, { ...base(), pad: 'x'.repeat(1_100_000) }, cookie);
    expect(summary(huge)).toMatchObject({ status: 413, code: 'PAYLOAD_TOO_LARGE' });
    const text = await t.app.inject({
      method: 'POST',
      url,
      headers: { 'content-type': 'text/plain', cookie },
      payload: 'PRM-2026',
    });
    expect(text.statusCode).toBe(415);
    const empty = await t.app.inject({ method: 'POST', url, headers: { 'content-type': 'application/json', cookie } });
    expect(summary(empty)).toMatchObject({ status: 400, code: 'VALIDATION_FAILED' });
    answers.push(summary(bad), summary(huge), summary(text), summary(empty));
  });

  it('changed nothing: the same rows, the same device in use and the same machine seat', async () => {
    expect(await counts()).toEqual(before);
    expect([...before.active].sort()).toEqual([slot, machineActivation].sort());
  });

  // The snapshot file is shared by the SQLite and the PostgreSQL run: each must give the very same answers.
  it('answered every case the same on both databases, message and details included', () => {
    expect(answers).toMatchSnapshot();
  });
});

describe('names that look like SQL or HTML are names', () => {
  const names = ["Robert'); DROP TABLE activations;--", '<img src=x onerror=alert(1)>', 'laptop" OR ""="'];

  it('stores and answers them as text, for a device and a machine', async () => {
    const cookie = w.members[0]!.cookie;
    for (const name of names) {
      const res = await activate(t, cookie, { ...machine('home'), name });
      expect(res).toMatchObject({ valid: true, activation: { id: slot, machineName: name } });
      expect(res.devices?.find((d) => d.inUse)?.name).toBe(name);
      const row = await t.runtime.deps.db
        .selectFrom('activations')
        .select('machine_name')
        .where('id', '=', slot)
        .executeTakeFirstOrThrow();
      expect(row.machine_name).toBe(name);
    }
    const fingerprint = { hostname: "h'; DELETE FROM licensing_devices;--", osInstallId: '<svg onload=x>', cpu: 'c' };
    const seat = await send('/api/v1/licensing/machine-activations', {
      serial: SERIAL,
      machine: { fingerprint, name: names[1], platform: '<i>linux</i>' },
    });
    expect(seat.json()).toMatchObject({ valid: true, activation: { machineName: names[1] } });
    const row = await t.runtime.deps.db
      .selectFrom('activations')
      .select(['components', 'platform'])
      .where('id', '=', seat.json().activation.id)
      .executeTakeFirstOrThrow();
    expect(JSON.parse(row.components)).toEqual(fingerprint);
    expect(row.platform).toBe('<i>linux</i>');
    // The tables are all still there, with what they held.
    expect((await counts()).active).toHaveLength(3);
  });

  it('shows them as text in the Activations view', async () => {
    const res = await t.app.inject({
      method: 'GET',
      url: '/api/v1/orgs/acme/activations',
      headers: { cookie: w.admin.cookie },
    });
    expect(res.headers['content-type']).toContain('application/json');
    const shown = (res.json().items as { device: { name: string } }[]).map((i) => i.device.name).sort();
    expect(shown).toEqual([names[1], names[2], 'runner-laptop'].sort());
  });
});
