import type { Rights } from '@portico/contracts';
import { sql } from 'kysely';
import type { Executor } from '../../db/database.js';
import type { ContactRole } from '../../lib/caller.js';
import { iso } from '../../lib/time.js';

/** Adds a member or changes its rights; the account's email and name are copied in the same statement. */
export async function upsertMember(db: Executor, organizationId: string, userId: string, rights: Rights, at: Date) {
  // The copies let the Members list search and sort from one index (see the member directory migration).
  await db
    .insertInto('organization_members')
    .columns(['organization_id', 'user_id', 'rights', 'email', 'name', 'created_at', 'updated_at'])
    .expression(
      db
        .selectFrom('users')
        .select([
          sql.val(organizationId).as('organization_id'),
          'id',
          sql.val(rights).as('rights'),
          'email',
          'name',
          sql.val(iso(at)).as('created_at'),
          sql.val(iso(at)).as('updated_at'),
        ])
        .where('id', '=', userId),
    )
    .onConflict((oc) => oc.columns(['organization_id', 'user_id']).doUpdateSet({ rights, updated_at: iso(at) }))
    .execute();
}

export async function findMembership(db: Executor, organizationId: string, userId: string) {
  return db
    .selectFrom('organization_members')
    .select(['rights'])
    .where('organization_id', '=', organizationId)
    .where('user_id', '=', userId)
    .executeTakeFirst();
}

export async function deleteMember(db: Executor, organizationId: string, userId: string): Promise<number> {
  const result = await db
    .deleteFrom('organization_members')
    .where('organization_id', '=', organizationId)
    .where('user_id', '=', userId)
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}

export async function listAdministrators(db: Executor, organizationId: string) {
  return (
    db
      .selectFrom('organization_members as m')
      .innerJoin('users as u', 'u.id', 'm.user_id')
      .select(['u.id as userId', 'u.name', 'u.email'])
      .where('m.organization_id', '=', organizationId)
      .where('m.rights', '=', 'admin')
      // Longest-serving first; the email settles a tie, so the order never changes between two reads.
      .orderBy('m.created_at')
      .orderBy('u.email')
      .execute()
  );
}

export async function countAdministrators(db: Executor, organizationId: string): Promise<number> {
  const row = await db
    .selectFrom('organization_members')
    .select(db.fn.countAll<number>().as('n'))
    .where('organization_id', '=', organizationId)
    .where('rights', '=', 'admin')
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Which of these addresses belong to members of the organization already. */
export async function memberEmails(db: Executor, organizationId: string, emails: string[]): Promise<Set<string>> {
  if (emails.length === 0) return new Set();
  const rows = await db
    .selectFrom('organization_members as m')
    .innerJoin('users as u', 'u.id', 'm.user_id')
    .select('u.email')
    .where('m.organization_id', '=', organizationId)
    .where('u.email', 'in', emails)
    .execute();
  return new Set(rows.map((r) => r.email));
}

/** The contact roles of the user's contact in the organization (contacts are linked to accounts, SPEC §2.6). */
export async function contactRolesOf(db: Executor, organizationId: string, userId: string): Promise<ContactRole[]> {
  const rows = await db
    .selectFrom('contacts as c')
    .innerJoin('contact_roles as r', 'r.contact_id', 'c.id')
    .select('r.role')
    .where('c.organization_id', '=', organizationId)
    .where('c.user_id', '=', userId)
    .execute();
  return rows.map((r) => r.role as ContactRole);
}

/** Ids per `in (…)` list of a bulk change: well inside both databases' parameter limits. */
const CHUNK = 500;

/** Change to Admin / Member for many members at once (a bulk action), in the caller's transaction. */
export async function setRights(db: Executor, organizationId: string, userIds: string[], rights: Rights, at: Date) {
  for (let start = 0; start < userIds.length; start += CHUNK)
    await db
      .updateTable('organization_members')
      .set({ rights, updated_at: iso(at) })
      .where('organization_id', '=', organizationId)
      .where('user_id', 'in', userIds.slice(start, start + CHUNK))
      .execute();
}

/** Removes many members at once (a bulk action), in the caller's transaction. */
export async function deleteMembers(db: Executor, organizationId: string, userIds: string[]) {
  for (let start = 0; start < userIds.length; start += CHUNK)
    await db
      .deleteFrom('organization_members')
      .where('organization_id', '=', organizationId)
      .where('user_id', 'in', userIds.slice(start, start + CHUNK))
      .execute();
}
