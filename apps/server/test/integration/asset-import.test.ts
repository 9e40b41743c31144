import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CSV_HEADER, csvFile, generatedRows, importCsv } from '../helpers/asset-csv.js';
import { createOperator, createOrganizationWithAsset, json } from '../helpers/factories.js';
import { createTestApp, createUser, type TestApp } from '../helpers/test-app.js';

/** SPEC §2.2: CSV import of assets, per-row report, all-or-nothing unless asked to skip bad rows. */
let t: TestApp;
let operator: string;
let globexId: string;
let premiumId: string;
const EXISTING = '9000000000000000EXIST001';

async function count(table: 'assets' | 'audit_events'): Promise<number> {
  const { db } = t.runtime.deps;
  const row = await db.selectFrom(table).select(db.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  return Number(row.n);
}

async function serialsInDatabase(): Promise<string[]> {
  const rows = await t.runtime.deps.db.selectFrom('assets').select('serial').orderBy('serial').execute();
  return rows.map((r) => r.serial);
}

beforeAll(async () => {
  t = await createTestApp();
  operator = await createOperator(t);
  await createOrganizationWithAsset(t, operator, { code: 'acme', name: 'Acme Engineering', serial: EXISTING });
  const globex = await json(t, 'POST', '/api/v1/operator/organizations', operator, {
    name: 'Globex Manufacturing',
    code: 'globex',
  });
  globexId = globex.json().id;
  const service = await json(t, 'POST', '/api/v1/operator/products', operator, {
    code: 'TRAIN',
    name: 'Training subscription',
    kind: 'service',
  });
  expect(service.statusCode).toBe(201);
  const retired = await json(t, 'POST', '/api/v1/operator/products', operator, {
    code: 'OLD-2020',
    name: 'Premium CAD 2020',
    kind: 'license',
    type: 'cad',
  });
  expect((await json(t, 'POST', `/api/v1/operator/products/${retired.json().id}/retire`, operator)).statusCode).toBe(
    200,
  );
  const products = (await json(t, 'GET', '/api/v1/operator/products', operator)).json().items;
  premiumId = products.find((p: { code: string }) => p.code === 'PRM-2026').id;
});
afterAll(async () => t.close());

// One file with every kind of refusal; the line numbers are those of the file (the header is line 1).
const MIXED = () =>
  csvFile(
    'acme,9000-0000-0000-0000-0000-0002,PRM-2026,5,machine,2026-01-01,2027-01-01', // 2 valid
    'nowhere,9000000000000000000000A3,PRM-2026,5,machine,2026-01-01,2027-01-01', // 3 unknown organization
    'acme,9000000000000000000000A4,NOPE-1,5,machine,2026-01-01,2027-01-01', // 4 unknown product
    'acme,9000 0000 0000 0000 0000 0002,PRM-2026,5,machine,2026-01-01,2027-01-01', // 5 duplicate of line 2
    `acme,${EXISTING},PRM-2026,5,machine,2026-01-01,2027-01-01`, // 6 already in the instance
    'acme,9000000000000000000000A7,PRM-2026,0,machine,2026-01-01,2027-01-01', // 7 seats 0
    'acme,9000000000000000000000A8,PRM-2026,-3,machine,2026-01-01,2027-01-01', // 8 seats negative
    'acme,9000000000000000000000A9,PRM-2026,many,machine,2026-01-01,2027-01-01', // 9 seats not a number
    'acme,900000000000000000000A10,PRM-2026,5,machine,2026-06-01,2026-01-01', // 10 end before start
    'acme,900000000000000000000A11,PRM-2026,5,machine,2026-02-30,2027-01-01', // 11 bad date
    'acme,900000000000000000000A12,PRM-2026,5,floating,2026-01-01,2027-01-01', // 12 bad mode
    'acme,900000000000000000000A13,TRAIN,1,online,2026-01-01,2027-01-01', // 13 seats and mode on a service
    'acme,900000000000000000000A14,PRM-2026,5,machine,2026-01-01', // 14 a field short
    'acme,12-34,PRM-2026,5,machine,2026-01-01,2027-01-01', // 15 serial too short
    'nowhere,900000000000000000000A16,PRM-2026,0,machine,someday,', // 16 several problems at once
    `${globexId},900000000000000000000A17,${premiumId},12,Online,2026-01-01,`, // 17 valid: ids, perpetual
    'GLOBEX,900000000000000000000A18,train,,,2026-01-01,2026-12-31', // 18 valid: a service, codes in any case
    'acme,900000000000000000000A19,PRM-2026,,machine,2026-01-01,', // 19 a license without seats
    'acme,900000000000000000000A20,OLD-2020,2,machine,2026-01-01,', // 20 a retired product
  );

const EXPECTED_REASONS: Record<number, { field: string; message: string }[]> = {
  3: [{ field: 'organization', message: 'no organization has the id or code nowhere' }],
  4: [{ field: 'product', message: 'no product has the id or code NOPE-1' }],
  5: [{ field: 'serial', message: 'is also on line 2' }],
  6: [{ field: 'serial', message: 'exists already' }],
  7: [{ field: 'seats', message: 'must be at least 1' }],
  8: [{ field: 'seats', message: 'must be at least 1' }],
  9: [{ field: 'seats', message: 'must be a whole number' }],
  10: [{ field: 'ends', message: 'must be after starts' }],
  11: [{ field: 'starts', message: 'must be a date such as 2026-01-31' }],
  12: [{ field: 'mode', message: 'must be machine, online or empty' }],
  13: [
    { field: 'seats', message: 'must be empty for a service: services have no seats' },
    { field: 'mode', message: 'is only for license products' },
  ],
  14: [{ field: 'row', message: 'has 6 fields; expected 7 (organization,serial,product,seats,mode,starts,ends)' }],
  15: [{ field: 'serial', message: 'must be 6 to 40 letters and digits' }],
  16: [
    { field: 'organization', message: 'no organization has the id or code nowhere' },
    { field: 'seats', message: 'must be at least 1' },
    { field: 'starts', message: 'must be a date such as 2026-01-31' },
  ],
  19: [{ field: 'seats', message: 'is required for a license product' }],
  20: [{ field: 'product', message: 'is retired: it takes no new assets' }],
};

describe('all-or-nothing (the default)', () => {
  it('reports every refused row with its line and reasons, and creates nothing', async () => {
    const assetsBefore = await count('assets');
    const eventsBefore = await count('audit_events');
    const res = await importCsv(t, operator, MIXED());
    expect(res.statusCode).toBe(422);
    const body = res.json();
    expect(body.error.code).toBe('IMPORT_REFUSED');
    expect(body.error.message).toBe('16 of 19 rows were refused, so nothing was created');
    expect(body.error.requestId).toMatch(/^req_/);

    const { report } = body;
    expect(report).toMatchObject({ mode: 'all-or-nothing', created: 0, refused: 16 });
    expect(report.rows.map((r: { line: number }) => r.line)).toEqual([
      2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20,
    ]);
    for (const row of report.rows) {
      const expected = EXPECTED_REASONS[row.line];
      expect(row, `line ${row.line}`).toMatchObject({
        outcome: expected ? 'refused' : 'skipped',
        reasons: expected ?? [],
      });
    }
    expect(report.rows[0].serial).toBe('900000000000000000000002');

    // One detail per refused cell, named by line and column, for any client that only reads the envelope.
    expect(body.error.details).toContainEqual({ path: 'line 7: seats', message: 'must be at least 1' });
    expect(body.error.details).toContainEqual({ path: 'line 3: organization', message: expect.any(String) });
    expect(body.error.details).toHaveLength(19);

    expect(await count('assets')).toBe(assetsBefore);
    expect(await count('audit_events')).toBe(eventsBefore);
  });

  it('creates every row of a clean file, with one audit event per organization listing its assets', async () => {
    const eventsBefore = await count('audit_events');
    const rows = [
      ...generatedRows(20, { organization: 'acme', product: 'PRM-2026', prefix: 'CLEANA' }),
      ...generatedRows(10, { organization: 'globex', product: 'PRM-2026', prefix: 'CLEANG' }),
    ];
    const res = await importCsv(t, operator, csvFile(...rows), { mode: 'all-or-nothing' });
    expect(res.statusCode).toBe(200);
    const report = res.json();
    expect(report).toMatchObject({ mode: 'all-or-nothing', created: 30, refused: 0 });
    expect(report.rows.every((r: { outcome: string }) => r.outcome === 'created')).toBe(true);
    expect(await count('audit_events')).toBe(eventsBefore + 2);

    const { db } = t.runtime.deps;
    const event = await db
      .selectFrom('audit_events')
      .selectAll()
      .where('action', '=', 'assets.imported')
      .where('organization_id', '=', globexId)
      .executeTakeFirstOrThrow();
    expect(event).toMatchObject({ target_type: 'organization', target_id: globexId });
    expect(event.actor_user_id).toMatch(/^usr_/);
    const after = JSON.parse(event.after_json as string);
    expect(after).toMatchObject({
      file: { mode: 'all-or-nothing', rows: 30, created: 30, refused: 0 },
      created: 10,
    });
    const assets = await db.selectFrom('assets').select(['id', 'serial']).where('serial', 'like', 'CLEANG%').execute();
    expect(after.assets.map((a: { id: string }) => a.id).sort()).toEqual(assets.map((a) => a.id).sort());
    expect(after.assets[0]).toEqual({ id: expect.any(String), serial: 'CLEANG000000000000000000', line: 22 });
  });

  it('reports a file with only its header as an import of nothing', async () => {
    const res = await importCsv(t, operator, `${CSV_HEADER}\n`);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ mode: 'all-or-nothing', created: 0, refused: 0, rows: [] });
  });
});

describe('skip-invalid', () => {
  it('creates exactly the valid rows and reports the others as refused', async () => {
    const before = await serialsInDatabase();
    const res = await importCsv(t, operator, MIXED(), { mode: 'skip-invalid' });
    expect(res.statusCode).toBe(200);
    const report = res.json();
    expect(report).toMatchObject({ mode: 'skip-invalid', created: 3, refused: 16 });
    const created = report.rows.filter((r: { outcome: string }) => r.outcome === 'created');
    expect(created.map((r: { line: number }) => r.line)).toEqual([2, 17, 18]);
    for (const row of report.rows.filter((r: { outcome: string }) => r.outcome === 'refused'))
      expect(row.reasons).toEqual(EXPECTED_REASONS[row.line]);

    const added = (await serialsInDatabase()).filter((s) => !before.includes(s));
    expect(added.sort()).toEqual(['900000000000000000000002', '900000000000000000000A17', '900000000000000000000A18']);
    const { db } = t.runtime.deps;
    const rows = await db
      .selectFrom('assets')
      .select(['serial', 'organization_id', 'seats', 'mode', 'ends_at', 'status'])
      .where('serial', 'in', added)
      .orderBy('serial')
      .execute();
    expect(rows.map((r) => [r.serial, r.organization_id === globexId, r.seats, r.mode, r.ends_at === null])).toEqual([
      ['900000000000000000000002', false, 5, 'machine', false],
      ['900000000000000000000A17', true, 12, 'online', true],
      // Services have no seats: the column holds 0.
      ['900000000000000000000A18', true, 0, null, false],
    ]);
    // The refused rows can be fixed and imported later: the duplicate now exists.
    const again = await importCsv(t, operator, MIXED(), { mode: 'skip-invalid' });
    expect(again.json().created).toBe(0);
    expect(again.json().rows[0].reasons).toEqual([{ field: 'serial', message: 'exists already' }]);
  });
});

describe('the file format', () => {
  it('reads quoted fields, doubled quotes, CRLF, a byte order mark, a loose header and a trailing empty line', async () => {
    const file =
      '\uFEFF Organization , SERIAL,Product ,seats, Mode,starts,ENDS\r\n' +
      '"acme"," 9000 0000 0000 0000 0000 Q001 ","PRM-2026","7","online","2026-01-01","2027-01-01"\r\n' +
      '"Acme, ""the"" Engineers",9000000000000000000000Q2,PRM-2026,1,,2026-01-01,\r\n' +
      'acme,9000000000000000000000Q3,PRM-2026,2,,2026-01-01T08:00:00Z,\r\n' +
      '\r\n';
    const res = await importCsv(t, operator, file, {
      mode: 'skip-invalid',
      contentType: 'text/csv; charset=utf-8',
    });
    expect(res.statusCode).toBe(200);
    const report = res.json();
    expect(report.rows).toEqual([
      { line: 2, serial: '90000000000000000000Q001', outcome: 'created', reasons: [] },
      {
        line: 3,
        serial: '9000000000000000000000Q2',
        outcome: 'refused',
        reasons: [{ field: 'organization', message: 'no organization has the id or code Acme, "the" Engineers' }],
      },
      { line: 4, serial: '9000000000000000000000Q3', outcome: 'created', reasons: [] },
    ]);
  });

  it('numbers rows by the line of the file they start on, also after a field spanning lines', async () => {
    const file = `${CSV_HEADER}\n"acme\nwith a line break",9000000000000000000000L2,PRM-2026,1,,2026-01-01,\nacme,9000000000000000000000L4,PRM-2026,0,,2026-01-01,\n`;
    const res = await importCsv(t, operator, file);
    expect(res.statusCode).toBe(422);
    expect(res.json().report.rows.map((r: { line: number }) => r.line)).toEqual([2, 4]);
    expect(res.json().error.details.map((d: { path: string }) => d.path)).toEqual([
      'line 2: organization',
      'line 4: seats',
    ]);
  });

  it.each([
    ['a wrong header', 'org,serial,product,seats,mode,starts,ends\nacme,X,Y,1,,2026-01-01,\n'],
    ['columns in another order', 'serial,organization,product,seats,mode,starts,ends\n'],
    ['a missing column', 'organization,serial,product,seats,starts,ends\n'],
    ['no header at all', 'acme,9000000000000000000000H1,PRM-2026,1,,2026-01-01,\n'],
    ['an empty file', ''],
  ])('refuses %s with 400, naming the header', async (_what, file) => {
    const before = await count('assets');
    const res = await importCsv(t, operator, file);
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('VALIDATION_FAILED');
    expect(res.json().error.message).toContain('organization,serial,product,seats,mode,starts,ends');
    expect(res.json().error.details[0].path).toBe('line 1');
    expect(await count('assets')).toBe(before);
  });

  it('refuses a quoted field that is never closed, naming its line', async () => {
    const res = await importCsv(
      t,
      operator,
      csvFile('acme,9000000000000000000000U2,PRM-2026,1,,2026-01-01,', 'acme,"U3'),
    );
    expect(res.statusCode).toBe(400);
    expect(res.json().error.message).toContain('line 3');
  });

  it('refuses more than 10,000 rows with 413 naming the limit, before looking at them', async () => {
    const rows = generatedRows(10_001, { organization: 'acme', product: 'PRM-2026', prefix: 'MANY' });
    const res = await importCsv(t, operator, csvFile(...rows));
    expect(res.statusCode).toBe(413);
    expect(res.json().error.code).toBe('PAYLOAD_TOO_LARGE');
    expect(res.json().error.message).toContain('10,000');
  });

  it('refuses a body over 5 MB with 413 naming the limit', async () => {
    const res = await importCsv(t, operator, `${CSV_HEADER}\n${'x'.repeat(5 * 1024 * 1024)}\n`);
    expect(res.statusCode).toBe(413);
    expect(res.json().error.message).toContain('5 MB');
  });

  it('takes only text/csv: JSON and plain text get 415', async () => {
    for (const contentType of ['application/json', 'text/plain']) {
      const res = await importCsv(t, operator, contentType === 'application/json' ? '{"rows":[]}' : CSV_HEADER, {
        contentType,
      });
      expect(res.statusCode, contentType).toBe(415);
      expect(res.json().error.message).toContain('text/csv');
    }
  });

  it('refuses an unknown mode', async () => {
    const res = await importCsv(t, operator, csvFile(), { mode: 'best-effort' });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details[0].path).toBe('mode');
  });

  it('keeps the JSON routes on JSON with their 1 MB limit', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/operator/assets',
      headers: { cookie: operator, 'content-type': 'text/csv' },
      payload: csvFile(),
    });
    expect(res.statusCode).toBe(415);
  });
});

describe('the largest file', () => {
  it('imports 10,000 rows in one go', async () => {
    const before = await count('assets');
    const rows = generatedRows(10_000, { organization: 'globex', product: 'PRM-2026', prefix: 'BULK' });
    const res = await importCsv(t, operator, csvFile(...rows));
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ created: 10_000, refused: 0 });
    expect(await count('assets')).toBe(before + 10_000);
  });
});

describe('who may import', () => {
  it('refuses a request without a session (401) and a user who is not an operator (403), creating nothing', async () => {
    const member = await createUser(t, 'not.operator@example.com');
    const before = await count('assets');
    const file = csvFile('acme,9000000000000000000000S1,PRM-2026,1,,2026-01-01,');
    const anonymous = await importCsv(t, null, file);
    expect(anonymous.statusCode).toBe(401);
    expect(anonymous.json().error.code).toBe('UNAUTHENTICATED');
    const forbidden = await importCsv(t, member, file);
    expect(forbidden.statusCode).toBe(403);
    expect(forbidden.json().error.code).toBe('FORBIDDEN');
    expect(await count('assets')).toBe(before);
  });

  it('is in the OpenAPI document as a text/csv body', async () => {
    const doc = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
    const operation = doc.paths['/api/v1/operator/assets/import'].post;
    expect(Object.keys(operation.requestBody.content)).toEqual(['text/csv']);
    expect(Object.keys(operation.responses)).toEqual(expect.arrayContaining(['200', '422']));
  });
});
