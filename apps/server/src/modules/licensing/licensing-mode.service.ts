import type { Deps } from '../../deps.js';
import type { Actor } from '../../lib/actor.js';
import { AppError } from '../../lib/errors.js';
import { lockedAsset, setAssetMode } from '../assets/asset-updates.service.js';
import { recordAudit } from '../audit/audit.writer.js';
import { lockAsset } from './activations.repository.js';
import { endLapsedMachines, machinesInUse } from './machine-activations.service.js';

/**
 * Enable online licensing (SPEC §2.5): a machine-mode license becomes a named-user license. Refused for services,
 * and while machines still use the serial number (they would keep a seat nobody can see): the answer says how many
 * and which, so the administrator knows what to release first. Assigned seats never exceed the seat count, so the
 * rule "no more than one member per seat" always holds.
 */
export async function enableOnlineLicensing(
  deps: Deps<'db' | 'clock'>,
  actor: Actor,
  organizationId: string,
  id: string,
) {
  const now = deps.clock.now();
  return deps.db.transaction().execute(async (trx) => {
    const asset = await lockedAsset(trx, id, now, organizationId);
    if (asset.product_kind !== 'license')
      throw new AppError('MODE_CHANGE_REFUSED', `${asset.product_name} is a service: services have no licensing mode`);
    if (asset.mode === 'online') return setAssetMode(trx, id, 'online', now);
    // The asset's row lock, as machine activations take it, so none slips in between the count and the change.
    await lockAsset(trx, id, now);
    const machines = await machinesInUse(trx, id, now);
    if (machines.length > 0) {
      const names = machines.slice(0, 5).map((m) => m.name);
      const more = machines.length > 5 ? ` and ${machines.length - 5} more` : '';
      throw new AppError(
        'MODE_CHANGE_REFUSED',
        `${machines.length} machine${machines.length === 1 ? ' still uses' : 's still use'} this serial number ` +
          `(${names.join(', ')}${more}). Release them in Activations, or wait until their leases end, then try again.`,
      );
    }
    await endLapsedMachines(trx, id, now);
    const described = await setAssetMode(trx, id, 'online', now);
    const change = { before: { mode: asset.mode }, after: { mode: 'online' } };
    await recordAudit(
      trx,
      actor,
      { targetType: 'asset', targetId: id, organizationId, action: 'asset.mode_changed', ...change },
      now,
    );
    return described;
  });
}
