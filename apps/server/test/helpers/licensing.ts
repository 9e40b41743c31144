import { sql } from 'kysely';
import type { DB } from '../../src/db/database.js';
import { upsertMember } from '../../src/modules/members/members.repository.js';
import { json } from './factories.js';
import type { TestApp } from './test-app.js';

/** Operator-made catalogue for the assignment tests, through the real operator API, and the rules as queries. */

export async function addProduct(
  t: TestApp,
  operator: string,
  product: { code: string; name: string; kind: 'license' | 'service'; type?: string },
): Promise<string> {
  const res = await json(t, 'POST', '/api/v1/operator/products', operator, product);
  if (res.statusCode !== 201) throw new Error(`product ${product.code}: ${res.statusCode} ${res.body}`);
  return res.json().id as string;
}

export async function addOrganization(t: TestApp, operator: string, code: string, name: string): Promise<string> {
  const res = await json(t, 'POST', '/api/v1/operator/organizations', operator, { code, name });
  if (res.statusCode !== 201) throw new Error(`organization ${code}: ${res.statusCode} ${res.body}`);
  return res.json().id as string;
}

export interface AssetSpec {
  organization: string;
  product: string;
  serial: string;
  seats: number;
  /** Services have no licensing mode and no seats (`seats` is not sent for them). */
  service?: boolean;
  startsAt?: string;
  endsAt?: string | null;
  suspended?: boolean;
}

export async function addAsset(t: TestApp, operator: string, spec: AssetSpec): Promise<string> {
  const res = await json(t, 'POST', '/api/v1/operator/assets', operator, {
    organization: spec.organization,
    product: spec.product,
    serial: spec.serial,
    ...(spec.service ? {} : { seats: spec.seats, mode: 'online' }),
    startsAt: spec.startsAt ?? '2026-01-01',
    endsAt: spec.endsAt === undefined ? null : spec.endsAt,
  });
  if (res.statusCode !== 201) throw new Error(`asset ${spec.serial}: ${res.statusCode} ${res.body}`);
  const id = res.json().id as string;
  if (spec.suspended) {
    const suspended = await json(t, 'PATCH', `/api/v1/operator/assets/${id}`, operator, { status: 'suspended' });
    if (suspended.statusCode !== 200) throw new Error(`suspend ${spec.serial}: ${suspended.body}`);
  }
  return id;
}

/** Makes these users members (or administrators) of the organization, as an accepted invitation would. */
export async function addMembers(t: TestApp, organizationId: string, userIds: string[], rights: 'admin' | 'member') {
  for (const userId of userIds) await upsertMember(t.runtime.deps.db, organizationId, userId, rights, t.clock.now());
}

export interface ActiveAssignment {
  id: string;
  organization_id: string;
  asset_id: string;
  product_id: string;
  user_id: string;
}

export async function activeAssignments(
  db: DB,
  filter: { organizationId?: string; assetId?: string; userId?: string } = {},
): Promise<ActiveAssignment[]> {
  let query = db
    .selectFrom('assignments')
    .select(['id', 'organization_id', 'asset_id', 'product_id', 'user_id'])
    .where('status', '=', 'active');
  if (filter.organizationId) query = query.where('organization_id', '=', filter.organizationId);
  if (filter.assetId) query = query.where('asset_id', '=', filter.assetId);
  if (filter.userId) query = query.where('user_id', '=', filter.userId);
  return query.orderBy('id').execute();
}

export async function seatsOf(db: DB, assetId: string): Promise<{ seats: number; assigned: number }> {
  const asset = await db.selectFrom('assets').select('seats').where('id', '=', assetId).executeTakeFirstOrThrow();
  return { seats: Number(asset.seats), assigned: (await activeAssignments(db, { assetId })).length };
}

/**
 * Every way the database breaks the assignment rules of SPEC §2.5, one line each (an empty list: none). Read from
 * the tables themselves, not through the service: the product's type from `products` (not the copy on the
 * assignment), membership from `organization_members`.
 */
export async function assignmentViolations(db: DB): Promise<string[]> {
  const found: string[] = [];
  const oversold = await db
    .selectFrom('assets as a')
    .innerJoin('assignments as g', 'g.asset_id', 'a.id')
    .select(['a.id', 'a.seats', db.fn.countAll<number>().as('n')])
    .where('g.status', '=', 'active')
    .groupBy(['a.id', 'a.seats'])
    .having(sql`count(*)`, '>', sql<number>`a.seats`)
    .execute();
  for (const r of oversold) found.push(`asset ${r.id}: ${Number(r.n)} active assignments on ${r.seats} seats`);

  const twice = await db
    .selectFrom('assignments')
    .select(['organization_id', 'user_id', 'product_id', db.fn.countAll<number>().as('n')])
    .where('status', '=', 'active')
    .groupBy(['organization_id', 'user_id', 'product_id'])
    .having(sql`count(*)`, '>', 1)
    .execute();
  for (const r of twice) found.push(`user ${r.user_id} holds product ${r.product_id} ${Number(r.n)} times`);

  const sameType = await db
    .selectFrom('assignments as g')
    .innerJoin('products as p', 'p.id', 'g.product_id')
    .select(['g.organization_id', 'g.user_id', 'p.type', db.fn.countAll<number>().as('n')])
    .where('g.status', '=', 'active')
    .where('p.type', 'is not', null)
    .groupBy(['g.organization_id', 'g.user_id', 'p.type'])
    .having(sql`count(*)`, '>', 1)
    .execute();
  for (const r of sameType) found.push(`user ${r.user_id} holds ${Number(r.n)} products of type ${r.type}`);

  const strangers = await db
    .selectFrom('assignments as g')
    .leftJoin('organization_members as m', (join) =>
      join.onRef('m.organization_id', '=', 'g.organization_id').onRef('m.user_id', '=', 'g.user_id'),
    )
    .select(['g.id', 'g.user_id', 'g.organization_id'])
    .where('g.status', '=', 'active')
    .where('m.user_id', 'is', null)
    .execute();
  for (const r of strangers) found.push(`assignment ${r.id}: ${r.user_id} is not a member of ${r.organization_id}`);

  const mismatched = await db
    .selectFrom('assignments as g')
    .innerJoin('assets as a', 'a.id', 'g.asset_id')
    .select(['g.id'])
    .where('g.status', '=', 'active')
    .where((eb) =>
      eb.or([
        eb('a.organization_id', '<>', eb.ref('g.organization_id')),
        eb('a.product_id', '<>', eb.ref('g.product_id')),
      ]),
    )
    .execute();
  for (const r of mismatched) found.push(`assignment ${r.id}: its asset belongs to another organization or product`);
  return found;
}
