import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countRows, openAppOn, portico } from '../helpers/child-app.js';
import { type ChildDatabase, createChildDatabase, ensureBuilt } from '../helpers/child-process.js';
import { json } from '../helpers/factories.js';
import { createUser, type TestApp } from '../helpers/test-app.js';

/** `portico demo` (SPEC §4.4, issue 3 item 6): a catalogue and two organizations with assets, loaded once. */
let db: ChildDatabase;
let t: TestApp;
const PUBLIC_URL = 'http://portico.example:8080';
const demo = () => portico(db, ['demo'], { PUBLIC_URL });

async function snapshot() {
  return {
    organizations: await countRows(t, 'organizations'),
    products: await countRows(t, 'products'),
    assets: await countRows(t, 'assets'),
    audit: await countRows(t, 'audit_events'),
  };
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

describe('portico demo', () => {
  let firstOutput = '';

  it('loads the catalogue and two organizations, prints the serials and how to register one', async () => {
    const result = await demo();
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    firstOutput = result.stdout;
    expect(result.stdout).toContain(
      'Loaded the demonstration data: 5 products, 2 organizations and 11 assets created.',
    );
    expect(result.stdout).toContain('Acme Engineering (acme)');
    expect(result.stdout).toContain('Globex Manufacturing (globex)');
    expect(result.stdout).toContain('9000 2026 0001 ACME 0001 PRM1');
    expect(result.stdout).toContain(`sign in at ${PUBLIC_URL}`);
    expect(result.stdout).toContain('open Register product, and enter one of these serials');

    const catalogue = await t.runtime.deps.db
      .selectFrom('products')
      .select(['code', 'name', 'kind', 'type'])
      .orderBy('code')
      .execute();
    expect(catalogue).toEqual([
      { code: 'DL', name: 'Downloads', kind: 'service', type: null },
      { code: 'ELEC-2026', name: 'Electrical Schematic 2026', kind: 'license', type: 'electrical' },
      { code: 'PRM-2026', name: 'Premium CAD 2026', kind: 'license', type: 'cad' },
      { code: 'SIM-2026', name: 'Simulation Professional 2026', kind: 'license', type: 'simulation' },
      { code: 'TRAIN', name: 'Training subscription', kind: 'service', type: null },
    ]);
  });

  it('gives each organization a subscription ending within 90 days, a perpetual license and a suspended asset', async () => {
    const rows = await t.runtime.deps.db
      .selectFrom('assets as a')
      .innerJoin('organizations as o', 'o.id', 'a.organization_id')
      .select(['o.code', 'a.ends_at', 'a.status'])
      .execute();
    const in90Days = Date.now() + 90 * 86_400_000;
    for (const code of ['acme', 'globex']) {
      const assets = rows.filter((r) => r.code === code);
      expect(assets.length, code).toBeGreaterThanOrEqual(5);
      const ends = (r: (typeof assets)[number]) => (r.ends_at === null ? null : new Date(r.ends_at).getTime());
      expect(
        assets.some((r) => ends(r) !== null && (ends(r) as number) > Date.now() && (ends(r) as number) < in90Days),
        code,
      ).toBe(true);
      expect(
        assets.some((r) => r.ends_at === null),
        code,
      ).toBe(true);
      expect(
        assets.some((r) => r.status === 'suspended'),
        code,
      ).toBe(true);
    }
  });

  it('changes nothing when run again, and says so', async () => {
    const before = await snapshot();
    const again = await demo();
    expect(again.code).toBe(0);
    expect(again.stdout).toContain('The demonstration data is already loaded; nothing changed.');
    expect(await snapshot()).toEqual(before);
    // The same serials, so the instructions stay true.
    const serials = (text: string) => text.match(/9000 2026 \d{4} \w{4} \d{4} \w{4}/g);
    expect(serials(again.stdout)).toEqual(serials(firstOutput));
    expect(serials(again.stdout)).toHaveLength(11);
  });

  it('prints serials a user can register, as the instructions say', async () => {
    const user = await createUser(t, 'demo.user@example.com', 'Dana Demo');
    const res = await json(t, 'POST', '/api/v1/registrations', user, { serial: '9000 2026 0002 GLBX 0001 PRM1' });
    expect(res.json()).toMatchObject({ status: 'linked', organization: { name: 'Globex Manufacturing' } });
  });
});
