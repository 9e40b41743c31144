import type { Rights } from '@portico/contracts';
import type { Executor } from '../../db/database.js';
import { isUniqueViolation } from '../../db/errors.js';
import type { Deps } from '../../deps.js';
import type { Actor } from '../../lib/actor.js';
import { decodeCursor, page } from '../../lib/cursor.js';
import { AppError } from '../../lib/errors.js';
import { newId } from '../../lib/ids.js';
import { toIsoString } from '../../lib/time.js';
import { recordAudit } from '../audit/audit.writer.js';
import * as repo from './organizations.repository.js';

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

export async function createOrganization(
  deps: Deps<'db' | 'clock'>,
  actor: Actor,
  input: { name: string; code: string },
) {
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

export async function getOrganization(deps: Deps<'db' | 'clock'>, idOrCode: string): Promise<OrganizationRow> {
  const row = await repo.findOrganization(deps.db, idOrCode);
  if (!row) throw AppError.notFound('organization');
  return row;
}

export async function renameOrganization(deps: Deps<'db' | 'clock'>, actor: Actor, idOrCode: string, name: string) {
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

export async function listOrganizations(
  deps: Deps<'db' | 'clock'>,
  query: { q?: string; cursor?: string; limit: number },
) {
  const rows = await repo.listOrganizations(deps.db, {
    q: query.q,
    after: decodeCursor(query.cursor),
    limit: query.limit,
  });
  const { items, nextCursor } = page(rows, query.limit);
  return { items: items.map(describeOrganization), nextCursor };
}

/** An organization by id or code, in the caller's transaction or on the database; undefined when none has it. */
export async function findOrganization(db: Executor, idOrCode: string) {
  return repo.findOrganization(db, idOrCode);
}

/**
 * The first-administrator claim in the caller's transaction: true for the one caller that claimed it, false when
 * the organization was claimed already (one guarded update decides among simultaneous clicks).
 */
export async function markClaimed(trx: Executor, organizationId: string, userId: string, now: Date) {
  return repo.claimOrganization(trx, organizationId, userId, now);
}

/** An organization left without administrators may be claimed again (only an operator can cause that). */
export async function reopenClaim(trx: Executor, organizationId: string, now: Date) {
  await repo.reopenClaim(trx, organizationId, now);
}

/** What /me says of organizations: memberships with rights, and the claims open to this user. */
export async function organizationsOf(deps: Deps<'findOrganizationsOf'>, userId: string) {
  const rows = await deps.findOrganizationsOf(userId);
  const byName = (a: { name: string }, b: { name: string }) => a.name.localeCompare(b.name);
  return {
    organizations: rows
      .filter((r): r is repo.OrganizationOfUser & { rights: Rights } => r.rights !== 'claimable')
      .sort(byName),
    claimable: rows
      .filter((r) => r.rights === 'claimable')
      .map(({ id, name }) => ({ id, name }))
      .sort(byName),
  };
}
