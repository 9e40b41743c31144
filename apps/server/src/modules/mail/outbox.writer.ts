import type { Executor } from '../../db/database.js';
import type { RenderedEmail } from '../../lib/email-layout.js';
import { newId } from '../../lib/ids.js';
import { iso } from '../../lib/time.js';

// The outbox writer: the one way any module sends an email (SPEC §2.7). Shared by every module (the import rule);
// the worker delivers what it writes.

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
