import type { SignUpRequest } from '@portico/contracts';
import type { Deps } from '../../deps.js';
import type { Actor, RequestInfo } from '../../lib/actor.js';
import { normalizeEmail } from '../../lib/email.js';
import { AppError } from '../../lib/errors.js';
import { toIsoString } from '../../lib/time.js';
import { findUserById } from '../accounts/accounts.service.js';
import { signUpVerified } from '../accounts/verified-sign-up.service.js';
import { recordAudit } from '../audit/audit.writer.js';
import { addMember } from '../members/members.service.js';
import { findOrganization, markClaimed } from '../organizations/organizations.service.js';
import { invitationIdFromToken } from './invitation-token.js';
import * as repo from './invitations.repository.js';
import { auditTarget, invitationState, refuseNotPending } from './invitations.service.js';

/** What this file's services use of the application. */
type AcceptanceDeps = Deps<'db' | 'clock' | 'config'>;
/** The person accepting: signed in with a verified address that must be the invited one. */
type Invitee = { id: string; email: string; emailVerified: boolean };

/** The invitee's side of an invitation: the public page behind the link, and accepting it. */
async function byToken(deps: AcceptanceDeps, token: string) {
  const id = invitationIdFromToken(deps.config.secret, token);
  const row = id ? await repo.findInvitation(deps.db, id) : undefined;
  if (!row) throw AppError.notFound('invitation');
  return row;
}

/**
 * The public invitation page: organization, inviter, the administrator's message and the state (no session needed;
 * the token is the key). The person who accepted it, signed in, is also told when they joined and where.
 */
export async function view(deps: AcceptanceDeps, token: string, viewerId: string | null) {
  const row = await byToken(deps, token);
  const [organization, inviter] = await Promise.all([
    findOrganization(deps.db, row.organization_id),
    row.invited_by_user_id ? findUserById(deps.db, row.invited_by_user_id) : undefined,
  ]);
  const joined =
    row.status === 'accepted' && viewerId !== null && row.accepted_by_user_id === viewerId && row.ended_at
      ? { organizationId: row.organization_id, at: toIsoString(row.ended_at) }
      : null;
  return {
    organization: { name: organization?.name ?? '' },
    inviter: inviter ? { name: inviter.name } : null,
    email: row.email,
    rights: row.rights,
    state: invitationState(row, deps.clock.now()),
    expiresAt: toIsoString(row.expires_at),
    message: row.message,
    joined,
  };
}

/** Accepting is single-use and atomic: one guarded update decides among simultaneous clicks. */
export async function accept(deps: AcceptanceDeps, actor: Actor, session: { user: Invitee }, token: string) {
  const row = await byToken(deps, token);
  if (!session.user.emailVerified || normalizeEmail(session.user.email) !== row.email) {
    throw new AppError(
      'EMAIL_MISMATCH',
      `This invitation was sent to ${row.email}; sign in with that address to accept it`,
    );
  }
  const now = deps.clock.now();
  const organization = await deps.db.transaction().execute(async (trx) => {
    if (!(await repo.endPending(trx, row.id, 'accepted', now, { expired: false, acceptedBy: session.user.id })))
      refuseNotPending((await repo.findInvitation(trx, row.id)) as repo.InvitationRow, now);
    // Someone who is already an administrator stays one; otherwise the invitation's rights apply.
    await addMember(trx, row.organization_id, session.user.id, row.rights, now);
    // An Admin invitation (an operator appointing someone without an account) claims an unclaimed organization, as
    // appointing an existing account does: nobody can then "Promote me to Administrator" past the new one.
    if (row.rights === 'admin') await markClaimed(trx, row.organization_id, session.user.id, now);
    await repo.recordInvitationEvent(trx, row.id, 'accepted', session.user.id, now);
    await recordAudit(
      trx,
      actor,
      { action: 'invitation.accepted', ...auditTarget(row), after: { rights: row.rights } },
      now,
    );
    return findOrganization(trx, row.organization_id);
  });
  return { organization: { id: row.organization_id, name: organization?.name ?? '' }, rights: row.rights };
}

/**
 * Create account from an invitation link (SPEC §2.4, docs/adr/0014): the link was emailed to the invited address,
 * so an account for that same address, made with the link's token, is verified by it — no second email — and the
 * invitation is accepted at once. Checked before any account exists: the token is genuine, the invitation pending
 * and not expired, the address the invited one. The cookies of the new session come back also when accepting fails
 * (revoked a moment after the check): the account exists and is signed in, and the page says why it did not join.
 */
export async function signUpAndAccept(
  deps: Deps<'db' | 'clock' | 'config' | 'auth' | 'rateRules'>,
  info: RequestInfo,
  token: string,
  input: SignUpRequest,
) {
  const row = await byToken(deps, token);
  if (input.email !== row.email)
    throw new AppError(
      'EMAIL_MISMATCH',
      `This invitation was sent to ${row.email}; create the account with that address, or sign up without the invitation`,
    );
  const now = deps.clock.now();
  if (invitationState(row, now) !== 'pending') refuseNotPending(row, now);
  const { user, setCookies } = await signUpVerified(deps, info, { ...input, email: row.email });
  try {
    const result = await accept(deps, { ...info.actor, userId: user.id }, { user }, token);
    return { setCookies, result, error: null };
  } catch (error) {
    if (error instanceof AppError) return { setCookies, result: null, error };
    throw error;
  }
}
