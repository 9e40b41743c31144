import type { LicenseAnswer } from '@portico/contracts';
import type { Deps } from '../../deps.js';
import type { Actor } from '../../lib/actor.js';
import { AppError } from '../../lib/errors.js';
import { toDate } from '../../lib/time.js';
import { recordAudit } from '../audit/audit.writer.js';
import * as activations from './activations.repository.js';
import { withLease } from './activations.service.js';
import { budgetOfRow, type HeartbeatDeps, type Renewer, readOwned, stateOf } from './heartbeats.service.js';
import { answer, isOffline } from './license-answers.js';
import { readLicense } from './license-reader.repository.js';

// Checking a lease out for offline use and releasing an activation (SPEC §2.5): both committed before the answer.

type ChangeDeps = HeartbeatDeps & Deps<'db'>;
const DAY_MS = 86_400_000;

/** An offline lease of `days` (at most OFFLINE_LEASE_MAX): the slot stays taken until it is returned or ends. */
export async function checkout(deps: ChangeDeps, actor: Actor, id: string, userId: string, days: number) {
  const max = Math.floor(deps.config.offlineLeaseMaxMs / DAY_MS);
  if (days > max)
    throw new AppError('VALIDATION_FAILED', `days is more than the ${max} days an offline lease may last`, [
      { path: 'days', message: `must be at most ${max} (OFFLINE_LEASE_MAX)` },
    ]);
  const now = deps.clock.now();
  const row = await readOwned(deps, id, { userId }, now);
  const interval = deps.config.heartbeatIntervalMs;
  const refused = await deps.db.transaction().execute(async (trx) => {
    const current = await activations.findActivation(trx, id);
    if (!current?.assignment_id || !(await activations.lockAssignment(trx, current.assignment_id)))
      return 'REVOKED' as const;
    const fresh = await readLicense(trx, id, now);
    const code = fresh ? stateOf(fresh, now) : 'RELEASED';
    if (code !== 'VALID' || !fresh) return code;
    // A lease already out stays valid offline until its end whatever is asked now: never end the slot before it.
    const asked = new Date(now.getTime() + days * DAY_MS);
    const until = isOffline(fresh, now) && toDate(fresh.offline_until) > asked ? toDate(fresh.offline_until) : asked;
    await activations.checkOut(trx, id, until, now);
    await recordAudit(
      trx,
      actor,
      {
        action: 'license.checked_out',
        targetType: 'activation',
        targetId: id,
        organizationId: current.organization_id,
        after: { device: current.machine_name, until: until.toISOString() },
      },
      now,
    );
    return null;
  });
  const transfers = budgetOfRow(row, deps.config.transferLimit);
  if (refused) return answer(refused, { transfers }, interval);
  return withLease(deps, id, { transfers }, now);
}

/** Who releases: the device itself, the member in My products, or an administrator of the organization. */
export type Releaser =
  | { as: 'device'; renewer: Renewer; actor: Actor }
  | { as: 'member'; userId: string; organizationId: string; actor: Actor }
  | { as: 'administrator'; organizationId: string; actor: Actor };

const REASONS = {
  device: 'released on the device',
  member: 'released by its user in My products',
  administrator: 'released by an administrator',
} as const;

/** Frees the slot (or machine seat) at once, at no cost; an offline lease given back frees its seat too. */
export async function release(deps: ChangeDeps, by: Releaser, id: string): Promise<LicenseAnswer> {
  const now = deps.clock.now();
  // The transfer budget in the answer counts the rolling window, whoever releases.
  const since = new Date(now.getTime() - deps.config.transferLimit.windowMs);
  const row = by.as === 'device' ? await readOwned(deps, id, by.renewer, now) : await deps.readLicense(id, since);
  const mayRelease =
    row &&
    (by.as === 'device' ||
      (row.organization_id === by.organizationId && (by.as === 'administrator' || row.user_id === by.userId)));
  if (!row || !mayRelease) throw AppError.notFound('activation');
  await deps.db.transaction().execute(async (trx) => {
    const ended = await activations.endActivation(
      trx,
      id,
      { status: 'released', reason: REASONS[by.as], by: by.actor.userId },
      now,
    );
    await activations.returnOfflineLease(trx, id, now);
    if (ended)
      await recordAudit(
        trx,
        by.actor,
        {
          action: row.kind === 'machine' ? 'machine.released' : 'license.released',
          targetType: 'activation',
          targetId: id,
          organizationId: row.organization_id,
          after: { device: row.machine_name, reason: REASONS[by.as] },
        },
        now,
      );
  });
  const transfers = budgetOfRow(row, deps.config.transferLimit);
  return answer('RELEASED', { transfers }, deps.config.heartbeatIntervalMs);
}
