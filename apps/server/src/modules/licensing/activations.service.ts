import type { ActivateRequest, LicenseAnswer, LicensingCode } from '@portico/contracts';
import type { Transaction } from 'kysely';
import type { Executor } from '../../db/database.js';
import type { Database } from '../../db/types.js';
import type { Deps } from '../../deps.js';
import type { Actor } from '../../lib/actor.js';
import { recordAudit } from '../audit/audit.writer.js';
import { budgetOf, claimSlot, type SlotPolicy } from './activation-slot.js';
import * as activations from './activations.repository.js';
import * as devices from './devices.repository.js';
import { componentsOf } from './fingerprints.js';
import { issueLease } from './lease-issue.js';
import { type AnswerParts, answer, deviceViews, termRefusal } from './license-answers.js';

// Named-user activation (SPEC §2.5, §4.3): a signed-in member activates a product assigned to them on a device.

export type LicensingDeps = Deps<'db' | 'clock' | 'config' | 'leases'>;

/** Who asks: the member, the desktop sign-in they use (its sign-out ends its activations), and the audit's actor. */
export interface Requester {
  userId: string;
  tokenId: string | null;
  actor: Actor;
}

export function slotPolicy(config: LicensingDeps['config']): SlotPolicy {
  return {
    leaseTtlMs: config.leaseTtlMs,
    devicesPerUser: config.devicesPerUser,
    activationsPerDay: config.activationsPerDay,
    transfers: config.transferLimit,
  };
}

/** Refusals that need no lock: nothing assigned, a machine-mode product, a suspended or ended subscription. */
function preflight(held: activations.HeldAssignment | undefined, now: Date): LicensingCode | null {
  if (!held) return 'NOT_ASSIGNED';
  if (held.mode !== 'online') return 'NOT_ONLINE';
  return termRefusal({ status: held.asset_status, ends_at: held.ends_at }, now);
}

export async function activate(deps: LicensingDeps, who: Requester, input: ActivateRequest): Promise<LicenseAnswer> {
  const now = deps.clock.now();
  const interval = deps.config.heartbeatIntervalMs;
  const held = (await activations.heldAssignments(deps.db, who.userId, input.product)).find(
    (h) =>
      input.organization === undefined ||
      h.organization_id === input.organization ||
      h.organization_code === input.organization,
  );
  const refusal = preflight(held, now);
  if (refusal || !held) return answer(refusal ?? 'NOT_ASSIGNED', {}, interval);

  const key = { organizationId: held.organization_id, userId: who.userId, productId: held.product_id };
  const policy = slotPolicy(deps.config);
  type Result = { code: LicensingCode; parts: AnswerParts; activationId?: string };
  const result = await deps.db.transaction().execute(async (trx): Promise<Result> => {
    if (!(await activations.lockAssignment(trx, held.id))) return { code: 'NOT_ASSIGNED', parts: {} };
    const outcome = await claimSlot(
      trx,
      {
        key,
        assetId: held.asset_id,
        assignmentId: held.id,
        tokenId: who.tokenId,
        actor: who.actor,
        machine: {
          components: componentsOf(input.machine.fingerprint),
          name: input.machine.name,
          platform: input.machine.platform,
          appVersion: input.machine.appVersion ?? null,
        },
        options: input,
      },
      policy,
      now,
    );
    // The device in use is known when the slot was just claimed; read only after a refusal.
    const inUse = outcome.ok ? outcome.deviceId : undefined;
    const context = await slotContext(trx, key, policy, now, inUse);
    return outcome.ok
      ? { code: 'VALID', activationId: outcome.activationId, parts: context }
      : { code: outcome.code, parts: { ...context, ...outcome.parts } };
  });
  if (result.activationId === undefined) return answer(result.code, result.parts, interval);
  return withLease(deps, result.activationId, result.parts, now);
}

/** The devices and the transfer budget every named-user answer carries. */
async function slotContext(
  trx: Executor,
  key: devices.UserProduct,
  policy: SlotPolicy,
  now: Date,
  inUseDeviceId?: string,
) {
  const inUse = inUseDeviceId ?? (await activations.currentSlot(trx, key))?.device_id ?? null;
  const registered = await devices.registeredDevices(trx, key);
  const transfers = await budgetOf(trx as Transaction<Database>, key, policy.transfers, now);
  return { devices: deviceViews(registered, inUse), transfers };
}

/** Signs a lease for an activation just committed (after the transaction: signing may read the keys). */
export async function withLease(
  deps: LicensingDeps,
  activationId: string,
  parts: AnswerParts,
  now: Date,
): Promise<LicenseAnswer> {
  const row = await deps.db
    .selectFrom('activations as a')
    .innerJoin('products as p', 'p.id', 'a.product_id')
    .selectAll('a')
    .select(['p.code as product_code', 'p.name as product_name'])
    .where('a.id', '=', activationId)
    .executeTakeFirstOrThrow();
  const issued = await issueLease(deps.leases, row, deps.config.leaseTtlMs, now);
  return answer(
    'VALID',
    { ...parts, activation: issued.activation, lease: issued.lease, leaseExpiresAt: issued.expiresAt },
    deps.config.heartbeatIntervalMs,
  );
}

/**
 * Ends at once the activations a desktop sign-in made (its token signed out or revoked): releasing costs nothing.
 * Runs in the caller's transaction. Answers how many were released.
 */
export async function releaseActivationsOfToken(
  trx: Transaction<Database>,
  tokenId: string,
  actor: Actor,
  at: Date,
): Promise<number> {
  const rows = await activations.activeOf(trx, { tokenId });
  for (const row of rows) {
    await activations.endActivation(trx, row.id, { status: 'released', reason: 'signed out', by: actor.userId }, at);
    await activations.returnOfflineLease(trx, row.id, at);
    await recordAudit(
      trx,
      actor,
      {
        action: 'license.released',
        targetType: 'activation',
        targetId: row.id,
        organizationId: row.organization_id,
        after: { device: row.machine_name, reason: 'signed out' },
      },
      at,
    );
  }
  return rows.length;
}

/**
 * A revocation reaches the desktop at its next heartbeat (REVOKED). An offline lease out keeps working until it
 * ends, and its seat stays taken until then (counted by seatsHeldOffline). Runs in the revocation's transaction.
 */
export async function endActivationsOfAssignments(
  trx: Executor,
  assignmentIds: string[],
  by: string | null,
  at: Date,
): Promise<void> {
  const rows = await activations.activeOf(trx, { assignmentIds });
  await activations.endActivations(
    trx,
    rows.map((r) => r.id),
    { status: 'revoked', reason: 'license revoked', by },
    at,
  );
}
