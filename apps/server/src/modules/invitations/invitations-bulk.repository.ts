import { sql } from 'kysely';
import type { Executor } from '../../db/database.js';
import { iso } from '../../lib/time.js';

/** Ids per `in (…)` list: well inside both databases' parameter limits. */
const CHUNK = 500;

async function inChunks(ids: string[], run: (chunk: string[]) => Promise<{ id: string }[]>): Promise<Set<string>> {
  const done = new Set<string>();
  for (let start = 0; start < ids.length; start += CHUNK)
    for (const row of await run(ids.slice(start, start + CHUNK))) done.add(row.id);
  return done;
}

/**
 * Revokes the invitations among `ids` that are still pending, expired ones included; answers which. The guard is
 * the one an acceptance claims with (`status = 'pending'`), so a revoke racing an acceptance has one winner.
 */
export async function revokePending(db: Executor, organizationId: string, ids: string[], at: Date) {
  return inChunks(ids, (chunk) =>
    db
      .updateTable('invitations')
      .set({ status: 'revoked', ended_at: iso(at), updated_at: iso(at) })
      .where('organization_id', '=', organizationId)
      .where('id', 'in', chunk)
      .where('status', '=', 'pending')
      .returning('id')
      .execute(),
  );
}

/**
 * Counts a resend on each invitation among `ids` that is pending, not expired and under today's limit; answers
 * which were counted. One guarded statement per chunk, as the single resend's.
 */
export async function countResends(db: Executor, organizationId: string, ids: string[], at: Date, limit: number) {
  const day = iso(at).slice(0, 10);
  return inChunks(ids, (chunk) =>
    db
      .updateTable('invitations')
      .set({
        resends_count: sql`case when resends_day = ${day} then resends_count + 1 else 1 end`,
        resends_day: day,
        updated_at: iso(at),
      })
      .where('organization_id', '=', organizationId)
      .where('id', 'in', chunk)
      .where('status', '=', 'pending')
      .where('expires_at', '>', iso(at))
      .where((eb) =>
        eb.or([eb('resends_day', 'is', null), eb('resends_day', '!=', day), eb('resends_count', '<', limit)]),
      )
      .returning('id')
      .execute(),
  );
}

/** The invitations to email again, with what their email needs. */
export async function invitationsForEmail(db: Executor, ids: string[]) {
  const rows = [];
  for (let start = 0; start < ids.length; start += CHUNK)
    rows.push(
      ...(await db
        .selectFrom('invitations')
        .selectAll()
        .where('id', 'in', ids.slice(start, start + CHUNK))
        .execute()),
    );
  return rows;
}

/** The stored status of these invitations now: why a guarded update passed some by (accepted or revoked meanwhile). */
export async function statusesOf(db: Executor, ids: string[]): Promise<Map<string, string>> {
  const statuses = new Map<string, string>();
  for (let start = 0; start < ids.length; start += CHUNK)
    for (const row of await db
      .selectFrom('invitations')
      .select(['id', 'status'])
      .where('id', 'in', ids.slice(start, start + CHUNK))
      .execute())
      statuses.set(row.id, row.status);
  return statuses;
}
