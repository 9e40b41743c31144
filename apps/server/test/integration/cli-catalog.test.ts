import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { csvFile } from '../helpers/asset-csv.js';
import { countRows, openAppOn, portico } from '../helpers/child-app.js';
import { type ChildDatabase, createChildDatabase, ensureBuilt } from '../helpers/child-process.js';
import type { TestApp } from '../helpers/test-app.js';

/**
 * SPEC §4.4: `portico org create`, `product create`, `asset add` and `asset import` as real processes on a real
 * database (a SQLite file, or a fresh PostgreSQL database with TEST_DATABASE_URL), beside an open application.
 */
let db: ChildDatabase;
let t: TestApp;

const cli = (...args: string[]) => portico(db, args);

/** A person reads the message: no stack trace. */
function expectRefusal(result: { code: number | null; stderr: string }, text: string | RegExp) {
  expect(result.code).toBe(1);
  expect(result.stderr).toMatch(text);
  expect(result.stderr).not.toMatch(/^\s+at /m);
}

async function systemEvents(action: string) {
  return t.runtime.deps.db
    .selectFrom('audit_events')
    .select(['actor_user_id', 'actor_ip', 'target_id'])
    .where('action', '=', action)
    .execute();
}

beforeAll(async () => {
  ensureBuilt();
  db = await createChildDatabase();
  t = await openAppOn(db);
});
afterAll(async () => {
  await t?.close();
  await db.drop();
});

describe('portico org create', () => {
  it('creates an organization, recorded as done by the system', async () => {
    const result = await cli('org', 'create', 'Acme Engineering', 'ACME');
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^Created organization Acme Engineering \(acme\), id org_\w+\n$/);
    const events = await systemEvents('organization.created');
    expect(events).toEqual([{ actor_user_id: null, actor_ip: null, target_id: expect.stringMatching(/^org_/) }]);
  });

  it('refuses a code that is taken or malformed, and changes nothing', async () => {
    const before = await countRows(t, 'organizations');
    expectRefusal(
      await cli('org', 'create', 'Other Acme', 'acme'),
      'An organization with the code acme exists already',
    );
    expectRefusal(await cli('org', 'create', 'Spaces', 'no spaces'), /code must be 2 to 40 letters, digits or dashes/);
    expect(await countRows(t, 'organizations')).toBe(before);
  });
});

describe('portico product create', () => {
  it('adds a license product with its type and a service without one', async () => {
    const license = await cli('product', 'create', 'prm-2026', 'Premium 2026', '--kind', 'license', '--type', 'cad');
    expect(license.code).toBe(0);
    expect(license.stdout).toMatch(/^Created product PRM-2026 Premium 2026 \(license, cad\), id prd_\w+/);
    const service = await cli('product', 'create', 'TRAIN', 'Training subscription', '--kind', 'service');
    expect(service.code).toBe(0);
    expect(service.stdout).toContain('Created product TRAIN Training subscription (service)');
    expect(await systemEvents('product.created')).toHaveLength(2);
  });

  it('refuses a license without a type, an unknown kind and a code that is taken', async () => {
    const before = await countRows(t, 'products');
    expectRefusal(await cli('product', 'create', 'SIM-1', 'Sim', '--kind', 'license'), '--type is required');
    const kind = await cli('product', 'create', 'SIM-1', 'Sim', '--kind', 'floating');
    expect(kind.code).toBe(1);
    expect(kind.stderr).toContain('Allowed choices are license, service');
    expectRefusal(await cli('product', 'create', 'PRM-2026', 'Again', '--kind', 'service'), 'exists already');
    expect(await countRows(t, 'products')).toBe(before);
  });
});

describe('portico asset add', () => {
  it('adds an asset by organization and product code, perpetual when no end is given', async () => {
    const result = await cli(
      ...['asset', 'add', '--org', 'acme', '--serial', '9000-0000-0012-3456-abcd-efgh', '--product', 'PRM-2026'],
      ...['--seats', '10', '--starts', '2026-01-01'],
    );
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(
      'Created asset 9000 0000 0012 3456 ABCD EFGH: PRM-2026, 10 seats, machine, perpetual from 2026-01-01',
    );
    const asset = await t.runtime.deps.db
      .selectFrom('assets')
      .select(['seats', 'mode', 'ends_at', 'status'])
      .where('serial', '=', '9000000000123456ABCDEFGH')
      .executeTakeFirstOrThrow();
    expect(asset).toEqual({ seats: 10, mode: 'machine', ends_at: null, status: 'active' });
    expect(await systemEvents('asset.created')).toHaveLength(1);
  });

  it('adds an online subscription', async () => {
    const result = await cli(
      ...['asset', 'add', '--org', 'acme', '--serial', 'SUB000000001', '--product', 'prm-2026', '--seats', '3'],
      ...['--mode', 'online', '--starts', '2026-01-01', '--ends', '2027-01-01'],
    );
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('SUB0 0000 0001: PRM-2026, 3 seats, online, 2026-01-01 to 2027-01-01');
  });

  it('names every bad option at once, and a serial that exists, and creates nothing', async () => {
    const before = await countRows(t, 'assets');
    const bad = await cli(
      ...['asset', 'add', '--org', 'acme', '--serial', 'X-1', '--product', 'PRM-2026', '--seats', '0'],
      ...['--starts', '2026-06-01', '--ends', '2026-01-01'],
    );
    expectRefusal(bad, '--seats must be at least 1; --serial must be 6 to 40 letters and digits');
    const order = await cli(
      ...['asset', 'add', '--org', 'acme', '--serial', 'ORDER0000001', '--product', 'PRM-2026', '--seats', 'ten'],
      ...['--starts', '2026-06-01', '--ends', '2026-01-01'],
    );
    expectRefusal(order, '--seats must be a whole number; --ends must be after --starts');
    const unknown = await cli(
      ...['asset', 'add', '--org', 'nowhere', '--serial', 'UNKNOWN00001', '--product', 'PRM-2026', '--seats', '1'],
      '--starts',
      '2026-01-01',
    );
    expectRefusal(unknown, 'organization no organization has the id or code nowhere');
    const taken = await cli(
      ...['asset', 'add', '--org', 'acme', '--serial', '9000 0000 0012 3456 ABCD EFGH', '--product', 'PRM-2026'],
      ...['--seats', '1', '--starts', '2026-01-01'],
    );
    expectRefusal(taken, 'The serial 9000 0000 0012 3456 ABCD EFGH exists already');
    const missing = await cli('asset', 'add', '--org', 'acme');
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain("required option '--serial <serial>' not specified");
    expect(await countRows(t, 'assets')).toBe(before);
  });
});

describe('portico asset import', () => {
  const file = (name: string, text: string) => {
    const path = join(db.dir, name);
    writeFileSync(path, text);
    return path;
  };
  const mixed = () =>
    file(
      'mixed.csv',
      csvFile(
        'acme,IMPORT000002,PRM-2026,5,online,2026-01-01,2027-01-01',
        'acme,IMPORT000003,PRM-2026,0,online,2026-01-01,2027-01-01',
        'nowhere,IMPORT000004,NOPE,2,,2026-01-01,',
        'acme,IMPORT000005,TRAIN,,,2026-01-01,2026-12-31',
      ),
    );

  it('prints each refused line and creates nothing by default, exiting 1', async () => {
    const before = await countRows(t, 'assets');
    const result = await cli('asset', 'import', mixed());
    expect(result.code).toBe(1);
    expect(result.stdout.split('\n')).toEqual([
      'line 3  IMPO RT00 0003: seats must be at least 1',
      'line 4  IMPO RT00 0004: organization no organization has the id or code nowhere; product no product has the id or code NOPE',
      'Nothing was created: 2 of 4 rows refused. Correct them, or run again with --skip-invalid to create the 2 valid rows.',
      '',
    ]);
    expect(await countRows(t, 'assets')).toBe(before);
  });

  it('creates the valid rows with --skip-invalid, still exiting 1 for the refused ones', async () => {
    const before = await countRows(t, 'assets');
    const result = await cli('asset', 'import', mixed(), '--skip-invalid');
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('created: lines 2, 5\n');
    expect(result.stdout).toContain('Created 2 assets; 2 of 4 rows refused.');
    expect(await countRows(t, 'assets')).toBe(before + 2);
    const events = await systemEvents('assets.imported');
    expect(events).toEqual([{ actor_user_id: null, actor_ip: null, target_id: expect.stringMatching(/^org_/) }]);
  });

  it('exits 0 when every row is created', async () => {
    const clean = file(
      'clean.csv',
      '\uFEFFOrganization,Serial,Product,Seats,Mode,Starts,Ends\r\n"acme","CLEAN 0000 01","PRM-2026",1,,2026-01-01,\r\n',
    );
    const result = await cli('asset', 'import', clean);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toBe('created: line 2\nCreated 1 asset from 1 row.\n');
  });

  it('refuses a wrong header and a file that cannot be read', async () => {
    expectRefusal(
      await cli('asset', 'import', file('header.csv', 'org,serial\n')),
      'The first line of the file must be the header organization,serial,product,seats,mode,starts,ends',
    );
    expectRefusal(
      await cli('asset', 'import', join(db.dir, 'missing.csv')),
      /Cannot read .*missing\.csv: no such file/,
    );
  });
});
