import type { MemberSort, MemberStatus } from '@portico/contracts';
import { type SelectQueryBuilder, sql } from 'kysely';
import type { Executor } from '../../db/database.js';
import { iso } from '../../lib/time.js';

export interface DirectoryQuery {
  q?: string;
  status?: MemberStatus;
  sort: MemberSort;
  /** Keyset: the sort value (email or ISO date) and id of the last row of the previous page. */
  after?: { value: string; id: string };
  limit: number;
  now: Date;
}

export interface DirectoryRow {
  kind: 'member' | 'invitation';
  id: string;
  name: string | null;
  email: string;
  status: string;
  since: string | Date;
  expires_at: string | Date | null;
}

function likePattern(q: string): string {
  return `%${q.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

function order(sort: MemberSort) {
  return { column: sort.endsWith('email') ? 'email' : 'created_at', descending: sort.startsWith('-') } as const;
}

/** The keyset condition, the search and the order, the same on both halves of the list. */
function narrow<QB extends SelectQueryBuilder<any, any, any>>(
  query: QB,
  idColumn: string,
  options: DirectoryQuery,
  searchName: boolean,
): QB {
  const { column, descending } = order(options.sort);
  const direction = descending ? 'desc' : 'asc';
  let q = query;
  if (options.after) {
    const { value, id } = options.after;
    // A row-value comparison, which both SQLite and PostgreSQL answer from the index range (an OR would scan).
    const comparison = descending ? sql`<` : sql`>`;
    q = q.where(sql<boolean>`(${sql.ref(column)}, ${sql.ref(idColumn)}) ${comparison} (${value}, ${id})`) as QB;
  }
  if (options.q) {
    const pattern = likePattern(options.q);
    q = (
      searchName
        ? q.where(sql<boolean>`(email like ${pattern} escape '\\' or lower(name) like ${pattern} escape '\\')`)
        : q.where(sql<boolean>`email like ${pattern} escape '\\'`)
    ) as QB;
  }
  return q
    .orderBy(column, direction)
    .orderBy(idColumn, direction)
    .limit(options.limit + 1) as QB;
}

/**
 * One page of the Members list: members and pending invitations together, by email or by date. Each half reads one
 * range of its (organization_id, email | created_at, id) index after the cursor and stops at the page size, so a deep
 * page costs what the first does; the two short halves are then merged.
 */
export async function listDirectory(
  db: Executor,
  organizationId: string,
  options: DirectoryQuery,
): Promise<DirectoryRow[]> {
  const wantMembers = !options.status || options.status === 'admin' || options.status === 'member';
  const wantInvitations = !options.status || options.status === 'pending' || options.status === 'expired';
  const now = iso(options.now);

  let members = db
    .selectFrom('organization_members')
    .select([
      sql<string>`'member'`.as('kind'),
      'user_id as id',
      'name',
      'email',
      sql<string>`rights`.as('status'),
      'created_at as since',
      sql<null>`cast(null as timestamptz)`.as('expires_at'),
    ])
    .where('organization_id', '=', organizationId);
  if (options.status === 'admin' || options.status === 'member') members = members.where('rights', '=', options.status);
  members = narrow(members, 'user_id', options, true);

  let invitations = db
    .selectFrom('invitations')
    .select([
      sql<string>`'invitation'`.as('kind'),
      'id',
      sql<null>`null`.as('name'),
      'email',
      sql<string>`case when expires_at <= ${now} then 'expired' else 'pending' end`.as('status'),
      'created_at as since',
      'expires_at',
    ])
    .where('organization_id', '=', organizationId)
    .where('status', '=', 'pending');
  if (options.status === 'pending') invitations = invitations.where('expires_at', '>', now);
  if (options.status === 'expired') invitations = invitations.where('expires_at', '<=', now);
  invitations = narrow(invitations, 'id', options, false);

  // Each half is a subquery so that its own ORDER BY and LIMIT apply before the merge (SQLite requires it).
  const memberHalf = db.selectFrom(members.as('m')).selectAll() as unknown as SelectQueryBuilder<
    any,
    any,
    DirectoryRow
  >;
  const invitationHalf = db.selectFrom(invitations.as('i')).selectAll() as unknown as SelectQueryBuilder<
    any,
    any,
    DirectoryRow
  >;
  let query: SelectQueryBuilder<any, any, DirectoryRow>;
  if (wantMembers && wantInvitations) query = memberHalf.unionAll(invitationHalf);
  else query = wantMembers ? memberHalf : invitationHalf;
  const { column, descending } = order(options.sort);
  const direction = descending ? 'desc' : 'asc';
  return query
    .orderBy(column === 'email' ? 'email' : 'since', direction)
    .orderBy('id', direction)
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
