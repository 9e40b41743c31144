import type { Executor } from '../../db/database.js';
import { lockOrganization } from '../../db/locks.js';
import type { Deps } from '../../deps.js';
import type { Actor } from '../../lib/actor.js';
import { AppError } from '../../lib/errors.js';
import { iso, toDate, toIsoString } from '../../lib/time.js';
import { recordAudit } from '../audit/audit.writer.js';
import * as repo from './assets.repository.js';
import { describeAsset } from './assets.service.js';

// Changes to an existing asset: the operator's seats, term and suspension; the administrator's licensing mode.

export interface AssetChanges {
  seats?: number;
  startsAt?: string;
  endsAt?: string | null;
  status?: 'active' | 'suspended';
}

/**
 * The asset, read again under its organization's lock: every change to who holds its seats takes that lock first,
 * so the seats assigned read here stay true until this transaction ends.
 */
export async function lockedAsset(
  trx: Executor,
  id: string,
  now: Date,
  organizationId?: string,
): Promise<repo.AssetRow> {
  const found = await repo.findAsset(trx, id);
  if (!found || (organizationId !== undefined && found.organization_id !== organizationId))
    throw AppError.notFound('asset');
  await lockOrganization(trx, found.organization_id, now);
  return (await repo.findAsset(trx, id)) as repo.AssetRow;
}

/** SPEC §2.5: an operator cannot take away seats that members hold. */
export function seatsInUseProblem(seats: number, assigned: number): string | null {
  if (seats >= assigned) return null;
  const excess = assigned - seats;
  return `${assigned} seats are assigned: revoke ${excess} ${excess === 1 ? 'assignment' : 'assignments'} before reducing the seats to ${seats}`;
}

function termAfter(before: repo.AssetRow, input: AssetChanges) {
  const startsAt = input.startsAt ? new Date(input.startsAt) : toDate(before.starts_at);
  const keptEnd = before.ends_at === null ? null : toDate(before.ends_at);
  const endsAt = input.endsAt === undefined ? keptEnd : input.endsAt ? new Date(input.endsAt) : null;
  if (endsAt && endsAt <= startsAt) throw AppError.validation('endsAt', 'must be after startsAt');
  return { startsAt, endsAt };
}

function actionOf(before: repo.AssetRow, input: AssetChanges) {
  if (input.status === 'suspended') return 'asset.suspended' as const;
  if (input.status === 'active' && before.status === 'suspended') return 'asset.reactivated' as const;
  return 'asset.updated' as const;
}

/** The operator's change of seats, term or status (SPEC §2.2), never below the seats assigned. */
export async function updateAsset(deps: Deps<'db' | 'clock'>, actor: Actor, id: string, input: AssetChanges) {
  const now = deps.clock.now();
  return deps.db.transaction().execute(async (trx) => {
    const before = await lockedAsset(trx, id, now);
    if (input.seats !== undefined && before.product_kind === 'service')
      throw AppError.validation('seats', 'must be empty for a service: services have no seats');
    const problem = input.seats === undefined ? null : seatsInUseProblem(input.seats, Number(before.seats_assigned));
    if (problem) throw new AppError('SEATS_IN_USE', problem, [{ path: 'seats', message: problem }]);
    const { startsAt, endsAt } = termAfter(before, input);
    await repo.updateAsset(
      trx,
      id,
      {
        ...(input.seats !== undefined ? { seats: input.seats } : {}),
        ...(input.startsAt !== undefined ? { starts_at: iso(startsAt) } : {}),
        ...(input.endsAt !== undefined ? { ends_at: endsAt ? iso(endsAt) : null } : {}),
        ...(input.status !== undefined ? { status: input.status } : {}),
      },
      now,
    );
    const state = {
      seats: before.seats,
      startsAt: toIsoString(before.starts_at),
      endsAt: before.ends_at === null ? null : toIsoString(before.ends_at),
      status: before.status,
    };
    const target = { targetType: 'asset', targetId: id, organizationId: before.organization_id };
    await recordAudit(trx, actor, { ...target, action: actionOf(before, input), before: state, after: input }, now);
    return describeAsset((await repo.findAsset(trx, id)) as repo.AssetRow, now);
  });
}

/** Switches an asset's licensing mode, in the caller's transaction (which holds lockedAsset's lock). */
export async function setAssetMode(trx: Executor, id: string, mode: 'machine' | 'online', now: Date) {
  await repo.setMode(trx, id, mode, now);
  return describeAsset((await repo.findAsset(trx, id)) as repo.AssetRow, now);
}
