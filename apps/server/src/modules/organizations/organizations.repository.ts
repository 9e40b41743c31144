import type { Rights } from '@portico/contracts';
import { sql } from 'kysely';
import type { DatabaseHandle, Executor } from '../../db/database.js';
import { prepareAll } from '../../db/prepared.js';
import { iso } from '../../lib/time.js';

export async function insertOrganization(db: Executor, row: { id: string; name: string; code: string }, at: Date) {
  await db
    .insertInto('organizations')
    .values({ ...row, created_at: iso(at), updated_at: iso(at) })
    .execute();
}

export async function findOrganization(db: Executor, idOrCode: string) {
  return db
    .selectFrom('organizations')
    .selectAll()
    .where((eb) => eb.or([eb('id', '=', idOrCode), eb('code', '=', idOrCode.toLowerCase())]))
    .executeTakeFirst();
}

export async function renameOrganization(db: Executor, id: string, name: string, at: Date): Promise<number> {
  const result = await db
    .updateTable('organizations')
    .set({ name, updated_at: iso(at) })
    .where('id', '=', id)
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

/** One page by id (creation order), after the cursor; `q` matches name or code, case-insensitively. */
export async function listOrganizations(db: Executor, options: { q?: string; after?: string; limit: number }) {
  let query = db
    .selectFrom('organizations')
    .selectAll()
    .orderBy('id')
    .limit(options.limit + 1);
  if (options.after) query = query.where('id', '>', options.after);
  if (options.q) {
    const pattern = `%${options.q.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    query = query.where(sql<boolean>`(lower(name) like ${pattern} escape '\\' or code like ${pattern} escape '\\')`);
  }
  return query.execute();
}

/**
 * The first-administrator claim (ARCHITECTURE convention 3): one guarded update, checked by affected rows, so
 * when many linked users click at once exactly one wins on both SQLite and PostgreSQL.
 */
export async function claimOrganization(
  db: Executor,
  organizationId: string,
  userId: string,
  at: Date,
): Promise<boolean> {
  const result = await db
    .updateTable('organizations')
    .set({ claimed_by_user_id: userId, claimed_at: iso(at), updated_at: iso(at) })
    .where('id', '=', organizationId)
    .where('claimed_by_user_id', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** An organization left without administrators may be claimed again (only an operator can cause that). */
export async function reopenClaim(db: Executor, organizationId: string, at: Date): Promise<void> {
  await db
    .updateTable('organizations')
    .set({ claimed_by_user_id: null, claimed_at: null, updated_at: iso(at) })
    .where('id', '=', organizationId)
    .execute();
}

/**
 * The organizations of one user, for /me on every page load: memberships with their rights, and the organizations
 * the user is linked to by a registered serial that nobody has claimed yet. One prepared statement for both.
 */
function organizationsOfQuery(db: Executor, userId: string) {
  return db
    .selectFrom('organization_members as m')
    .innerJoin('organizations as o', 'o.id', 'm.organization_id')
    .select(['o.id', 'o.name', 'o.code', sql<string>`m.rights`.as('rights')])
    .where('m.user_id', '=', userId)
    .unionAll(
      db
        .selectFrom('organization_links as l')
        .innerJoin('organizations as o', 'o.id', 'l.organization_id')
        .select(['o.id', 'o.name', 'o.code', sql<string>`'claimable'`.as('rights')])
        .where('l.user_id', '=', userId)
        .where('o.claimed_by_user_id', 'is', null),
    );
}

export type OrganizationOfUser = { id: string; name: string; code: string; rights: Rights | 'claimable' };
export type OrganizationsOfFinder = (userId: string) => Promise<OrganizationOfUser[]>;

export function createOrganizationsOfFinder(handle: DatabaseHandle): OrganizationsOfFinder {
  const all = prepareAll<OrganizationOfUser>(handle, organizationsOfQuery(handle.db, ''));
  return (userId) => all([userId, userId]);
}
