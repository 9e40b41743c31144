import type { Executor } from '../../db/database.js';
import { iso } from '../../lib/time.js';

// The reads behind the Activations view (administrators), My products and the CLI's status.

export interface ActivationFilter {
  organizationId: string;
  assetId?: string;
  userId?: string;
  productId?: string;
  /** Active ones, and revoked ones whose offline lease still holds a seat at `now`. */
  current: { now: Date } | null;
  after?: string;
  limit: number;
}

/** Activations with their user, asset and product, newest first (keyset on the time-sortable id). */
export async function listActivations(db: Executor, f: ActivationFilter) {
  let query = db
    .selectFrom('activations as a')
    .innerJoin('assets as s', 's.id', 'a.asset_id')
    .innerJoin('products as p', 'p.id', 'a.product_id')
    .leftJoin('users as u', 'u.id', 'a.user_id')
    .selectAll('a')
    .select([
      's.serial',
      'p.code as product_code',
      'p.name as product_name',
      'u.name as user_name',
      'u.email as user_email',
    ])
    .where('a.organization_id', '=', f.organizationId);
  if (f.assetId !== undefined) query = query.where('a.asset_id', '=', f.assetId);
  if (f.userId !== undefined) query = query.where('a.user_id', '=', f.userId);
  if (f.productId !== undefined) query = query.where('a.product_id', '=', f.productId);
  const current = f.current;
  if (current)
    query = query.where((eb) =>
      eb.or([
        eb('a.status', '=', 'active'),
        eb.and([eb('a.status', '=', 'revoked'), eb('a.offline_until', '>', iso(current.now))]),
      ]),
    );
  if (f.after !== undefined) query = query.where('a.id', '<', f.after);
  return query.orderBy('a.id', 'desc').limit(f.limit).execute();
}
export type ActivationListRow = Awaited<ReturnType<typeof listActivations>>[number];

/** A user's active assignments of license products in every organization, for the desktop's `status`. */
export async function licensesOfUser(db: Executor, userId: string) {
  return db
    .selectFrom('assignments as g')
    .innerJoin('products as p', 'p.id', 'g.product_id')
    .innerJoin('assets as s', 's.id', 'g.asset_id')
    .innerJoin('organizations as o', 'o.id', 'g.organization_id')
    .select([
      'g.organization_id',
      'g.product_id',
      'g.asset_id',
      'o.code as organization_code',
      'o.name as organization_name',
      'p.code as product_code',
      'p.name as product_name',
      's.mode',
    ])
    .where('g.user_id', '=', userId)
    .where('g.status', '=', 'active')
    .where('p.kind', '=', 'license')
    .orderBy('g.id')
    .execute();
}
