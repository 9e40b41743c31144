import type { AuditAction, BulkOutcome, BulkResult, BulkSelection } from '@portico/contracts';
import type { Executor } from '../../db/database.js';
import type { Deps } from '../../deps.js';
import type { Actor } from '../../lib/actor.js';
import { toDate } from '../../lib/time.js';
import { enqueueEmails } from '../mail/outbox.writer.js';
import {
  type BulkItem,
  itemOf,
  notFound,
  recordBulkOutcome,
  resolveSelection,
  type SelectedRow,
} from '../members/selection.service.js';
import { renderInvitationEmail, type Sender, senderOf } from './invitation-email.js';
import { recordInvitationEvents } from './invitations.repository.js';
import { RESENDS_PER_DAY } from './invitations.service.js';
import * as bulk from './invitations-bulk.repository.js';

// Bulk Resend invitation and Revoke invitation (issue 14): one request and one transaction for a whole selection,
// each invitation claimed with the same guarded statement as a single one, an answer per row and one audit event.

type BulkDeps = Deps<'db' | 'clock' | 'config' | 'notifyMail'>;

/** Why an invitation cannot be resent or revoked as it stands, or null when it is pending (expired or not). */
function notPending(row: SelectedRow): BulkOutcome | null {
  if (row.kind !== 'invitation') return 'not an invitation';
  if (row.status === 'accepted') return 'already accepted';
  if (row.status !== 'pending') return 'already revoked';
  return null;
}

async function answer(
  trx: Executor,
  actor: Actor,
  organizationId: string,
  action: AuditAction,
  items: BulkItem[],
  now: Date,
): Promise<BulkResult> {
  return { auditEventId: await recordBulkOutcome(trx, actor, { action, organizationId }, items, now), results: items };
}

/**
 * Candidates a guarded update passed by although they were pending when the selection was read: on PostgreSQL an
 * acceptance (or another revoke) can commit in between. Read again, they answer what happened to them.
 */
async function changedMeanwhile(trx: Executor, candidates: string[], claimed: Set<string>) {
  const missed = candidates.filter((id) => !claimed.has(id));
  const answers = new Map<string, BulkOutcome>();
  if (missed.length === 0) return answers;
  for (const [id, status] of await bulk.statusesOf(trx, missed))
    if (status !== 'pending') answers.set(id, status === 'accepted' ? 'already accepted' : 'already revoked');
  return answers;
}

/** Revoke invitation for a selection: pending ones (expired included) are revoked; their links stop working. */
export async function revokeInBulk(
  deps: BulkDeps,
  actor: Actor,
  organizationId: string,
  selection: BulkSelection,
): Promise<BulkResult> {
  const now = deps.clock.now();
  return deps.db.transaction().execute(async (trx) => {
    const { rows, missing } = await resolveSelection(trx, organizationId, selection, now);
    const candidates = rows.filter((row) => notPending(row) === null).map((row) => row.id);
    const revoked = await bulk.revokePending(trx, organizationId, candidates, now);
    await recordInvitationEvents(trx, [...revoked], 'revoked', actor.userId, now);
    const since = await changedMeanwhile(trx, candidates, revoked);
    const items = rows.map((row) => {
      const refusal = notPending(row) ?? since.get(row.id) ?? null;
      return itemOf(row, refusal ?? 'revoked');
    });
    return answer(trx, actor, organizationId, 'invitations.revoked', [...items, ...missing.map(notFound)], now);
  });
}

/** Resend invitation for a selection: the same link again, at most 5 a day each; expired ones need a new one. */
export async function resendInBulk(
  deps: BulkDeps,
  actor: Actor,
  organizationId: string,
  selection: BulkSelection,
): Promise<BulkResult> {
  const now = deps.clock.now();
  const result = await deps.db.transaction().execute(async (trx) => {
    const { rows, missing } = await resolveSelection(trx, organizationId, selection, now);
    const expired = (row: SelectedRow) => row.expires_at !== null && toDate(row.expires_at) <= now;
    const candidates = rows.filter((row) => notPending(row) === null && !expired(row)).map((row) => row.id);
    const counted = await bulk.countResends(trx, organizationId, candidates, now, RESENDS_PER_DAY);
    await queueResentEmails(deps, trx, [...counted], now);
    await recordInvitationEvents(trx, [...counted], 'resent', actor.userId, now);
    const since = await changedMeanwhile(trx, candidates, counted);
    const items = rows.map((row) => {
      const refusal = notPending(row) ?? (expired(row) ? 'expired' : null) ?? since.get(row.id);
      if (refusal) return itemOf(row, refusal);
      return itemOf(row, counted.has(row.id) ? 'resent' : 'resend limit reached');
    });
    return answer(trx, actor, organizationId, 'invitations.resent', [...items, ...missing.map(notFound)], now);
  });
  deps.notifyMail();
  return result;
}

/** Emails per insert: 13 parameters a row keeps 500 rows well inside both databases' limits. */
const EMAILS_PER_INSERT = 500;

/** The resent emails, 500 an insert; each inviter's name is read once. */
async function queueResentEmails(deps: BulkDeps, trx: Executor, ids: string[], now: Date) {
  const senders = new Map<string, Sender>();
  for (let start = 0; start < ids.length; start += EMAILS_PER_INSERT) {
    const emails = [];
    for (const row of await bulk.invitationsForEmail(trx, ids.slice(start, start + EMAILS_PER_INSERT))) {
      const key = row.invited_by_user_id ?? '';
      let sender = senders.get(key);
      if (!sender) {
        sender = await senderOf(trx, row.organization_id, row.invited_by_user_id);
        senders.set(key, sender);
      }
      emails.push(renderInvitationEmail(deps, row, 'invitation-resent', sender));
    }
    await enqueueEmails(trx, emails, now);
  }
}
