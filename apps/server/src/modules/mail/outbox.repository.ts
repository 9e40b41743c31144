import { sql } from 'kysely';
import type { Executor } from '../../db/database.js';
import { newId } from '../../lib/ids.js';
import { iso } from '../../lib/time.js';
import type { RenderedEmail } from './templates.js';

export interface EmailContext {
  organizationId?: string | null;
  subjectType?: string | null;
  subjectId?: string | null;
}

function outboxRow(email: RenderedEmail, at: Date, context: EmailContext) {
  return {
    id: newId('email', at.getTime()),
    kind: email.kind,
    to_address: email.to,
    subject: email.subject,
    text_body: email.text,
    html_body: email.html,
    status: 'pending',
    next_attempt_at: iso(at),
    organization_id: context.organizationId ?? null,
    subject_type: context.subjectType ?? null,
    subject_id: context.subjectId ?? null,
    created_at: iso(at),
  };
}

/** Writes an email to the outbox. Pass the transaction of the change that causes it (SPEC §2.7). */
export async function enqueueEmail(
  db: Executor,
  email: RenderedEmail,
  at: Date,
  context: EmailContext = {},
): Promise<string> {
  const row = outboxRow(email, at, context);
  await db.insertInto('outbox_emails').values(row).execute();
  return row.id;
}

/**
 * Writes many emails in one statement (a bulk invite's), with the transaction of the change that causes them.
 * The caller keeps the list short enough for one statement (13 parameters a row; a few hundred rows).
 */
export async function enqueueEmails(
  db: Executor,
  emails: { email: RenderedEmail; context: EmailContext }[],
  at: Date,
): Promise<void> {
  if (emails.length === 0) return;
  await db
    .insertInto('outbox_emails')
    .values(emails.map(({ email, context }) => outboxRow(email, at, context)))
    .execute();
}

export type OutboxRow = Awaited<ReturnType<typeof findDue>>[number];

/** Due rows: pending ones whose time has come, and `sending` ones whose worker died before finishing. */
export async function findDue(db: Executor, now: Date, limit: number) {
  return db
    .selectFrom('outbox_emails')
    .selectAll()
    .where((eb) =>
      eb.or([
        eb.and([eb('status', '=', 'pending'), eb('next_attempt_at', '<=', iso(now))]),
        eb.and([eb('status', '=', 'sending'), eb('locked_until', '<=', iso(now))]),
      ]),
    )
    .orderBy('next_attempt_at')
    .limit(limit)
    .execute();
}

/**
 * Takes one row for delivery with a guarded update (ARCHITECTURE convention 3): only one worker, in any process,
 * sees an affected row, so a message is handed to SMTP once even with several server instances.
 */
export async function claim(db: Executor, row: OutboxRow, now: Date, lockMs: number): Promise<boolean> {
  const result = await db
    .updateTable('outbox_emails')
    .set({ status: 'sending', locked_until: iso(new Date(now.getTime() + lockMs)), attempts: sql`attempts + 1` })
    .where('id', '=', row.id)
    .where('status', '=', row.status)
    .where('attempts', '=', row.attempts)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function markSent(db: Executor, id: string, now: Date): Promise<void> {
  await db
    .updateTable('outbox_emails')
    .set({ status: 'sent', sent_at: iso(now), locked_until: null, last_error: null })
    .where('id', '=', id)
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
