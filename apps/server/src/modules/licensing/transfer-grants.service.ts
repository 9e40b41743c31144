import type { TransferGrantRequest } from '@portico/contracts';
import type { Deps } from '../../deps.js';
import type { Actor } from '../../lib/actor.js';
import { AppError } from '../../lib/errors.js';
import { newId } from '../../lib/ids.js';
import { recordAudit } from '../audit/audit.writer.js';
import { findProduct } from '../catalog/catalog.service.js';
import { membersAmong } from './assignments.repository.js';
import * as devices from './devices.repository.js';
import { transferBudget } from './transfer-budget.js';

/**
 * Extra transfers for one member and product, with the reason (SPEC §2.5), e.g. after a stolen laptop and a broken
 * one in the same month. They count in the same rolling window as the transfers themselves. Audited.
 */
export async function grantTransfers(
  deps: Deps<'db' | 'clock' | 'config'>,
  actor: Actor,
  organizationId: string,
  input: TransferGrantRequest,
) {
  const now = deps.clock.now();
  const product = await findProduct(deps.db, input.product);
  if (product?.kind !== 'license')
    throw new AppError('NOT_FOUND', 'product is not a license product', [
      { path: 'product', message: 'is not a license product' },
    ]);
  if (!(await membersAmong(deps.db, organizationId, [input.user])).has(input.user))
    throw new AppError('NOT_FOUND', 'user is not a member of this organization', [
      { path: 'user', message: 'is not a member of this organization' },
    ]);
  const key = { organizationId, userId: input.user, productId: product.id };
  const policy = deps.config.transferLimit;
  return deps.db.transaction().execute(async (trx) => {
    const id = newId('transferGrant', now.getTime());
    await devices.insertGrant(
      trx,
      { ...key, id, count: input.count, reason: input.reason, grantedBy: actor.userId },
      now,
    );
    await recordAudit(
      trx,
      actor,
      {
        action: 'license.transfers_granted',
        targetType: 'user',
        targetId: input.user,
        organizationId,
        after: { product: product.code, count: input.count, reason: input.reason },
      },
      now,
    );
    const usage = await devices.transferUsage(trx, key, new Date(now.getTime() - policy.windowMs));
    return { transfers: transferBudget(policy, usage) };
  });
}
