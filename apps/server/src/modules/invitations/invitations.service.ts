import {
  INVITE_MAX_ADDRESSES,
  type InvitationState,
  type Invitee,
  type InviteRequest,
  splitAddresses,
} from '@portico/contracts';
import { z } from 'zod';
import type { Executor } from '../../db/database.js';
import type { Deps } from '../../deps.js';
import type { Actor } from '../../lib/actor.js';
import { normalizeEmail } from '../../lib/email.js';
import { AppError } from '../../lib/errors.js';
import { newId } from '../../lib/ids.js';
import { toDate, toIsoString } from '../../lib/time.js';
import { type AuditEntry, recordAudit } from '../audit/audit.writer.js';
import { linkFor, queueInvitationEmail } from './invitation-email.js';
import * as repo from './invitations.repository.js';

/** What this file's services use of the application. */
type InvitationDeps = Deps<'db' | 'clock' | 'config' | 'notifyMail'>;

export const RESENDS_PER_DAY = 5;
const emailSchema = z.email();

/**
 * The addresses of an Invite Member request: split as typed (`;`, `,`, spaces, new lines) or given as a list, each
 * normalized, repeats dropped (nothing is sent twice to one address in one request), at most 500.
 */
export function readAddresses(emails: string | string[]): string[] {
  return readInvitees({ emails }).map((invitee) => invitee.email);
}

/** An address to invite, normalized, with the names a CSV gave it (null when none). */
export interface InviteeInput {
  email: string;
  firstName: string | null;
  lastName: string | null;
}

/**
 * The invitees of an Invite Member request, given as `emails` (no names) or as `invitees` (with names): each address
 * normalized, repeats dropped with the first one's names kept, at most 500. The error names the field that was used.
 */
export function readInvitees(input: Pick<InviteRequest, 'emails' | 'invitees'>): InviteeInput[] {
  const field = input.invitees ? 'invitees' : 'emails';
  const raw: Invitee[] =
    input.invitees ??
    (Array.isArray(input.emails) ? input.emails : splitAddresses(input.emails ?? '')).map((email) => ({ email }));
  const byEmail = new Map<string, InviteeInput>();
  for (const invitee of raw) {
    const email = normalizeEmail(invitee.email);
    if (!email || byEmail.has(email)) continue;
    byEmail.set(email, {
      email,
      firstName: invitee.firstName?.trim() || null,
      lastName: invitee.lastName?.trim() || null,
    });
  }
  if (byEmail.size === 0) throw AppError.validation(field, 'names no address');
  if (byEmail.size > INVITE_MAX_ADDRESSES)
    throw AppError.validation(field, `names more than ${INVITE_MAX_ADDRESSES} addresses; upload a CSV file for more`);
  return [...byEmail.values()];
}

/** How an invitee is named in the audit log and on the Members page: "First Last", or null without names. */
export function inviteeName(row: { firstName: string | null; lastName: string | null }): string | null {
  return [row.firstName, row.lastName].filter(Boolean).join(' ') || null;
}

/** Whether a normalized address can receive an invitation (the outcome is `invalid address` otherwise). */
export function isValidAddress(address: string): boolean {
  return emailSchema.safeParse(address).success;
}

/**
 * Resends left today for an invitation (SPEC §2.4: at most 5 a UTC day). The guarded update in the repository
 * states the same rule in SQL, so that two resends at once cannot both take the last one.
 */
export function resendsLeft(row: { resends_day: string | null; resends_count: number }, now: Date): number {
  const today = now.toISOString().slice(0, 10);
  return row.resends_day === today ? Math.max(0, RESENDS_PER_DAY - row.resends_count) : RESENDS_PER_DAY;
}

/** An invitation's state as people see it: a pending one past its expiry is `expired` (SPEC §2.4). */
export function invitationState(row: { status: string; expires_at: unknown }, now: Date): InvitationState {
  if (row.status !== 'pending') return row.status as Exclude<InvitationState, 'pending' | 'expired'>;
  return toDate(row.expires_at) <= now ? ('expired' as const) : ('pending' as const);
}

/**
 * Creates a pending invitation with everything that goes with it, in the caller's transaction: its email, its
 * "sent" event and its audit event. Returns null when the address has a pending invitation already.
 */
async function createInvitation(
  deps: InvitationDeps,
  trx: Executor,
  actor: Actor,
  fields: Omit<repo.NewInvitation, 'id' | 'invitedBy'>,
  how: { kind: 'invitation' | 'new-invitation'; audit: Pick<AuditEntry, 'action' | 'before' | 'after'> },
  now: Date,
): Promise<string | null> {
  const id = newId('invitation', now.getTime());
  if (!(await repo.insertPending(trx, { id, ...fields, invitedBy: actor.userId }, now))) return null;
  const row = (await repo.findInvitation(trx, id)) as repo.InvitationRow;
  await queueInvitationEmail(deps, trx, row, how.kind, now);
  await repo.recordInvitationEvent(trx, id, 'sent', actor.userId, now);
  await recordAudit(trx, actor, { ...how.audit, ...auditTarget(row) }, now);
  return id;
}

/** The invitation an audit event is about, named as it is now (SPEC §2.8: readable without looking it up). */
export function auditTarget(row: repo.InvitationRow) {
  return {
    targetType: 'invitation',
    targetId: row.id,
    organizationId: row.organization_id,
    targetName: inviteeName({ firstName: row.first_name, lastName: row.last_name }),
    targetDetail: row.email,
  };
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
export async function invitationLink(deps: InvitationDeps, actor: Actor, organizationId: string, id: string) {
  const now = deps.clock.now();
  const row = await invitationOf(deps.db, organizationId, id);
  if (invitationState(row, now) !== 'pending') refuseNotPending(row, now);
  await repo.recordInvitationEvent(deps.db, id, 'link copied', actor.userId, now);
  return { link: linkFor(deps, id) };
}

/** Resend invitation link: the same link and message again, no new expiry, at most 5 a day. */
export async function resend(deps: InvitationDeps, actor: Actor, organizationId: string, id: string) {
  const now = deps.clock.now();
  await deps.db.transaction().execute(async (trx) => {
    const row = await invitationOf(trx, organizationId, id);
    if (invitationState(row, now) !== 'pending') refuseNotPending(row, now);
    if (resendsLeft(row, now) === 0 || !(await repo.countResend(trx, id, now, RESENDS_PER_DAY))) {
      throw new AppError(
        'RESEND_LIMIT_REACHED',
        `An invitation can be resent ${RESENDS_PER_DAY} times a day; try again tomorrow or copy the link`,
      );
    }
    await queueInvitationEmail(deps, trx, row, 'invitation-resent', now);
    await repo.recordInvitationEvent(trx, id, 'resent', actor.userId, now);
    await recordAudit(trx, actor, { action: 'invitation.resent', ...auditTarget(row) }, now);
  });
  deps.notifyMail();
}

/** Send new invitation: only for an expired one; a new link and a new expiry, the old link stays dead. */
export async function reissue(deps: InvitationDeps, actor: Actor, organizationId: string, id: string) {
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
        firstName: row.first_name,
        lastName: row.last_name,
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

export async function revoke(deps: InvitationDeps, actor: Actor, organizationId: string, id: string) {
  const now = deps.clock.now();
  await deps.db.transaction().execute(async (trx) => {
    const row = await invitationOf(trx, organizationId, id);
    if (!(await repo.endPending(trx, id, 'revoked', now))) refuseNotPending(row, now);
    await repo.recordInvitationEvent(trx, id, 'revoked', actor.userId, now);
    await recordAudit(trx, actor, { action: 'invitation.revoked', ...auditTarget(row) }, now);
  });
}

export async function history(deps: InvitationDeps, organizationId: string, id: string) {
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
