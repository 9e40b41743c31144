import type { InviteOutcome, InviteRequest, Rights } from '@portico/contracts';
import type { Executor } from '../../db/database.js';
import type { Deps } from '../../deps.js';
import type { Actor } from '../../lib/actor.js';
import { newId } from '../../lib/ids.js';
import { toDate } from '../../lib/time.js';
import { type AuditItem, recordAudit, recordBulkAudit } from '../audit/audit.writer.js';
import { enqueueEmails } from '../mail/outbox.writer.js';
import { memberEmails } from '../members/members.service.js';
import { renderInvitationEmail, type Sender, senderOf } from './invitation-email.js';
import * as repo from './invitations.repository.js';
import { type InviteeInput, inviteeName, isValidAddress, readInvitees } from './invitations.service.js';

// Invite Member (SPEC §2.4): up to 500 addresses a request, a few statements for all of them.

type InviteDeps = Deps<'db' | 'clock' | 'config' | 'notifyMail'>;

/** Invite Member (SPEC §2.4): one outcome per distinct address; nothing is sent twice to one address. */
export async function invite(
  deps: InviteDeps,
  actor: Actor,
  organizationId: string,
  input: Pick<InviteRequest, 'emails' | 'invitees' | 'rights' | 'message'>,
) {
  const invitees = readInvitees(input);
  const addresses = invitees.map((i) => i.email);
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
    const candidates = invitees
      .filter(({ email }) => valid.has(email) && !members.has(email))
      .sort((a, b) => (a.email < b.email ? -1 : a.email > b.email ? 1 : 0));
    const invited = new Map<string, string>();
    for (let i = 0; i < candidates.length; i += INVITE_CHUNK) {
      const chunk = candidates.slice(i, i + INVITE_CHUNK);
      for (const [email, id] of await inviteMany(deps, trx, actor, chunk, batch, now)) invited.set(email, id);
    }
    const outcomes = addresses.map((email) => outcomeOf(email, valid, members, invited));
    await auditInvite(trx, actor, { organizationId, rights: input.rights, invitees, outcomes }, now);
    return outcomes;
  });
  deps.notifyMail();
  return { results };
}

/**
 * The audit log of an Invite Member request that invited someone: one `invitation.sent` for a single address; for
 * several, one `invitations.sent` event with a row per address and its outcome (SPEC §2.8, issue 14), so a
 * 500-address upload reads as one action rather than 500 lines.
 */
async function auditInvite(
  trx: Executor,
  actor: Actor,
  request: { organizationId: string; rights: Rights; invitees: InviteeInput[]; outcomes: Outcome[] },
  now: Date,
) {
  const { organizationId, rights, invitees, outcomes } = request;
  const invitedCount = outcomes.filter((o) => o.outcome === 'invited').length;
  if (invitedCount === 0) return; // Nothing changed: nothing to record.
  const items: AuditItem[] = outcomes.map((o, i) => ({
    targetId: o.invitationId,
    targetName: inviteeName(invitees[i] as InviteeInput),
    targetDetail: o.email,
    outcome: o.outcome,
  }));
  if (invitees.length === 1) {
    const [item] = items as [AuditItem];
    const entry = { targetId: item.targetId, targetName: item.targetName, targetDetail: item.targetDetail };
    await recordAudit(
      trx,
      actor,
      {
        action: 'invitation.sent',
        targetType: 'invitation',
        organizationId,
        ...entry,
        after: { email: item.targetDetail, rights },
      },
      now,
    );
    return;
  }
  await recordBulkAudit(
    trx,
    actor,
    {
      action: 'invitations.sent',
      targetType: 'organization',
      organizationId,
      after: { rights, invited: invitedCount },
      items,
    },
    now,
  );
}

/** Rows per statement in a bulk invite: 13 parameters an outbox row, well inside both databases' limits. */
const INVITE_CHUNK = 250;

type Outcome = { email: string; outcome: InviteOutcome; invitationId: string | null };

function outcomeOf(email: string, valid: Set<string>, members: Set<string>, invited: Map<string, string>): Outcome {
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
 * Invites `invitees` (sorted by address, none a member) in the caller's transaction, a few statements for all of them instead of
 * several per address: expired invitations of these addresses are replaced, then one pending invitation is inserted
 * per address that has none (the partial unique index decides). Returns email → invitation id of those invited;
 * the others were already invited.
 */
async function inviteMany(
  deps: InviteDeps,
  trx: Executor,
  actor: Actor,
  invitees: InviteeInput[],
  batch: InviteBatch,
  now: Date,
): Promise<Map<string, string>> {
  const wanted = new Set(invitees.map((i) => i.email));
  // An expired invitation no longer counts as "already invited": it is replaced by the new one.
  const expired = batch.pending.filter((p) => wanted.has(p.email) && toDate(p.expires_at) <= now).map((p) => p.id);
  await repo.recordInvitationEvents(trx, await repo.replaceExpired(trx, expired, now), 'expired', null, now);

  const rows = invitees.map(({ email, firstName, lastName }) => ({
    id: newId('invitation', now.getTime()),
    organizationId: batch.organizationId,
    email,
    firstName,
    lastName,
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

/** What goes with each new invitation, in the same transaction: its email and its "sent" event. */
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
    const names = { first_name: row.firstName ?? null, last_name: row.lastName ?? null };
    return renderInvitationEmail(deps, { ...fields, ...names, expires_at: row.expiresAt }, 'invitation', batch.sender);
  });
  await enqueueEmails(trx, emails, now);
  await repo.recordInvitationEvents(
    trx,
    created.map((row) => row.id),
    'sent',
    actor.userId,
    now,
  );
}
