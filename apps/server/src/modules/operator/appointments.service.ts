import type { AppointAdministratorResult } from '@portico/contracts';
import type { Deps } from '../../deps.js';
import type { Actor } from '../../lib/actor.js';
import { normalizeEmail } from '../../lib/email.js';
import { AppError } from '../../lib/errors.js';
import { findUserByEmail } from '../accounts/accounts.service.js';
import { invite } from '../invitations/invite.service.js';
import { appointAdministrator, listAdministrators } from '../members/members.service.js';
import { findOrganization } from '../organizations/organizations.service.js';

// Appoint administrator (SPEC §2.3), the operator's: an account becomes an administrator at once; an address
// without an account gets an Admin invitation instead, sent by the operator, which makes its invitee an
// administrator when accepted (the invitations module's rules: one pending invitation an address, 7 days).

type AppointDeps = Deps<'db' | 'clock' | 'config' | 'notifyMail'>;

export async function appointOrInvite(
  deps: AppointDeps,
  actor: Actor,
  idOrCode: string,
  email: string,
): Promise<AppointAdministratorResult> {
  const address = normalizeEmail(email);
  const organization = await findOrganization(deps.db, idOrCode);
  if (!organization) throw AppError.notFound('organization');
  if (await findUserByEmail(deps.db, address)) {
    const administrators = await appointAdministrator(deps, actor, organization.id, address);
    return { ...administrators, invitation: null };
  }
  const { results } = await invite(deps, actor, organization.id, { emails: [address], rights: 'admin' });
  const result = results[0];
  if (!result || result.outcome === 'invalid address')
    throw AppError.validation('email', 'is not a valid email address');
  // An account made and admitted meanwhile: it is a member now, so it is appointed like any account.
  if (result.outcome === 'already a member') {
    const administrators = await appointAdministrator(deps, actor, organization.id, address);
    return { ...administrators, invitation: null };
  }
  const administrators = await listAdministrators(deps, organization.id);
  return {
    ...administrators,
    invitation: { email: address, outcome: result.outcome, invitationId: result.invitationId },
  };
}
