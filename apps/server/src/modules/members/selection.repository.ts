import type { MembersFilter } from '@portico/contracts';
import type { Executor } from '../../db/database.js';
import { INVITEE_NAME, invitationsWhere, membersWhere, wanted } from './directory.repository.js';

/** A row of a bulk selection as it is now: a member, or an invitation in any state. */
export interface SelectedRow {
  kind: 'member' | 'invitation';
  id: string;
  email: string;
  name: string | null;
  rights: 'admin' | 'member';
  /** `active` for a member; the invitation's stored status (`pending`, `accepted`, `revoked`, `replaced`). */
  status: string;
  expires_at: string | Date | null;
}

/** Ids per `in (…)` list: well inside both databases' parameter limits. */
const CHUNK = 500;

function memberColumns(db: Executor) {
  return db
    .selectFrom('organization_members')
    .select([
      'user_id as id',
      'email',
      'name',
      'rights',
      (eb) => eb.val('active').as('status'),
      (eb) => eb.val(null).as('expires_at'),
    ]);
}

function invitationColumns(db: Executor) {
  return db
    .selectFrom('invitations')
    .select(['id', 'email', INVITEE_NAME.as('name'), 'rights', 'status', 'expires_at']);
}

/** The members and invitations of this organization among `ids` (another organization's ids are simply absent). */
export async function rowsByIds(db: Executor, organizationId: string, ids: string[]): Promise<SelectedRow[]> {
  const rows: SelectedRow[] = [];
  for (let start = 0; start < ids.length; start += CHUNK) {
    const chunk = ids.slice(start, start + CHUNK);
    const [members, invitations] = await Promise.all([
      memberColumns(db).where('organization_id', '=', organizationId).where('user_id', 'in', chunk).execute(),
      invitationColumns(db).where('organization_id', '=', organizationId).where('id', 'in', chunk).execute(),
    ]);
    for (const m of members) rows.push({ ...(m as Omit<SelectedRow, 'kind'>), kind: 'member' });
    for (const i of invitations) rows.push({ ...(i as Omit<SelectedRow, 'kind'>), kind: 'invitation' });
  }
  return rows;
}

/** Every row a filter matches now, by email: the members and the pending invitations (expired or not). */
export async function rowsMatching(
  db: Executor,
  organizationId: string,
  filter: MembersFilter,
  now: Date,
): Promise<SelectedRow[]> {
  const want = wanted(filter);
  const [members, invitations] = await Promise.all([
    want.members
      ? membersWhere(db, organizationId, filter)
          .select([
            'organization_members.user_id as id',
            'organization_members.email',
            'organization_members.name',
            'organization_members.rights',
          ])
          .orderBy('organization_members.email')
          .execute()
      : [],
    want.invitations
      ? invitationsWhere(db, organizationId, filter, now)
          .select(['invitations.id', 'invitations.email', INVITEE_NAME.as('name'), 'invitations.rights', 'expires_at'])
          .orderBy('invitations.email')
          .execute()
      : [],
  ]);
  return [
    ...members.map((m) => ({ ...m, kind: 'member' as const, status: 'active', expires_at: null })),
    ...invitations.map((i) => ({ ...i, kind: 'invitation' as const, status: 'pending' })),
  ];
}
