import { formatSerial, normalizeSerial } from '@portico/contracts';
import type { Deps } from '../../deps.js';
import type { Actor } from '../../lib/actor.js';
import type { SessionContext } from '../../lib/caller.js';
import { AppError } from '../../lib/errors.js';
import { newId } from '../../lib/ids.js';
import { findAssetBySerial } from '../assets/assets.service.js';
import { recordAudit } from '../audit/audit.writer.js';
import { enqueueEmail } from '../mail/outbox.writer.js';
import { addAdministrator, administratorsOf, rightsOf } from '../members/members.service.js';
import { findOrganization, markClaimed } from '../organizations/organizations.service.js';
import { consumeRate } from '../rate-limits/rate-limits.service.js';
import { promotedEmail, registrationRequestEmail } from './registration.emails.js';
import { insertContact, insertRegistrationRequest, isLinked, linkUser } from './registrations.repository.js';

/** What this file's services use of the application. */
type RegistrationDeps = Deps<'db' | 'clock' | 'config' | 'notifyMail'>;

const REGISTRATION_RULES = {
  perAccount: { limit: 10, windowMs: 3_600_000 },
  perIp: { limit: 30, windowMs: 3_600_000 },
};

function unknownSerial(): AppError {
  // Unknown and malformed serials get the same answer (SPEC §2.3): no way to tell which serials exist.
  return new AppError(
    'UNKNOWN_SERIAL',
    'We do not know this serial number. Check it on your order confirmation and try again.',
    [{ path: 'serial', message: 'is not a serial number we know' }],
  );
}

/** SPEC §2.1: registering a serial and becoming an administrator need a verified email address. */
function assertVerified(session: Pick<SessionContext, 'user'>): void {
  if (!session.user.emailVerified) throw new AppError('EMAIL_NOT_VERIFIED', 'Verify your email address first');
}

/** "Register product" (SPEC §2.3): link the user to an unclaimed organization, or ask its administrators. */
export async function registerSerial(
  deps: RegistrationDeps,
  actor: Actor & { ip: string },
  session: Pick<SessionContext, 'user'>,
  rawSerial: string,
) {
  assertVerified(session);
  const now = deps.clock.now();
  await consumeRate(deps.db, `registration:user:${session.user.id}`, REGISTRATION_RULES.perAccount, now);
  await consumeRate(deps.db, `registration:ip:${actor.ip}`, REGISTRATION_RULES.perIp, now);
  const serial = normalizeSerial(rawSerial);
  if (!/^[A-Z0-9]{6,40}$/.test(serial)) throw unknownSerial();
  const asset = await findAssetBySerial(deps.db, serial);
  if (!asset) throw unknownSerial();

  return deps.db.transaction().execute(async (trx) => {
    const organization = await findOrganization(trx, asset.organization_id);
    if (!organization) throw unknownSerial();
    if ((await rightsOf(trx, organization.id, session.user.id)) !== null)
      return { status: 'member' as const, organization: { id: organization.id, name: organization.name } };
    if (organization.claimed_by_user_id === null) {
      await linkUser(trx, organization.id, session.user.id, asset.id, now);
      await recordAudit(
        trx,
        actor,
        { action: 'registration.linked', targetType: 'asset', targetId: asset.id, organizationId: organization.id },
        now,
      );
      return { status: 'linked' as const, organization: { id: organization.id, name: organization.name } };
    }
    const administrators = await administratorsOf(trx, organization.id);
    const requestId = newId('registration', now.getTime());
    await insertRegistrationRequest(
      trx,
      { id: requestId, organizationId: organization.id, userId: session.user.id, assetId: asset.id },
      now,
    );
    const inviteUrl = `${deps.config.publicUrl}/orgs/${organization.id}/members?invite=${encodeURIComponent(session.user.email)}`;
    for (const admin of administrators) {
      const email = registrationRequestEmail(admin.email, {
        adminName: admin.name,
        organization: organization.name,
        requester: { name: session.user.name, email: session.user.email },
        serial: formatSerial(serial),
        inviteUrl,
      });
      await enqueueEmail(trx, email, now, {
        organizationId: organization.id,
        subjectType: 'registration_request',
        subjectId: requestId,
      });
    }
    await recordAudit(
      trx,
      actor,
      {
        action: 'registration.requested',
        targetType: 'registration_request',
        targetId: requestId,
        organizationId: organization.id,
        after: { serial },
      },
      now,
    );
    return {
      status: 'admin-exists' as const,
      organization: { name: organization.name },
      administrators: administrators.map(({ name, email }) => ({ name, email })),
    };
  });
}

async function linkedOrganization(
  deps: RegistrationDeps,
  session: Pick<SessionContext, 'user'>,
  organizationId: string,
) {
  const organization = await findOrganization(deps.db, organizationId);
  // Another organization's id answers like an unknown one (SPEC §3).
  if (!organization || !(await isLinked(deps.db, organization.id, session.user.id))) {
    throw new AppError('NOT_LINKED', 'Register one of this organization’s serial numbers first');
  }
  return organization;
}

/** The First Moment of Truth page's data. */
export async function claimInfo(deps: RegistrationDeps, session: Pick<SessionContext, 'user'>, organizationId: string) {
  const organization = await linkedOrganization(deps, session, organizationId);
  const administrators = await administratorsOf(deps.db, organization.id);
  return {
    organization: { id: organization.id, name: organization.name, code: organization.code },
    administrators: administrators.map(({ name, email }) => ({ name, email })),
    canClaim: organization.claimed_by_user_id === null,
  };
}

function splitName(name: string): { firstName: string; lastName: string } {
  const parts = name.trim().split(/\s+/);
  return parts.length > 1
    ? { firstName: parts.slice(0, -1).join(' '), lastName: parts.at(-1) as string }
    : { firstName: name, lastName: '' };
}

/** "Promote me to Administrator": exactly one linked user wins, in one transaction with its contact and email. */
export async function claim(
  deps: RegistrationDeps,
  actor: Actor,
  session: Pick<SessionContext, 'user'>,
  organizationId: string,
  input: { acceptTerms: boolean; acceptResponsibility: boolean },
) {
  assertVerified(session);
  const missing = [
    ...(input.acceptTerms ? [] : [{ path: 'acceptTerms', message: 'must be accepted' }]),
    ...(input.acceptResponsibility ? [] : [{ path: 'acceptResponsibility', message: 'must be accepted' }]),
  ];
  if (missing.length > 0)
    throw new AppError('TERMS_NOT_ACCEPTED', 'Tick both boxes to become the administrator', missing);
  const organization = await linkedOrganization(deps, session, organizationId);
  const now = deps.clock.now();
  const won = await deps.db.transaction().execute(async (trx) => {
    if (!(await markClaimed(trx, organization.id, session.user.id, now))) return false;
    await addAdministrator(trx, organization.id, session.user.id, now);
    await insertContact(
      trx,
      {
        id: newId('contact', now.getTime()),
        organizationId: organization.id,
        userId: session.user.id,
        ...splitName(session.user.name),
        email: session.user.email,
        roles: ['security-administrator', 'support-administrator'],
      },
      now,
    );
    const portalUrl = `${deps.config.publicUrl}/orgs/${organization.id}`;
    await enqueueEmail(
      trx,
      promotedEmail(session.user.email, { name: session.user.name, organization: organization.name, portalUrl }),
      now,
      { organizationId: organization.id },
    );
    await recordAudit(
      trx,
      actor,
      {
        action: 'organization.claimed',
        targetType: 'organization',
        targetId: organization.id,
        organizationId: organization.id,
        after: { administrator: session.user.email },
      },
      now,
    );
    return true;
  });
  if (!won) {
    const [admin] = await administratorsOf(deps.db, organization.id);
    const who = admin ? `${admin.name} (${admin.email})` : 'someone else';
    throw new AppError('ALREADY_ADMINISTERED', `${organization.name} already has an administrator: ${who}`);
  }
  deps.notifyMail();
  return { organization: { id: organization.id, name: organization.name }, rights: 'admin' as const };
}
