import type { MemberCounts, MembersFilter } from '@portico/contracts';
import type { SelectQueryBuilder } from 'kysely';
import type { Executor } from '../../db/database.js';
import { iso } from '../../lib/time.js';
import { invitationsWhere, membersWhere, wanted } from './directory.repository.js';

async function count(query: SelectQueryBuilder<any, any, object>): Promise<number> {
  const row = await query.select((eb) => eb.fn.countAll<number | string>().as('n')).executeTakeFirstOrThrow();
  return Number(row.n);
}

/**
 * The Members page's headline, exact: each count reads one range of an index that holds exactly what it counts
 * ((organization_id, rights) for members and administrators, the pending invitations' (organization_id,
 * expires_at) for pending and expired), never the rows themselves.
 */
export async function countDirectory(db: Executor, organizationId: string, now: Date): Promise<MemberCounts> {
  const pending = db
    .selectFrom('invitations')
    .where('organization_id', '=', organizationId)
    .where('status', '=', 'pending');
  const [members, administrators, live, expired] = await Promise.all([
    count(db.selectFrom('organization_members').where('organization_id', '=', organizationId)),
    count(
      db.selectFrom('organization_members').where('organization_id', '=', organizationId).where('rights', '=', 'admin'),
    ),
    count(pending.where('expires_at', '>', iso(now))),
    count(pending.where('expires_at', '<=', iso(now))),
  ]);
  return { members, administrators, pending: live, expired };
}

/** How many rows a filter matches: what "Select all N matching" says and a bulk action over it may touch. */
export async function countMatching(
  db: Executor,
  organizationId: string,
  filter: MembersFilter,
  now: Date,
): Promise<number> {
  const want = wanted(filter);
  const [members, invitations] = await Promise.all([
    want.members ? count(membersWhere(db, organizationId, filter)) : 0,
    want.invitations ? count(invitationsWhere(db, organizationId, filter, now)) : 0,
  ]);
  return members + invitations;
}
