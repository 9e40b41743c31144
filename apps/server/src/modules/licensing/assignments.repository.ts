import { sql } from 'kysely';
import type { Executor } from '../../db/database.js';
import { iso } from '../../lib/time.js';

export interface NewAssignment {
  id: string;
  organizationId: string;
  assetId: string;
  productId: string;
  productType: string | null;
  userId: string;
  assignedBy: string | null;
}

/** Active seats per asset. Counted under the organization's lock, so nobody can take one meanwhile. */
export async function seatsTaken(db: Executor, assetIds: string[]): Promise<Map<string, number>> {
  if (assetIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('assignments')
    .select(['asset_id', db.fn.countAll<number>().as('n')])
    .where('asset_id', 'in', assetIds)
    .where('status', '=', 'active')
    .groupBy('asset_id')
    .execute();
  return new Map(rows.map((r) => [r.asset_id, Number(r.n)]));
}

/** The active assignments of these users in the organization, with their product and its type. */
export async function activeOfUsers(db: Executor, organizationId: string, userIds: string[]) {
  if (userIds.length === 0) return [];
  return db
    .selectFrom('assignments')
    .select(['id', 'user_id', 'product_id', 'product_type', 'asset_id'])
    .where('organization_id', '=', organizationId)
    .where('status', '=', 'active')
    .where('user_id', 'in', userIds)
    .execute();
}

/** Which of these users are members of the organization. */
export async function membersAmong(db: Executor, organizationId: string, userIds: string[]): Promise<Set<string>> {
  if (userIds.length === 0) return new Set();
  const rows = await db
    .selectFrom('organization_members')
    .select('user_id')
    .where('organization_id', '=', organizationId)
    .where('user_id', 'in', userIds)
    .execute();
  return new Set(rows.map((r) => r.user_id));
}

/** Which of these ids are invitations of the organization still open (a Members list row of someone not yet in). */
export async function openInvitationsAmong(db: Executor, organizationId: string, ids: string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows = await db
    .selectFrom('invitations')
    .select('id')
    .where('organization_id', '=', organizationId)
    .where('status', '=', 'pending')
    .where('id', 'in', ids)
    .execute();
  return new Set(rows.map((r) => r.id));
}

/**
 * Inserts the assignments; a row that would break one of the unique rules (one per product, one per type) is
 * skipped rather than failing the rest. Returns the ids inserted.
 */
export async function insertAssignments(db: Executor, rows: NewAssignment[], at: Date): Promise<Set<string>> {
  const inserted = new Set<string>();
  // 11 parameters a row: 250 rows a statement stays well inside both databases' limits.
  for (let i = 0; i < rows.length; i += 250) {
    const values = rows.slice(i, i + 250).map((r) => ({
      id: r.id,
      organization_id: r.organizationId,
      asset_id: r.assetId,
      product_id: r.productId,
      product_type: r.productType,
      user_id: r.userId,
      status: 'active' as const,
      assigned_by_user_id: r.assignedBy,
      created_at: iso(at),
    }));
    const result = await db
      .insertInto('assignments')
      .values(values)
      .onConflict((oc) => oc.doNothing())
      .returning('id')
      .execute();
    for (const row of result) inserted.add(row.id);
  }
  return inserted;
}

/** Ends active assignments of the organization; returns those it ended (unknown or ended ones are left out). */
export async function revokeAssignments(
  db: Executor,
  organizationId: string,
  filter: { ids?: string[]; userId?: string },
  revokedBy: string | null,
  at: Date,
): Promise<string[]> {
  let query = db
    .updateTable('assignments')
    .set({ status: 'revoked', revoked_at: iso(at), revoked_by_user_id: revokedBy })
    .where('organization_id', '=', organizationId)
    .where('status', '=', 'active');
  if (filter.ids) query = query.where('id', 'in', filter.ids);
  if (filter.userId) query = query.where('user_id', '=', filter.userId);
  const rows = await query.returning('id').execute();
  return rows.map((r) => r.id);
}

function withDetails(db: Executor) {
  return db
    .selectFrom('assignments as g')
    .innerJoin('assets as a', 'a.id', 'g.asset_id')
    .innerJoin('products as p', 'p.id', 'g.product_id')
    .innerJoin('users as u', 'u.id', 'g.user_id')
    .select([
      'g.id',
      'g.organization_id',
      'g.user_id',
      'g.created_at',
      'g.status',
      'a.id as asset_id',
      'a.serial',
      'a.mode',
      'a.starts_at',
      'a.ends_at',
      'a.status as asset_status',
      'p.id as product_id',
      'p.code as product_code',
      'p.name as product_name',
      'p.kind as product_kind',
      'p.type as product_type',
      'u.name as user_name',
      'u.email as user_email',
    ]);
}

export type AssignmentRow = NonNullable<Awaited<ReturnType<ReturnType<typeof withDetails>['executeTakeFirst']>>>;

/** Assignments by id, with asset, product and user, in the organization (active or not). */
export async function findAssignments(db: Executor, organizationId: string, ids: string[]): Promise<AssignmentRow[]> {
  if (ids.length === 0) return [];
  return withDetails(db).where('g.organization_id', '=', organizationId).where('g.id', 'in', ids).execute();
}

/** Every active assignment of one member, newest first (what they hold: My products, Remove member). */
export async function activeOfUser(db: Executor, organizationId: string, userId: string): Promise<AssignmentRow[]> {
  return withDetails(db)
    .where('g.organization_id', '=', organizationId)
    .where('g.user_id', '=', userId)
    .where('g.status', '=', 'active')
    .orderBy('g.id', 'desc')
    .execute();
}

export interface AssignmentFilter {
  assetId?: string;
  userId?: string;
  productId?: string;
  q?: string;
  /** Keyset: the id of the last row of the previous page (newest first). */
  before?: string;
  limit: number;
}

function likePattern(q: string): string {
  return `%${q.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/** A page of the organization's active assignments, newest first, narrowed by asset, user, product or assignee. */
export async function listAssignments(db: Executor, organizationId: string, filter: AssignmentFilter) {
  let query = withDetails(db).where('g.organization_id', '=', organizationId).where('g.status', '=', 'active');
  if (filter.assetId) query = query.where('g.asset_id', '=', filter.assetId);
  if (filter.userId) query = query.where('g.user_id', '=', filter.userId);
  if (filter.productId) query = query.where('g.product_id', '=', filter.productId);
  if (filter.before) query = query.where('g.id', '<', filter.before);
  if (filter.q) {
    const pattern = likePattern(filter.q);
    query = query.where(
      sql<boolean>`(u.email like ${pattern} escape '\\' or lower(u.name) like ${pattern} escape '\\')`,
    );
  }
  return query
    .orderBy('g.id', 'desc')
    .limit(filter.limit + 1)
    .execute();
}

/** The products each of these members holds (for the Members list), by user. */
export async function productsOfUsers(db: Executor, organizationId: string, userIds: string[]) {
  if (userIds.length === 0) return [];
  return db
    .selectFrom('assignments as g')
    .innerJoin('products as p', 'p.id', 'g.product_id')
    .select(['g.user_id', 'g.id', 'p.code', 'p.name'])
    .where('g.organization_id', '=', organizationId)
    .where('g.status', '=', 'active')
    .where('g.user_id', 'in', userIds)
    .orderBy('p.code')
    .execute();
}

/** Names and addresses of these users, for the emails that tell them. */
export async function usersByIds(db: Executor, userIds: string[]) {
  if (userIds.length === 0) return [];
  return db.selectFrom('users').select(['id', 'name', 'email']).where('id', 'in', userIds).execute();
}
