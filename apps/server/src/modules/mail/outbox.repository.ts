import { type ExpressionBuilder, sql } from 'kysely';
import type { Executor } from '../../db/database.js';
import type { Database } from '../../db/types.js';
import { iso } from '../../lib/time.js';

export type OutboxRow = Awaited<ReturnType<typeof findDue>>[number];

/** Due: pending and its time has come, or `sending` by a worker that died before finishing (its lock lapsed). */
function isDue(eb: ExpressionBuilder<Database, 'outbox_emails'>, now: Date) {
  return eb.or([
    eb.and([eb('status', '=', 'pending'), eb('next_attempt_at', '<=', iso(now))]),
    eb.and([eb('status', '=', 'sending'), eb('locked_until', '<=', iso(now))]),
  ]);
}

/**
 * Due rows: those whose worker died first (rare), then pending ones, oldest first. Two queries, each one range of
 * outbox_due_idx in index order: one query with an OR of both made the databases collect every due row and sort
 * them for each batch, and after a bulk invite that is 10,000 rows with their bodies read for every 100 sent.
 */
export async function findDue(db: Executor, now: Date, limit: number) {
  const stale = await db
    .selectFrom('outbox_emails')
    .selectAll()
    .where('status', '=', 'sending')
    .where('locked_until', '<=', iso(now))
    .limit(limit)
    .execute();
  if (stale.length >= limit) return stale;
  const pending = await db
    .selectFrom('outbox_emails')
    .selectAll()
    .where('status', '=', 'pending')
    .where('next_attempt_at', '<=', iso(now))
    .orderBy('next_attempt_at')
    .limit(limit - stale.length)
    .execute();
  return [...stale, ...pending];
}

/**
 * Takes rows for delivery with one guarded update (ARCHITECTURE convention 3): a row is taken only while it is
 * still due, and taking it makes it not due until its lock lapses, so only one worker, in any process, gets it
 * back and a message is handed to SMTP once even with several server instances. Returns each taken row's id and
 * its attempts, this one counted.
 */
export async function claimDue(
  db: Executor,
  ids: string[],
  now: Date,
  lockMs: number,
): Promise<{ id: string; attempts: number }[]> {
  if (ids.length === 0) return [];
  return db
    .updateTable('outbox_emails')
    .set({ status: 'sending', locked_until: iso(new Date(now.getTime() + lockMs)), attempts: sql`attempts + 1` })
    .where('id', 'in', ids)
    .where((eb) => isDue(eb, now))
    .returning(['id', 'attempts'])
    .execute();
}

/** Marks delivered rows sent, several in one statement (one commit instead of one per message). */
export async function markSent(db: Executor, ids: string[], now: Date): Promise<void> {
  if (ids.length === 0) return;
  await db
    .updateTable('outbox_emails')
    .set({ status: 'sent', sent_at: iso(now), locked_until: null, last_error: null })
    .where('id', 'in', ids)
    .execute();
}

export async function markRetry(db: Executor, id: string, nextAttemptAt: Date, error: string): Promise<void> {
  await db
    .updateTable('outbox_emails')
    .set({
      status: 'pending',
      next_attempt_at: iso(nextAttemptAt),
      locked_until: null,
      last_error: error.slice(0, 1000),
    })
    .where('id', '=', id)
    .execute();
}

export async function markFailed(db: Executor, id: string, error: string): Promise<void> {
  await db
    .updateTable('outbox_emails')
    .set({ status: 'failed', locked_until: null, last_error: error.slice(0, 1000) })
    .where('id', '=', id)
    .execute();
}

/** The dev mailbox: delivered messages, newest first. */
export async function listDelivered(db: Executor, limit: number) {
  return db
    .selectFrom('outbox_emails')
    .select(['id', 'to_address', 'subject', 'text_body', 'html_body', 'created_at'])
    .where('status', '=', 'sent')
    .orderBy('id', 'desc')
    .limit(limit)
    .execute();
}

export async function countByStatus(db: Executor) {
  const rows = await db
    .selectFrom('outbox_emails')
    .select(['status', db.fn.countAll<number>().as('count')])
    .groupBy('status')
    .execute();
  return Object.fromEntries(rows.map((r) => [r.status, Number(r.count)]));
}
