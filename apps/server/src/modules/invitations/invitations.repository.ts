import type { InvitationEvent, Rights } from '@portico/contracts';
import { sql } from 'kysely';
import type { Executor } from '../../db/database.js';
import type { InvitationsTable } from '../../db/types.js';
import { newId } from '../../lib/ids.js';
import { iso } from '../../lib/time.js';

export type InvitationRow = Omit<InvitationsTable, 'resends_count'> & { resends_count: number };

export async function findInvitation(db: Executor, id: string) {
  return db.selectFrom('invitations').selectAll().where('id', '=', id).executeTakeFirst() as Promise<
    InvitationRow | undefined
  >;
}

/** Pending invitations of the organization for these addresses (expired ones included). */
export async function pendingFor(db: Executor, organizationId: string, emails: string[]) {
  if (emails.length === 0) return [];
  return db
    .selectFrom('invitations')
    .select(['id', 'email', 'expires_at'])
    .where('organization_id', '=', organizationId)
    .where('status', '=', 'pending')
    .where('email', 'in', emails)
    .execute();
}

export interface NewInvitation {
  id: string;
  organizationId: string;
  email: string;
  /** The invitee's names, when the administrator gave them (a CSV's first_name and last_name). */
  firstName?: string | null;
  lastName?: string | null;
  rights: Rights;
  message: string | null;
  invitedBy: string | null;
  expiresAt: Date;
}

function invitationValues(row: NewInvitation, at: Date) {
  return {
    id: row.id,
    organization_id: row.organizationId,
    email: row.email,
    first_name: row.firstName ?? null,
    last_name: row.lastName ?? null,
    rights: row.rights,
    message: row.message,
    invited_by_user_id: row.invitedBy,
    status: 'pending' as const,
    expires_at: iso(row.expiresAt),
    created_at: iso(at),
    updated_at: iso(at),
  };
}

/**
 * Inserts a pending invitation unless one is pending already for the address: the partial unique index decides,
 * so two administrators inviting the same address at the same moment leave exactly one.
 */
export async function insertPending(db: Executor, row: NewInvitation, at: Date): Promise<boolean> {
  return (await insertPendingMany(db, [row], at)).has(row.id);
}

/**
 * insertPending for many addresses in one statement; returns the ids inserted (an address with a pending
 * invitation, also one a concurrent inviter has just inserted, is skipped by the same index). Callers pass the
 * rows sorted by email: concurrent multi-row inserts that take index entries in one order cannot deadlock.
 */
export async function insertPendingMany(db: Executor, rows: NewInvitation[], at: Date): Promise<Set<string>> {
  if (rows.length === 0) return new Set();
  const inserted = await db
    .insertInto('invitations')
    .values(rows.map((row) => invitationValues(row, at)))
    .onConflict((oc) => oc.columns(['organization_id', 'email']).where('status', '=', sql.lit('pending')).doNothing())
    .returning('id')
    .execute();
  return new Set(inserted.map((r) => r.id));
}

/**
 * Ends those of `ids` that are still pending and past their expiry, as replaced (a new invitation for the address
 * follows); returns the ids this call ended. The same guard as endPending with { expired: true }.
 */
export async function replaceExpired(db: Executor, ids: string[], at: Date): Promise<string[]> {
  if (ids.length === 0) return [];
  const rows = await db
    .updateTable('invitations')
    .set({ status: 'replaced', ended_at: iso(at), updated_at: iso(at), accepted_by_user_id: null })
    .where('id', 'in', ids)
    .where('status', '=', 'pending')
    .where('expires_at', '<=', iso(at))
    .returning('id')
    .execute();
  return rows.map((r) => r.id);
}

/** Ends a pending invitation with a guarded update; returns whether this call ended it. */
export async function endPending(
  db: Executor,
  id: string,
  status: 'accepted' | 'revoked' | 'replaced',
  at: Date,
  guard: { expired?: boolean; acceptedBy?: string } = {},
): Promise<boolean> {
  let query = db
    .updateTable('invitations')
    .set({ status, ended_at: iso(at), updated_at: iso(at), accepted_by_user_id: guard.acceptedBy ?? null })
    .where('id', '=', id)
    .where('status', '=', 'pending');
  if (guard.expired === true) query = query.where('expires_at', '<=', iso(at));
  if (guard.expired === false) query = query.where('expires_at', '>', iso(at));
  const result = await query.executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** Counts a resend, at most `limit` a UTC day, only for a pending invitation that has not expired. */
export async function countResend(db: Executor, id: string, at: Date, limit: number): Promise<boolean> {
  const day = iso(at).slice(0, 10);
  const result = await db
    .updateTable('invitations')
    .set({
      resends_count: sql`case when resends_day = ${day} then resends_count + 1 else 1 end`,
      resends_day: day,
      updated_at: iso(at),
    })
    .where('id', '=', id)
    .where('status', '=', 'pending')
    .where('expires_at', '>', iso(at))
    .where((eb) =>
      eb.or([eb('resends_day', 'is', null), eb('resends_day', '!=', day), eb('resends_count', '<', limit)]),
    )
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function recordInvitationEvent(
  db: Executor,
  invitationId: string,
  action: InvitationEvent,
  actorUserId: string | null,
  at: Date,
) {
  await recordInvitationEvents(db, [invitationId], action, actorUserId, at);
}

/** The same event on many invitations in one statement (a bulk invite's "sent", say). */
export async function recordInvitationEvents(
  db: Executor,
  invitationIds: string[],
  action: InvitationEvent,
  actorUserId: string | null,
  at: Date,
) {
  const rows = invitationIds.map((invitationId) => ({
    id: newId('invitationEvent', at.getTime()),
    invitation_id: invitationId,
    action,
    actor_user_id: actorUserId,
    created_at: iso(at),
  }));
  // 500 rows an insert: a bulk revoke of 10,000 would pass SQLite's 32,766 bound parameters in one statement.
  for (let start = 0; start < rows.length; start += EVENTS_PER_INSERT)
    await db
      .insertInto('invitation_events')
      .values(rows.slice(start, start + EVENTS_PER_INSERT))
      .execute();
}

const EVENTS_PER_INSERT = 500;

export async function invitationHistory(db: Executor, invitationId: string) {
  return db
    .selectFrom('invitation_events as e')
    .leftJoin('users as u', 'u.id', 'e.actor_user_id')
    .select([sql<InvitationEvent>`e.action`.as('action'), 'e.created_at', 'u.name', 'u.email'])
    .where('e.invitation_id', '=', invitationId)
    .orderBy('e.id')
    .execute();
}
