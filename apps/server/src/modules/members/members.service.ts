import type { Rights } from '@portico/contracts';
import type { DB, Executor } from '../../db/database.js';
import { lockOrganization } from '../../db/locks.js';
import type { Deps } from '../../deps.js';
import type { Actor } from '../../lib/actor.js';
import type { Standing, StandingFinder } from '../../lib/caller.js';
import { normalizeEmail } from '../../lib/email.js';
import { AppError } from '../../lib/errors.js';
import { findUserByEmail } from '../accounts/accounts.service.js';
import { recordAudit } from '../audit/audit.writer.js';
import { heldBy, revokeAllOf } from '../licensing/assignments.service.js';
import { findOrganization, markClaimed, reopenClaim } from '../organizations/organizations.service.js';
import * as repo from './members.repository.js';

// Membership of organizations (SPEC §2.4): who belongs to which organization with which User Rights, and the two
// rules about administrators, side by side:
// - LAST_ADMINISTRATOR: an organization's own administrators can never demote or remove its last administrator;
// - operators may remove any administrator, the last one too: the organization is then open to be claimed again
//   (SPEC §2.3), which is how an operator resets an organization whose administrator left.

/**
 * The last-administrator rule, pure: would changing a member from `current` to `next` (null: removed) leave the
 * organization, which has `administrators` administrators now, without one?
 */
export function leavesNoAdministrator(administrators: number, current: Rights, next: Rights | null): boolean {
  return current === 'admin' && next !== 'admin' && administrators <= 1;
}

async function assertKeepsAnAdministrator(trx: Executor, organizationId: string, current: Rights, next: Rights | null) {
  if (current !== 'admin' || next === 'admin') return;
  if (leavesNoAdministrator(await repo.countAdministrators(trx, organizationId), current, next)) {
    throw new AppError(
      'LAST_ADMINISTRATOR',
      'The organization needs at least one administrator: appoint another one first',
    );
  }
}

/** An administrator never demotes or removes themselves: another administrator does it (no accidental lock-out). */
function refuseOwnMembership(actor: Actor, userId: string) {
  if (actor.userId === userId)
    throw new AppError('OWN_MEMBERSHIP', 'You cannot change or remove your own membership: ask another administrator');
}

async function membershipOrNotFound(trx: Executor, organizationId: string, userId: string) {
  const membership = await repo.findMembership(trx, organizationId, userId);
  if (!membership) throw AppError.notFound('member');
  return membership;
}

/** Change to Admin / Change to Member (SPEC §2.4). */
export async function changeRights(
  deps: Deps<'db' | 'clock'>,
  actor: Actor,
  organizationId: string,
  userId: string,
  rights: Rights,
) {
  const now = deps.clock.now();
  await deps.db.transaction().execute(async (trx) => {
    await lockOrganization(trx, organizationId, now);
    const membership = await membershipOrNotFound(trx, organizationId, userId);
    if (membership.rights === rights) return;
    await assertKeepsAnAdministrator(trx, organizationId, membership.rights, rights);
    refuseOwnMembership(actor, userId);
    await repo.upsertMember(trx, organizationId, userId, rights, now);
    const entry = { targetType: 'user', targetId: userId, organizationId };
    await recordAudit(
      trx,
      actor,
      { ...entry, action: 'member.rights_changed', before: { rights: membership.rights }, after: { rights } },
      now,
    );
  });
}

/**
 * Remove member (SPEC §2.4). A member who holds licenses is only removed when the caller says so
 * (`revokeLicenses`), and then every assignment is revoked in the same transaction, under the same lock.
 */
export async function removeMember(
  deps: Deps<'db' | 'clock' | 'config' | 'notifyMail'>,
  actor: Actor,
  organizationId: string,
  userId: string,
  options: { revokeLicenses: boolean } = { revokeLicenses: false },
) {
  const now = deps.clock.now();
  await deps.db.transaction().execute(async (trx) => {
    await lockOrganization(trx, organizationId, now);
    const membership = await membershipOrNotFound(trx, organizationId, userId);
    await assertKeepsAnAdministrator(trx, organizationId, membership.rights, null);
    refuseOwnMembership(actor, userId);
    const held = await heldBy(trx, organizationId, userId);
    if (held.length > 0 && !options.revokeLicenses) throw holdsLicenses(held.map((h) => h.product_name));
    const revoked = await revokeAllOf(trx, deps, actor, organizationId, userId, now);
    await repo.deleteMember(trx, organizationId, userId);
    const entry = { targetType: 'user', targetId: userId, organizationId };
    const before = { rights: membership.rights, ...(revoked > 0 ? { licensesRevoked: revoked } : {}) };
    await recordAudit(trx, actor, { ...entry, action: 'member.removed', before }, now);
  });
  deps.notifyMail();
}

function holdsLicenses(products: string[]): AppError {
  const list = products.join(', ');
  return new AppError(
    'MEMBER_HOLDS_LICENSES',
    `This member holds ${products.length === 1 ? 'a license' : `${products.length} licenses`} (${list}): confirm to revoke ${products.length === 1 ? 'it' : 'them'} with the removal`,
    products.map((name) => ({ path: 'revokeLicenses', message: `holds ${name}` })),
  );
}

/** The User Rights of a user in an organization, or null for someone who is not a member. */
export async function rightsOf(trx: Executor, organizationId: string, userId: string): Promise<Rights | null> {
  return (await repo.findMembership(trx, organizationId, userId))?.rights ?? null;
}

/**
 * Adds a member in the caller's transaction (an accepted invitation): with the given rights, except that someone
 * who is an administrator already stays one.
 */
export async function addMember(trx: Executor, organizationId: string, userId: string, rights: Rights, now: Date) {
  if ((await rightsOf(trx, organizationId, userId)) === 'admin') return;
  await repo.upsertMember(trx, organizationId, userId, rights, now);
}

/** Makes a user an administrator in the caller's transaction (the first administrator's claim). */
export async function addAdministrator(trx: Executor, organizationId: string, userId: string, now: Date) {
  await repo.upsertMember(trx, organizationId, userId, 'admin', now);
}

/** Which of these addresses belong to members already (an invitation to them is refused). */
export async function memberEmails(trx: Executor, organizationId: string, emails: string[]) {
  return repo.memberEmails(trx, organizationId, emails);
}

/** The administrators' names and addresses, longest-serving first: whom a member or a registrant should ask. */
export async function administratorsOf(db: Executor, organizationId: string) {
  return repo.listAdministrators(db, organizationId);
}

async function organizationOrNotFound(db: Executor, idOrCode: string) {
  const organization = await findOrganization(db, idOrCode);
  if (!organization) throw AppError.notFound('organization');
  return organization;
}

/** The operator's view of an organization's administrators. */
export async function listAdministrators(deps: Deps<'db'>, idOrCode: string) {
  const organization = await organizationOrNotFound(deps.db, idOrCode);
  return { items: await repo.listAdministrators(deps.db, organization.id) };
}

/** Operators appoint an administrator directly (SPEC §2.3); the organization counts as claimed from then on. */
export async function appointAdministrator(deps: Deps<'db' | 'clock'>, actor: Actor, idOrCode: string, email: string) {
  const now = deps.clock.now();
  await deps.db.transaction().execute(async (trx) => {
    const organization = await organizationOrNotFound(trx, idOrCode);
    const user = await findUserByEmail(trx, normalizeEmail(email));
    if (!user)
      throw new AppError('NOT_FOUND', `No account has the email ${normalizeEmail(email)}`, [
        { path: 'email', message: 'has no account' },
      ]);
    await repo.upsertMember(trx, organization.id, user.id, 'admin', now);
    await markClaimed(trx, organization.id, user.id, now);
    const entry = { targetType: 'user', targetId: user.id, organizationId: organization.id };
    await recordAudit(trx, actor, { ...entry, action: 'administrator.appointed', after: { email: user.email } }, now);
  });
  return listAdministrators(deps, idOrCode);
}

/** Operators may remove any administrator, also the last one: the organization can then be claimed again. */
export async function removeAdministrator(deps: Deps<'db' | 'clock'>, actor: Actor, idOrCode: string, userId: string) {
  const now = deps.clock.now();
  await deps.db.transaction().execute(async (trx) => {
    const organization = await organizationOrNotFound(trx, idOrCode);
    await lockOrganization(trx, organization.id, now);
    if ((await rightsOf(trx, organization.id, userId)) !== 'admin') throw AppError.notFound('administrator');
    await repo.deleteMember(trx, organization.id, userId);
    if ((await repo.countAdministrators(trx, organization.id)) === 0) await reopenClaim(trx, organization.id, now);
    const entry = { targetType: 'user', targetId: userId, organizationId: organization.id };
    await recordAudit(trx, actor, { ...entry, action: 'administrator.removed' }, now);
  });
  return listAdministrators(deps, idOrCode);
}

/** The access check's read of every `/orgs/{org}` request: the organization, the rights, the contact roles if asked. */
export function createStandingFinder(db: DB): StandingFinder {
  return async (idOrCode, userId, options): Promise<Standing | undefined> => {
    const organization = await findOrganization(db, idOrCode);
    if (!organization) return undefined;
    const [rights, contactRoles] = await Promise.all([
      rightsOf(db, organization.id, userId),
      options.contactRoles ? repo.contactRolesOf(db, organization.id, userId) : [],
    ]);
    return { organization, rights, contactRoles };
  };
}
