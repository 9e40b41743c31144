import type { DB } from '../../db/database.js';
import { isUniqueViolation } from '../../db/errors.js';
import type { Actor } from '../../lib/actor.js';
import type { Clock } from '../../lib/clock.js';
import { decodeCursor, page } from '../../lib/cursor.js';
import { normalizeEmail } from '../../lib/email.js';
import { AppError } from '../../lib/errors.js';
import { newId } from '../../lib/ids.js';
import { toIsoString } from '../../lib/time.js';
import { findUserByEmail } from '../accounts/accounts.repository.js';
import { recordAudit } from '../audit/audit.writer.js';
import * as repo from './organizations.repository.js';

export interface ServiceDeps {
  db: DB;
  clock: Clock;
}

type OrganizationRow = NonNullable<Awaited<ReturnType<typeof repo.findOrganization>>>;

export function describeOrganization(row: OrganizationRow) {
  return {
    id: row.id,
    name: row.name,
    code: row.code,
    hasAdministrator: row.claimed_by_user_id !== null,
    createdAt: toIsoString(row.created_at),
  };
}

export async function createOrganization(deps: ServiceDeps, actor: Actor, input: { name: string; code: string }) {
  const now = deps.clock.now();
  const id = newId('organization', now.getTime());
  try {
    await deps.db.transaction().execute(async (trx) => {
      await repo.insertOrganization(trx, { id, ...input }, now);
      await recordAudit(
        trx,
        actor,
        { action: 'organization.created', targetType: 'organization', targetId: id, organizationId: id, after: input },
        now,
      );
    });
  } catch (error) {
    if (isUniqueViolation(error))
      throw new AppError('ALREADY_EXISTS', `An organization with the code ${input.code} exists already`, [
        { path: 'code', message: 'is taken' },
      ]);
    throw error;
  }
  return describeOrganization((await repo.findOrganization(deps.db, id)) as OrganizationRow);
}

export async function getOrganization(deps: ServiceDeps, idOrCode: string): Promise<OrganizationRow> {
  const row = await repo.findOrganization(deps.db, idOrCode);
  if (!row) throw AppError.notFound('organization');
  return row;
}

export async function renameOrganization(deps: ServiceDeps, actor: Actor, idOrCode: string, name: string) {
  const now = deps.clock.now();
  return deps.db.transaction().execute(async (trx) => {
    const before = await repo.findOrganization(trx, idOrCode);
    if (!before) throw AppError.notFound('organization');
    await repo.renameOrganization(trx, before.id, name, now);
    await recordAudit(
      trx,
      actor,
      {
        action: 'organization.renamed',
        targetType: 'organization',
        targetId: before.id,
        organizationId: before.id,
        before: { name: before.name },
        after: { name },
      },
      now,
    );
    return describeOrganization({ ...before, name });
  });
}

export async function listOrganizations(deps: ServiceDeps, query: { q?: string; cursor?: string; limit: number }) {
  const rows = await repo.listOrganizations(deps.db, {
    q: query.q,
    after: decodeCursor(query.cursor),
    limit: query.limit,
  });
  const { items, nextCursor } = page(rows, query.limit);
  return { items: items.map(describeOrganization), nextCursor };
}

export async function listAdministrators(deps: ServiceDeps, idOrCode: string) {
  const org = await getOrganization(deps, idOrCode);
  return { items: await repo.listAdministrators(deps.db, org.id) };
}

/** Operators appoint an administrator directly (SPEC §2.3); the organization counts as claimed from then on. */
export async function appointAdministrator(deps: ServiceDeps, actor: Actor, idOrCode: string, email: string) {
  const now = deps.clock.now();
  await deps.db.transaction().execute(async (trx) => {
    const org = await repo.findOrganization(trx, idOrCode);
    if (!org) throw AppError.notFound('organization');
    const user = await findUserByEmail(trx, normalizeEmail(email));
    if (!user)
      throw new AppError('NOT_FOUND', `No account has the email ${normalizeEmail(email)}`, [
        { path: 'email', message: 'has no account' },
      ]);
    await repo.upsertMember(trx, org.id, user.id, 'admin', now);
    await repo.claimOrganization(trx, org.id, user.id, now);
    await recordAudit(
      trx,
      actor,
      {
        action: 'administrator.appointed',
        targetType: 'user',
        targetId: user.id,
        organizationId: org.id,
        after: { email: user.email },
      },
      now,
    );
  });
  return listAdministrators(deps, idOrCode);
}

/** Operators may remove any administrator, also the last one: the organization can then be claimed again. */
export async function removeAdministrator(deps: ServiceDeps, actor: Actor, idOrCode: string, userId: string) {
  const now = deps.clock.now();
  await deps.db.transaction().execute(async (trx) => {
    const org = await repo.findOrganization(trx, idOrCode);
    if (!org) throw AppError.notFound('organization');
    const membership = await repo.findMembership(trx, org.id, userId);
    if (membership?.rights !== 'admin') throw AppError.notFound('administrator');
    await repo.deleteMember(trx, org.id, userId);
    if ((await repo.countAdministrators(trx, org.id)) === 0) await repo.reopenClaim(trx, org.id, now);
    await recordAudit(
      trx,
      actor,
      { action: 'administrator.removed', targetType: 'user', targetId: userId, organizationId: org.id },
      now,
    );
  });
  return listAdministrators(deps, idOrCode);
}

/** What /me says of organizations: memberships with rights, and the claims open to this user. */
export async function organizationsOf(deps: { findOrganizationsOf: repo.OrganizationsOfFinder }, userId: string) {
  const rows = await deps.findOrganizationsOf(userId);
  const byName = (a: { name: string }, b: { name: string }) => a.name.localeCompare(b.name);
  return {
    organizations: rows
      .filter((r): r is repo.OrganizationOfUser & { rights: 'admin' | 'member' } => r.rights !== 'claimable')
      .sort(byName),
    claimable: rows
      .filter((r) => r.rights === 'claimable')
      .map(({ id, name }) => ({ id, name }))
      .sort(byName),
  };
}
