import { sql } from 'kysely';
import type { Executor } from '../../db/database.js';
import type { AssetsTable } from '../../db/types.js';
import { iso } from '../../lib/time.js';

export type NewAsset = Omit<AssetsTable, 'created_at' | 'updated_at'>;

export async function insertAssets(db: Executor, assets: NewAsset[], at: Date): Promise<void> {
  // Chunks keep each statement under SQLite's limit of bound parameters.
  for (let i = 0; i < assets.length; i += 500) {
    const chunk = assets.slice(i, i + 500).map((a) => ({ ...a, created_at: iso(at), updated_at: iso(at) }));
    await db.insertInto('assets').values(chunk).execute();
  }
}

/**
 * Assets with their product and the seats they have given: to active assignments, and to offline leases of revoked
 * licenses still out at `now` (SPEC §2.5: such a seat frees when the lease is returned or ends).
 */
function withProduct(db: Executor, now: Date) {
  return db
    .selectFrom('assets as a')
    .innerJoin('products as p', 'p.id', 'a.product_id')
    .select([
      'a.id',
      'a.organization_id',
      'a.serial',
      'a.seats',
      'a.mode',
      'a.starts_at',
      'a.ends_at',
      'a.status',
      'p.id as product_id',
      'p.code as product_code',
      'p.name as product_name',
      'p.kind as product_kind',
      'p.type as product_type',
      // Seats held by active assignments (the licensing module's table, read here so that every asset shown says it).
      (eb) =>
        eb
          .selectFrom('assignments as g')
          .select(eb.fn.countAll<number>().as('n'))
          .whereRef('g.asset_id', '=', 'a.id')
          .where('g.status', '=', 'active')
          .as('seats_assigned'),
      (eb) =>
        eb
          .selectFrom('activations as h')
          .select((e) => e.fn.countAll<number>().as('n'))
          .whereRef('h.asset_id', '=', 'a.id')
          .where('h.status', '=', 'revoked')
          .where('h.offline_until', '>', iso(now))
          .as('seats_held_offline'),
      (eb) =>
        eb
          .selectFrom('activations as h')
          .select((e) => e.fn.min('h.offline_until').as('m'))
          .whereRef('h.asset_id', '=', 'a.id')
          .where('h.status', '=', 'revoked')
          .where('h.offline_until', '>', iso(now))
          .as('next_seat_free_at'),
    ]);
}

export type AssetRow = NonNullable<Awaited<ReturnType<ReturnType<typeof withProduct>['executeTakeFirst']>>>;

export async function findAsset(db: Executor, id: string, now = new Date()) {
  return withProduct(db, now).where('a.id', '=', id).executeTakeFirst();
}

export async function findAssetBySerial(db: Executor, serial: string, now = new Date()) {
  return withProduct(db, now).where('a.serial', '=', serial).executeTakeFirst();
}

export async function listAssetsOfOrganization(
  db: Executor,
  organizationId: string,
  options: { after?: string; limit?: number; now?: Date } = {},
) {
  let query = withProduct(db, options.now ?? new Date())
    .where('a.organization_id', '=', organizationId)
    .orderBy('a.id');
  if (options.after) query = query.where('a.id', '>', options.after);
  if (options.limit) query = query.limit(options.limit + 1);
  return query.execute();
}

export async function existingSerials(db: Executor, serials: string[]): Promise<Set<string>> {
  const found = new Set<string>();
  for (let i = 0; i < serials.length; i += 500) {
    const rows = await db
      .selectFrom('assets')
      .select('serial')
      .where('serial', 'in', serials.slice(i, i + 500))
      .execute();
    for (const row of rows) found.add(row.serial);
  }
  return found;
}

export async function updateAsset(
  db: Executor,
  id: string,
  changes: Partial<Pick<AssetsTable, 'seats' | 'starts_at' | 'ends_at' | 'status'>>,
  at: Date,
): Promise<number> {
  const result = await db
    .updateTable('assets')
    .set({ ...changes, updated_at: iso(at) })
    .where('id', '=', id)
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

/** The organization's assets of one product, the one whose term ends last first (perpetual ones before all). */
export async function assetsOfProduct(db: Executor, organizationId: string, productId: string, now = new Date()) {
  return withProduct(db, now)
    .where('a.organization_id', '=', organizationId)
    .where('a.product_id', '=', productId)
    .orderBy(sql`case when a.ends_at is null then 0 else 1 end`)
    .orderBy('a.ends_at', 'desc')
    .orderBy('a.id')
    .execute();
}

export async function setMode(db: Executor, id: string, mode: 'machine' | 'online', at: Date): Promise<void> {
  await db
    .updateTable('assets')
    .set({ mode, updated_at: iso(at) })
    .where('id', '=', id)
    .execute();
}
