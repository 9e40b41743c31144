import type { InviteOutcome, Rights } from '@portico/contracts';
import type { Executor } from '../../db/database.js';
import type { Deps } from '../../deps.js';
import type { Actor } from '../../lib/actor.js';
import { newId } from '../../lib/ids.js';
import { toDate } from '../../lib/time.js';
import { recordAudits } from '../audit/audit.writer.js';
import { enqueueEmails } from '../mail/outbox.writer.js';
import { memberEmails } from '../members/members.service.js';
import { renderInvitationEmail, type Sender, senderOf } from './invitation-email.js';
import * as repo from './invitations.repository.js';
import { isValidAddress, readAddresses } from './invitations.service.js';

// Invite Member (SPEC §2.4): up to 500 addresses a request, a few statements for all of them.

type InviteDeps = Deps<'db' | 'clock' | 'config' | 'notifyMail'>;

/** Invite Member (SPEC §2.4): one outcome per distinct address; nothing is sent twice to one address. */
export async function invite(
  deps: InviteDeps,
  actor: Actor,
  organizationId: string,
  input: { emails: string | string[]; rights: Rights; message?: string },
) {
  const addresses = readAddresses(input.emails);
  const now = deps.clock.now();
  const expiresAt = new Date(now.getTime() + deps.config.invitationTtlMs);
  const message = input.message?.trim() || null;

  const results = await deps.db.transaction().execute(async (trx) => {
    const valid = new Set(addresses.filter(isValidAddress));
    const members = await memberEmails(trx, organizationId, [...valid]);
    const pending = await repo.pendingFor(trx, organizationId, [...valid]);
    const sender = await senderOf(trx, organizationId, actor.userId);
    const batch = { organizationId, rights: input.rights, message, expiresAt, pending, sender };
    // Sorted: concurrent inviters then take the unique index's entries in one order and cannot deadlock.
    const candidates = [...valid].filter((email) => !members.has(email)).sort();
    const invited = new Map<string, string>();
    for (let i = 0; i < candidates.length; i += INVITE_CHUNK) {
      const chunk = candidates.slice(i, i + INVITE_CHUNK);
      for (const [email, id] of await inviteMany(deps, trx, actor, chunk, batch, now)) invited.set(email, id);
    }
    return addresses.map((email) => outcomeOf(email, valid, members, invited));
  });
  deps.notifyMail();
  return { results };
}

/** Rows per statement in a bulk invite: 13 parameters an outbox row, well inside both databases' limits. */
const INVITE_CHUNK = 250;

function outcomeOf(
  email: string,
  valid: Set<string>,
  members: Set<string>,
  invited: Map<string, string>,
): { email: string; outcome: InviteOutcome; invitationId: string | null } {
  if (!valid.has(email)) return { email, outcome: 'invalid address', invitationId: null };
  if (members.has(email)) return { email, outcome: 'already a member', invitationId: null };
  const id = invited.get(email);
  return id
    ? { email, outcome: 'invited', invitationId: id }
    : { email, outcome: 'already invited', invitationId: null };
}

interface InviteBatch {
  organizationId: string;
  rights: Rights;
  message: string | null;
  expiresAt: Date;
  pending: { id: string; email: string; expires_at: unknown }[];
  sender: Sender;
}

/**
 * Invites `emails` (sorted, none a member) in the caller's transaction, a few statements for all of them instead of
 * several per address: expired invitations of these addresses are replaced, then one pending invitation is inserted
 * per address that has none (the partial unique index decides). Returns email → invitation id of those invited;
 * the others were already invited.
 */
async function inviteMany(
  deps: InviteDeps,
  trx: Executor,
  actor: Actor,
  emails: string[],
  batch: InviteBatch,
  now: Date,
): Promise<Map<string, string>> {
  const wanted = new Set(emails);
  // An expired invitation no longer counts as "already invited": it is replaced by the new one.
  const expired = batch.pending.filter((p) => wanted.has(p.email) && toDate(p.expires_at) <= now).map((p) => p.id);
  await repo.recordInvitationEvents(trx, await repo.replaceExpired(trx, expired, now), 'expired', null, now);

  const rows = emails.map((email) => ({
    id: newId('invitation', now.getTime()),
    organizationId: batch.organizationId,
    email,
    rights: batch.rights,
    message: batch.message,
    invitedBy: actor.userId,
    expiresAt: batch.expiresAt,
  }));
  const inserted = await repo.insertPendingMany(trx, rows, now);
  const created = rows.filter((row) => inserted.has(row.id));
  await recordSent(deps, trx, actor, created, batch, now);
  return new Map(created.map((row) => [row.email, row.id]));
}

/** What goes with each new invitation, in the same transaction: its email, its "sent" event, its audit event. */
async function recordSent(
  deps: InviteDeps,
  trx: Executor,
  actor: Actor,
  created: repo.NewInvitation[],
  batch: InviteBatch,
  now: Date,
) {
  const { organizationId, rights, message } = batch;
  const emails = created.map((row) => {
    const fields = { id: row.id, organization_id: organizationId, email: row.email, rights, message };
    return renderInvitationEmail(deps, { ...fields, expires_at: row.expiresAt }, 'invitation', batch.sender);
  });
  await enqueueEmails(trx, emails, now);
  const ids = created.map((row) => row.id);
  await repo.recordInvitationEvents(trx, ids, 'sent', actor.userId, now);
  // One audit event per invitation, as for a single invite (SPEC §2.8), written together.
  const entries = created.map((row) => ({
    action: 'invitation.sent' as const,
    after: { email: row.email, rights },
    targetType: 'invitation',
    targetId: row.id,
    organizationId,
  }));
  await recordAudits(trx, actor, entries, now);
}
