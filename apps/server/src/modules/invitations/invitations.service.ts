import { INVITE_MAX_ADDRESSES, type InviteOutcome, type Rights, splitAddresses } from '@portico/contracts';
import { z } from 'zod';
import type { Executor } from '../../db/database.js';
import type { AppDeps } from '../../deps.js';
import type { Actor } from '../../lib/actor.js';
import { normalizeEmail } from '../../lib/email.js';
import { AppError } from '../../lib/errors.js';
import { newId } from '../../lib/ids.js';
import { toDate, toIsoString } from '../../lib/time.js';
import { type AuditEntry, recordAudit, recordAudits } from '../audit/audit.writer.js';
import { enqueueEmails } from '../mail/outbox.writer.js';
import { memberEmails } from '../members/members.service.js';
import { linkFor, queueInvitationEmail, renderInvitationEmail, type Sender, senderOf } from './invitation-email.js';
import * as repo from './invitations.repository.js';

export const RESENDS_PER_DAY = 5;
const emailSchema = z.email();

export function invitationState(row: { status: string; expires_at: unknown }, now: Date) {
  if (row.status !== 'pending') return row.status as 'accepted' | 'revoked' | 'replaced';
  return toDate(row.expires_at) <= now ? ('expired' as const) : ('pending' as const);
}

/** Invite Member (SPEC §2.4): one outcome per distinct address; nothing is sent twice to one address. */
export async function invite(
  deps: AppDeps,
  actor: Actor,
  organizationId: string,
  input: { emails: string | string[]; rights: Rights; message?: string },
) {
  const raw = Array.isArray(input.emails) ? input.emails : splitAddresses(input.emails);
  // One result per distinct address: nothing is sent twice to one address in one request.
  const addresses = [...new Set(raw.map((a) => normalizeEmail(a)))];
  if (addresses.length === 0) throw AppError.validation('emails', 'names no address');
  if (addresses.length > INVITE_MAX_ADDRESSES)
    throw AppError.validation(
      'emails',
      `names more than ${INVITE_MAX_ADDRESSES} addresses; upload a CSV file for more`,
    );
  const now = deps.clock.now();
  const expiresAt = new Date(now.getTime() + deps.config.invitationTtlMs);
  const message = input.message?.trim() || null;

  const results = await deps.db.transaction().execute(async (trx) => {
    const valid = new Set(addresses.filter((a) => emailSchema.safeParse(a).success));
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
  deps: AppDeps,
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
  deps: AppDeps,
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

/**
 * Creates a pending invitation with everything that goes with it, in the caller's transaction: its email, its
 * "sent" event and its audit event. Returns null when the address has a pending invitation already.
 */
async function createInvitation(
  deps: AppDeps,
  trx: Executor,
  actor: Actor,
  fields: { organizationId: string; email: string; rights: Rights; message: string | null; expiresAt: Date },
  how: { kind: 'invitation' | 'new-invitation'; audit: Pick<AuditEntry, 'action' | 'before' | 'after'> },
  now: Date,
): Promise<string | null> {
  const id = newId('invitation', now.getTime());
  if (!(await repo.insertPending(trx, { id, ...fields, invitedBy: actor.userId }, now))) return null;
  await queueInvitationEmail(deps, trx, (await repo.findInvitation(trx, id)) as repo.InvitationRow, how.kind, now);
  await repo.recordInvitationEvent(trx, id, 'sent', actor.userId, now);
  await recordAudit(
    trx,
    actor,
    { ...how.audit, targetType: 'invitation', targetId: id, organizationId: fields.organizationId },
    now,
  );
  return id;
}

/** An invitation of this organization, or the same 404 as an unknown id (SPEC §3). */
async function invitationOf(db: Executor, organizationId: string, id: string) {
  const row = await repo.findInvitation(db, id);
  if (!row || row.organization_id !== organizationId) throw AppError.notFound('invitation');
  return row;
}

export function refuseNotPending(row: repo.InvitationRow, now: Date): never {
  const state = invitationState(row, now);
  if (state === 'expired')
    throw new AppError('INVITATION_EXPIRED', 'This invitation has expired; send a new invitation instead');
  if (state === 'revoked') throw new AppError('INVITATION_REVOKED', 'This invitation was revoked');
  if (state === 'replaced')
    throw new AppError(
      'INVITATION_EXPIRED',
      'This link was replaced by a newer invitation: use the link of the latest email',
    );
  throw new AppError('INVITATION_USED', 'This invitation was already used or replaced');
}

/** Copy invitation link: the original link, for a pending invitation that has not expired. */
export async function invitationLink(deps: AppDeps, actor: Actor, organizationId: string, id: string) {
  const now = deps.clock.now();
  const row = await invitationOf(deps.db, organizationId, id);
  if (invitationState(row, now) !== 'pending') refuseNotPending(row, now);
  await repo.recordInvitationEvent(deps.db, id, 'link copied', actor.userId, now);
  return { link: linkFor(deps, id) };
}

/** Resend invitation link: the same link and message again, no new expiry, at most 5 a day. */
export async function resend(deps: AppDeps, actor: Actor, organizationId: string, id: string) {
  const now = deps.clock.now();
  await deps.db.transaction().execute(async (trx) => {
    const row = await invitationOf(trx, organizationId, id);
    if (invitationState(row, now) !== 'pending') refuseNotPending(row, now);
    if (!(await repo.countResend(trx, id, now, RESENDS_PER_DAY))) {
      throw new AppError(
        'RESEND_LIMIT_REACHED',
        `An invitation can be resent ${RESENDS_PER_DAY} times a day; try again tomorrow or copy the link`,
      );
    }
    await queueInvitationEmail(deps, trx, row, 'invitation-resent', now);
    await repo.recordInvitationEvent(trx, id, 'resent', actor.userId, now);
    await recordAudit(
      trx,
      actor,
      { action: 'invitation.resent', targetType: 'invitation', targetId: id, organizationId },
      now,
    );
  });
  deps.notifyMail();
}

/** Send new invitation: only for an expired one; a new link and a new expiry, the old link stays dead. */
export async function reissue(deps: AppDeps, actor: Actor, organizationId: string, id: string) {
  const now = deps.clock.now();
  const newInvitationId = await deps.db.transaction().execute(async (trx) => {
    const row = await invitationOf(trx, organizationId, id);
    if (invitationState(row, now) === 'pending')
      throw new AppError('INVITATION_NOT_EXPIRED', 'This invitation is still valid: resend it or copy its link');
    if (!(await repo.endPending(trx, id, 'replaced', now, { expired: true }))) refuseNotPending(row, now);
    const replacement = await createInvitation(
      deps,
      trx,
      actor,
      {
        organizationId,
        email: row.email,
        rights: row.rights,
        message: row.message,
        expiresAt: new Date(now.getTime() + deps.config.invitationTtlMs),
      },
      { kind: 'new-invitation', audit: { action: 'invitation.reissued', before: { invitation: id } } },
      now,
    );
    if (!replacement) throw new AppError('CONFLICT', `${row.email} has another pending invitation`);
    // The history tells the whole story: it expired (when its time ran out), then it was sent anew.
    await repo.recordInvitationEvent(trx, id, 'expired', null, toDate(row.expires_at));
    await repo.recordInvitationEvent(trx, id, 're-issued', actor.userId, now);
    return replacement;
  });
  deps.notifyMail();
  return { id: newInvitationId };
}

export async function revoke(deps: AppDeps, actor: Actor, organizationId: string, id: string) {
  const now = deps.clock.now();
  await deps.db.transaction().execute(async (trx) => {
    const row = await invitationOf(trx, organizationId, id);
    if (!(await repo.endPending(trx, id, 'revoked', now))) refuseNotPending(row, now);
    await repo.recordInvitationEvent(trx, id, 'revoked', actor.userId, now);
    await recordAudit(
      trx,
      actor,
      { action: 'invitation.revoked', targetType: 'invitation', targetId: id, organizationId },
      now,
    );
  });
}

export async function history(deps: AppDeps, organizationId: string, id: string) {
  const invitation = await invitationOf(deps.db, organizationId, id);
  const rows = await repo.invitationHistory(deps.db, id);
  const events = rows.map((r) => ({
    action: r.action,
    actor: r.name && r.email ? { name: r.name, email: r.email } : null,
    at: toIsoString(r.created_at),
  }));
  // Expiry happens by the clock, not by a request: nothing records it until someone acts on the invitation, so a
  // pending invitation past its time shows its expiry here as it happened.
  if (invitationState(invitation, deps.clock.now()) === 'expired' && !events.some((e) => e.action === 'expired'))
    events.push({ action: 'expired', actor: null, at: toIsoString(invitation.expires_at) });
  return { events };
}
