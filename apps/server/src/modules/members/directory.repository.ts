import type { MemberSort, MembersFilter } from '@portico/contracts';
import { type RawBuilder, type SelectQueryBuilder, sql } from 'kysely';
import type { Executor } from '../../db/database.js';
import { iso } from '../../lib/time.js';

export interface DirectoryQuery extends MembersFilter {
  sort: MemberSort;
  /** Keyset: the sort value (text or ISO date) and id of the last row of the previous page. */
  after?: { value: string; id: string };
  limit: number;
  now: Date;
}

export interface DirectoryRow {
  kind: 'member' | 'invitation';
  id: string;
  name: string | null;
  email: string;
  rights: 'admin' | 'member';
  /** `active` for a member; `pending` or `expired` for an invitation. */
  status: string;
  since: string | Date;
  expires_at: string | Date | null;
  /** The value the page is sorted by: what the next page's cursor holds. */
  sort_key: string | Date;
}

type Half = 'members' | 'invitations';
// Rows without a last sign-in (invitations among them) come last in both directions: they sort as the latest date
// going up and as the earliest going down.
const NEVER_UP = '9999-12-31T23:59:59.999Z';
const NEVER_DOWN = '0001-01-01T00:00:00.000Z';

/** An invitee's name as the list shows it: first and last name when a CSV gave them. */
export const INVITEE_NAME = sql<
  string | null
>`nullif(trim(coalesce(first_name, '') || ' ' || coalesce(last_name, '')), '')`;

function likePattern(q: string): string {
  return `%${q.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

export function direction(sort: MemberSort) {
  return sort.startsWith('-') ? 'desc' : 'asc';
}

/**
 * What each half of the list is sorted by. Email and the joined/invited date read an index range; a name sort
 * reads the (organization_id, lower(name), user_id) index for members (case does not split the order) and orders
 * invitations (few) by name, or by email when they have none. The cast keeps both halves' key one type on PostgreSQL and is a no-op on SQLite.
 */
function sortKey(sort: MemberSort, half: Half): RawBuilder<string | Date> {
  const column = sort.replace('-', '');
  const table = half === 'members' ? 'organization_members' : 'invitations';
  if (column === 'email') return sql.ref(`${table}.email`);
  if (column === 'since') return sql.ref(`${table}.created_at`);
  if (column === 'name')
    return half === 'members' ? sql`lower(organization_members.name)` : sql`lower(coalesce(${INVITEE_NAME}, email))`;
  const never = direction(sort) === 'asc' ? NEVER_UP : NEVER_DOWN;
  if (half === 'members') return sql`coalesce(users.last_sign_in_at, ${never})`;
  return sql`coalesce(cast(null as timestamptz), ${never})`;
}

/** The keyset condition and the order, the same on both halves. */
function narrow<QB extends SelectQueryBuilder<any, any, any>>(
  query: QB,
  half: Half,
  options: DirectoryQuery,
  idColumn: string,
): QB {
  const key = sortKey(options.sort, half);
  const dir = direction(options.sort);
  let q = query;
  if (options.after) {
    const { value, id } = options.after;
    // A row-value comparison, which both SQLite and PostgreSQL answer from the index range (an OR would scan).
    const comparison = dir === 'desc' ? sql`<` : sql`>`;
    q = q.where(sql<boolean>`(${key}, ${sql.ref(idColumn)}) ${comparison} (${value}, ${id})`) as QB;
  }
  return q
    .orderBy(key, dir)
    .orderBy(idColumn, dir)
    .limit(options.limit + 1) as QB;
}

export function wanted(filter: MembersFilter): Record<Half, boolean> {
  return { members: !filter.status || filter.status === 'active', invitations: filter.status !== 'active' };
}

/** The members half: the filter's conditions on organization_members (shared with the counts and bulk selections). */
export function membersWhere(db: Executor, organizationId: string, filter: MembersFilter) {
  let query = db.selectFrom('organization_members').where('organization_members.organization_id', '=', organizationId);
  if (filter.rights) query = query.where('organization_members.rights', '=', filter.rights);
  if (filter.q) {
    const pattern = likePattern(filter.q);
    query = query.where(
      sql<boolean>`(organization_members.email like ${pattern} escape '\\' or lower(organization_members.name) like ${pattern} escape '\\')`,
    );
  }
  return query;
}

/** The invitations half: pending invitations, expired or not as the filter says. */
export function invitationsWhere(db: Executor, organizationId: string, filter: MembersFilter, now: Date) {
  let query = db
    .selectFrom('invitations')
    .where('invitations.organization_id', '=', organizationId)
    .where('invitations.status', '=', 'pending');
  if (filter.status === 'pending') query = query.where('expires_at', '>', iso(now));
  if (filter.status === 'expired') query = query.where('expires_at', '<=', iso(now));
  if (filter.rights) query = query.where('rights', '=', filter.rights);
  if (filter.q) {
    const pattern = likePattern(filter.q);
    // Each name on its own: no string is built per row for the thousands of invitations a search reads.
    query = query.where(
      sql<boolean>`(email like ${pattern} escape '\\' or lower(first_name) like ${pattern} escape '\\' or lower(last_name) like ${pattern} escape '\\')`,
    );
  }
  return query;
}

function memberHalf(db: Executor, organizationId: string, options: DirectoryQuery) {
  let query = membersWhere(db, organizationId, options);
  // Only the last sign-in sort joins the accounts; other sorts read it for the page's rows afterwards.
  if (options.sort.endsWith('lastSignIn'))
    query = query.innerJoin('users', 'users.id', 'organization_members.user_id') as unknown as typeof query;
  const selected = query.select([
    sql<string>`'member'`.as('kind'),
    'organization_members.user_id as id',
    'organization_members.name',
    'organization_members.email',
    'organization_members.rights',
    sql<string>`'active'`.as('status'),
    'organization_members.created_at as since',
    sql<null>`cast(null as timestamptz)`.as('expires_at'),
    sortKey(options.sort, 'members').as('sort_key'),
  ]);
  return narrow(selected, 'members', options, 'organization_members.user_id');
}

function invitationHalf(db: Executor, organizationId: string, options: DirectoryQuery) {
  const now = iso(options.now);
  const selected = invitationsWhere(db, organizationId, options, options.now).select([
    sql<string>`'invitation'`.as('kind'),
    'id',
    INVITEE_NAME.as('name'),
    'email',
    'rights',
    sql<string>`case when expires_at <= ${now} then 'expired' else 'pending' end`.as('status'),
    'created_at as since',
    'expires_at',
    sortKey(options.sort, 'invitations').as('sort_key'),
  ]);
  return narrow(selected, 'invitations', options, 'invitations.id');
}

/**
 * One page of the Members list: members and pending invitations together. Each half reads at most a page after
 * the cursor (by email or date: one range of its index), and the two short halves are merged.
 */
export async function listDirectory(db: Executor, organizationId: string, options: DirectoryQuery) {
  const want = wanted(options);
  // Each half is a subquery so that its own ORDER BY and LIMIT apply before the merge (SQLite requires it).
  const members = db.selectFrom(memberHalf(db, organizationId, options).as('m')).selectAll();
  const invitations = db.selectFrom(invitationHalf(db, organizationId, options).as('i')).selectAll();
  type Query = SelectQueryBuilder<any, any, DirectoryRow>;
  let query: Query;
  if (want.members && want.invitations) query = (members as unknown as Query).unionAll(invitations as unknown as Query);
  else query = (want.members ? members : invitations) as unknown as Query;
  const dir = direction(options.sort);
  return query
    .orderBy('sort_key', dir)
    .orderBy('id', dir)
    .limit(options.limit + 1)
    .execute();
}

/** The latest sign-in of each listed member. */
export async function lastSignIns(db: Executor, userIds: string[]): Promise<Map<string, string | Date>> {
  if (userIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('users')
    .select(['id', 'last_sign_in_at'])
    .where('id', 'in', userIds)
    .where('last_sign_in_at', 'is not', null)
    .execute();
  return new Map(rows.map((r) => [r.id, r.last_sign_in_at as string | Date]));
}
