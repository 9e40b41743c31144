import type { Deps } from '../../deps.js';
import type { Actor } from '../../lib/actor.js';
import { updateAsset } from '../assets/asset-updates.service.js';
import { createAsset, describeAsset, findAssetBySerial } from '../assets/assets.service.js';
import { createProduct, findProduct } from '../catalog/catalog.service.js';
import { createOrganization, findOrganization } from '../organizations/organizations.service.js';

/** `year`: started a month ago, runs eleven more; `ending-soon`: ends in 60 days; `perpetual`: no end. */
type Term = 'year' | 'ending-soon' | 'perpetual';

interface DemoAsset {
  serial: string;
  product: string;
  /** Licenses only: services have no seats. */
  seats?: number;
  mode?: 'machine' | 'online';
  term: Term;
  suspended?: boolean;
}

export const DEMO_PRODUCTS = [
  { code: 'PRM-2026', name: 'Premium CAD 2026', kind: 'license', type: 'cad' },
  { code: 'SIM-2026', name: 'Simulation Professional 2026', kind: 'license', type: 'simulation' },
  { code: 'ELEC-2026', name: 'Electrical Schematic 2026', kind: 'license', type: 'electrical' },
  { code: 'TRAIN', name: 'Training subscription', kind: 'service' },
  { code: 'DL', name: 'Downloads', kind: 'service' },
] as const;

/** Fixed serials, so a second run finds what the first created and changes nothing. */
export const DEMO_ORGANIZATIONS: { name: string; code: string; assets: DemoAsset[] }[] = [
  {
    name: 'Acme Engineering',
    code: 'acme',
    assets: [
      { serial: '900020260001ACME0001PRM1', product: 'PRM-2026', seats: 10, mode: 'online', term: 'year' },
      { serial: '900020260001ACME0002SIM1', product: 'SIM-2026', seats: 5, mode: 'online', term: 'ending-soon' },
      { serial: '900020260001ACME0003ELE1', product: 'ELEC-2026', seats: 2, mode: 'machine', term: 'perpetual' },
      { serial: '900020260001ACME0004PRM2', product: 'PRM-2026', seats: 3, term: 'year', suspended: true },
      { serial: '900020260001ACME0005TRN1', product: 'TRAIN', term: 'year' },
      { serial: '900020260001ACME0006DLS1', product: 'DL', term: 'year' },
    ],
  },
  {
    name: 'Globex Manufacturing',
    code: 'globex',
    assets: [
      { serial: '900020260002GLBX0001PRM1', product: 'PRM-2026', seats: 25, mode: 'online', term: 'year' },
      { serial: '900020260002GLBX0002ELE1', product: 'ELEC-2026', seats: 4, mode: 'online', term: 'ending-soon' },
      { serial: '900020260002GLBX0003SIM1', product: 'SIM-2026', seats: 1, mode: 'machine', term: 'perpetual' },
      {
        serial: '900020260002GLBX0004SIM2',
        product: 'SIM-2026',
        seats: 2,
        mode: 'online',
        term: 'year',
        suspended: true,
      },
      { serial: '900020260002GLBX0005TRN1', product: 'TRAIN', term: 'ending-soon' },
    ],
  },
];

const DAY_MS = 86_400_000;
const dateOnly = (ms: number) => new Date(ms).toISOString().slice(0, 10);

function termDates(term: Term, now: Date): { startsAt: string; endsAt: string | null } {
  const today = now.getTime();
  if (term === 'perpetual') return { startsAt: dateOnly(today - 730 * DAY_MS), endsAt: null };
  if (term === 'ending-soon')
    return { startsAt: dateOnly(today - 305 * DAY_MS), endsAt: dateOnly(today + 60 * DAY_MS) };
  return { startsAt: dateOnly(today - 30 * DAY_MS), endsAt: dateOnly(today + 335 * DAY_MS) };
}

export interface DemoResult {
  created: { products: number; organizations: number; assets: number };
  organizations: { name: string; code: string; assets: ReturnType<typeof describeAsset>[] }[];
}

async function loadCatalogue(deps: Deps<'db' | 'clock'>, actor: Actor): Promise<number> {
  let created = 0;
  for (const product of DEMO_PRODUCTS) {
    if (await findProduct(deps.db, product.code)) continue;
    await createProduct(deps, actor, product);
    created++;
  }
  return created;
}

/** Creates what is missing of one organization and its assets; what exists is left as it is. */
async function loadOrganization(deps: Deps<'db' | 'clock'>, actor: Actor, demo: (typeof DEMO_ORGANIZATIONS)[number]) {
  const created = { organizations: 0, assets: 0 };
  if (!(await findOrganization(deps.db, demo.code))) {
    await createOrganization(deps, actor, { name: demo.name, code: demo.code });
    created.organizations++;
  }
  const assets = [];
  for (const item of demo.assets) {
    let row = await findAssetBySerial(deps.db, item.serial);
    if (!row) {
      const { serial, product, seats, mode, term } = item;
      const asset = await createAsset(deps, actor, {
        organization: demo.code,
        serial,
        product,
        seats,
        mode,
        ...termDates(term, deps.clock.now()),
      });
      if (item.suspended) await updateAsset(deps, actor, asset.id, { status: 'suspended' });
      created.assets++;
      row = await findAssetBySerial(deps.db, item.serial);
    }
    if (row) assets.push(describeAsset(row, deps.clock.now()));
  }
  return { created, organization: { name: demo.name, code: demo.code, assets } };
}

/**
 * `portico demo`: a demonstration catalogue and two organizations with assets (one subscription ending within 90
 * days, one perpetual license, one suspended asset each), through the same services as the operator API. Idempotent:
 * only what is missing is created, so a second run changes nothing.
 */
export async function loadDemo(deps: Deps<'db' | 'clock'>, actor: Actor): Promise<DemoResult> {
  const result: DemoResult = { created: { products: 0, organizations: 0, assets: 0 }, organizations: [] };
  result.created.products = await loadCatalogue(deps, actor);
  for (const demo of DEMO_ORGANIZATIONS) {
    const { created, organization } = await loadOrganization(deps, actor, demo);
    result.created.organizations += created.organizations;
    result.created.assets += created.assets;
    result.organizations.push(organization);
  }
  return result;
}
