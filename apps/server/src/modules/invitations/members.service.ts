import type { Executor } from '../../db/database.js';
import type { AppDeps } from '../../deps.js';
import type { Actor } from '../../lib/actor.js';
import { AppError } from '../../lib/errors.js';
import { iso } from '../../lib/time.js';
import { recordAudit } from '../audit/audit.writer.js';
import {
  countAdministrators,
  deleteMember,
  findMembership,
  upsertMember,
} from '../organizations/organizations.repository.js';

/**
 * Changes to who administers an organization are serialized per organization: touching the organization row first
 * takes its row lock on PostgreSQL (SQLite runs one write transaction at a time anyway), so two administrators
 * demoting each other at the same moment cannot leave the organization with none.
 */
async function lockOrganization(trx: Executor, organizationId: string, at: Date): Promise<void> {
  await trx
    .updateTable('organizations')
    .set({ updated_at: iso(at) })
    .where('id', '=', organizationId)
    .execute();
}

async function assertNotLastAdministrator(trx: Executor, organizationId: string): Promise<void> {
  if ((await countAdministrators(trx, organizationId)) <= 1) {
    throw new AppError(
      'LAST_ADMINISTRATOR',
      'The organization needs at least one administrator: appoint another one first',
    );
  }
}

/** Change to Admin / Change to Member (SPEC §2.4). */
export async function changeRights(
  deps: AppDeps,
  actor: Actor,
  organizationId: string,
  userId: string,
  rights: 'admin' | 'member',
) {
  const now = deps.clock.now();
  await deps.db.transaction().execute(async (trx) => {
    await lockOrganization(trx, organizationId, now);
    const membership = await findMembership(trx, organizationId, userId);
    if (!membership) throw AppError.notFound('member');
    if (membership.rights === rights) return;
    if (membership.rights === 'admin') await assertNotLastAdministrator(trx, organizationId);
    await upsertMember(trx, organizationId, userId, rights, now);
    await recordAudit(
      trx,
      actor,
      {
        action: 'member.rights_changed',
        targetType: 'user',
        targetId: userId,
        organizationId,
        before: { rights: membership.rights },
        after: { rights },
      },
      now,
    );
  });
}

/** Remove member. Licenses do not exist yet; once they do, their assignments are revoked in this transaction. */
export async function removeMember(deps: AppDeps, actor: Actor, organizationId: string, userId: string) {
  const now = deps.clock.now();
  await deps.db.transaction().execute(async (trx) => {
    await lockOrganization(trx, organizationId, now);
    const membership = await findMembership(trx, organizationId, userId);
    if (!membership) throw AppError.notFound('member');
    if (membership.rights === 'admin') await assertNotLastAdministrator(trx, organizationId);
    await deleteMember(trx, organizationId, userId);
    await recordAudit(
      trx,
      actor,
      {
        action: 'member.removed',
        targetType: 'user',
        targetId: userId,
        organizationId,
        before: { rights: membership.rights },
      },
      now,
    );
  });
}
