import type { Deps } from '../../deps.js';
import type { Actor } from '../../lib/actor.js';
import type { SessionContext } from '../../lib/caller.js';
import { normalizeEmail } from '../../lib/email.js';
import { AppError } from '../../lib/errors.js';
import { toIsoString } from '../../lib/time.js';
import { findUserById } from '../accounts/accounts.service.js';
import { recordAudit } from '../audit/audit.writer.js';
import { addMember } from '../members/members.service.js';
import { findOrganization } from '../organizations/organizations.service.js';
import { invitationIdFromToken } from './invitation-token.js';
import * as repo from './invitations.repository.js';
import { invitationState, refuseNotPending } from './invitations.service.js';

/** What this file's services use of the application. */
type AcceptanceDeps = Deps<'db' | 'clock' | 'config'>;

/** The invitee's side of an invitation: the public page behind the link, and accepting it. */
async function byToken(deps: AcceptanceDeps, token: string) {
  const id = invitationIdFromToken(deps.config.secret, token);
  const row = id ? await repo.findInvitation(deps.db, id) : undefined;
  if (!row) throw AppError.notFound('invitation');
  return row;
}

/** The public invitation page: organization, inviter and state (no session needed; the token is the key). */
export async function view(deps: AcceptanceDeps, token: string) {
  const row = await byToken(deps, token);
  const [organization, inviter] = await Promise.all([
    findOrganization(deps.db, row.organization_id),
    row.invited_by_user_id ? findUserById(deps.db, row.invited_by_user_id) : undefined,
  ]);
  return {
    organization: { name: organization?.name ?? '' },
    inviter: inviter ? { name: inviter.name } : null,
    email: row.email,
    rights: row.rights,
    state: invitationState(row, deps.clock.now()),
    expiresAt: toIsoString(row.expires_at),
  };
}

/** Accepting is single-use and atomic: one guarded update decides among simultaneous clicks. */
export async function accept(deps: AcceptanceDeps, actor: Actor, session: Pick<SessionContext, 'user'>, token: string) {
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
    await repo.recordInvitationEvent(trx, row.id, 'accepted', session.user.id, now);
    await recordAudit(
      trx,
      actor,
      {
        action: 'invitation.accepted',
        targetType: 'invitation',
        targetId: row.id,
        organizationId: row.organization_id,
        after: { rights: row.rights },
      },
      now,
    );
    return findOrganization(trx, row.organization_id);
  });
  return { organization: { id: row.organization_id, name: organization?.name ?? '' }, rights: row.rights };
}
