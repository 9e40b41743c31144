import { type LicenseAnswer, type LicensingCode, type MachineInput, normalizeSerial } from '@portico/contracts';
import type { Executor } from '../../db/database.js';
import type { Actor } from '../../lib/actor.js';
import { newId } from '../../lib/ids.js';
import { findAssetBySerial } from '../assets/assets.service.js';
import { recordAudit } from '../audit/audit.writer.js';
import * as activations from './activations.repository.js';
import { type LicensingDeps, withLease } from './activations.service.js';
import { componentsOf, fingerprintHash, sameMachine } from './fingerprints.js';
import { answer, hasLapsed, termRefusal } from './license-answers.js';

// Machine mode (SPEC §2.5): a serial number activates up to `seats` machines without anyone signing in. A short
// lease with heartbeats, so CI machines and containers that vanish free their seat when their lease lapses.

type Asset = NonNullable<Awaited<ReturnType<typeof findAssetBySerial>>>;

function preflight(asset: Asset | undefined, now: Date): LicensingCode | null {
  if (asset?.product_kind !== 'license') return 'UNKNOWN_SERIAL';
  if (asset.mode === 'online') return 'NAMED_USER_LICENSE';
  return termRefusal(asset, now);
}

export async function activateMachine(
  deps: LicensingDeps,
  actor: Actor,
  input: { serial: string; machine: MachineInput },
): Promise<LicenseAnswer> {
  const now = deps.clock.now();
  const interval = deps.config.heartbeatIntervalMs;
  const asset = await findAssetBySerial(deps.db, normalizeSerial(input.serial));
  const refusal = preflight(asset, now);
  if (refusal || !asset) return answer(refusal ?? 'UNKNOWN_SERIAL', {}, interval);
  const components = componentsOf(input.machine.fingerprint);
  const result = await deps.db.transaction().execute(async (trx): Promise<{ code: LicensingCode; id?: string }> => {
    // The asset's row lock: seats are counted per asset, and Enable online licensing takes the same lock.
    await activations.lockAsset(trx, asset.id, now);
    const locked = await findAssetBySerial(trx, asset.serial);
    const stillRefused = preflight(locked, now);
    if (stillRefused) return { code: stillRefused };
    const active = await activations.activeMachineActivations(trx, asset.id);
    const same = active.find((a) => sameMachine(JSON.parse(a.components), components));
    if (same) {
      const leaseExpiresAt = new Date(now.getTime() + deps.config.leaseTtlMs);
      await activations.renewActivation(trx, same.id, { leaseExpiresAt, machineName: input.machine.name }, now);
      return { code: 'VALID', id: same.id };
    }
    const lapsed = active.filter((a) => hasLapsed(a, now));
    await activations.endActivations(
      trx,
      lapsed.map((a) => a.id),
      { status: 'expired', reason: 'no heartbeat before the lease ended', by: null },
      now,
    );
    if (active.length - lapsed.length >= asset.seats) return { code: 'NO_SEAT_AVAILABLE' };
    return { code: 'VALID', id: await insertMachine(trx, actor, asset, input.machine, now, deps) };
  });
  if (result.id === undefined) return answer(result.code, {}, interval);
  return withLease(deps, result.id, {}, now);
}

async function insertMachine(
  trx: Executor,
  actor: Actor,
  asset: Asset,
  machine: MachineInput,
  now: Date,
  deps: LicensingDeps,
): Promise<string> {
  const id = newId('activation', now.getTime());
  const components = componentsOf(machine.fingerprint);
  await activations.insertActivation(
    trx,
    {
      id,
      organizationId: asset.organization_id,
      assetId: asset.id,
      productId: asset.product_id,
      kind: 'machine',
      userId: null,
      assignmentId: null,
      deviceId: null,
      tokenId: null,
      components: JSON.stringify(components),
      fingerprintHash: fingerprintHash(components),
      machineName: machine.name,
      platform: machine.platform,
      appVersion: machine.appVersion ?? null,
      leaseExpiresAt: new Date(now.getTime() + deps.config.leaseTtlMs),
    },
    now,
  );
  await recordAudit(
    trx,
    actor,
    {
      action: 'machine.activated',
      targetType: 'activation',
      targetId: id,
      organizationId: asset.organization_id,
      after: { machine: machine.name, platform: machine.platform, asset: asset.id },
    },
    now,
  );
  return id;
}

/** Machine activations of an asset whose lease has not lapsed: Enable online licensing waits for them to end. */
export async function machinesInUse(trx: Executor, assetId: string, now: Date) {
  const active = await activations.activeMachineActivations(trx, assetId);
  return active.filter((a) => !hasLapsed(a, now)).map((a) => ({ name: a.machine_name, platform: a.platform }));
}

/**
 * Ends the machine activations of an asset whose lease lapsed (Enable online licensing): their seats are free, and a
 * machine coming back must learn EXPIRED instead of renewing a machine lease on a named-user license.
 */
export async function endLapsedMachines(trx: Executor, assetId: string, now: Date): Promise<void> {
  const active = await activations.activeMachineActivations(trx, assetId);
  await activations.endActivations(
    trx,
    active.filter((a) => hasLapsed(a, now)).map((a) => a.id),
    { status: 'expired', reason: 'no heartbeat before the lease ended', by: null },
    now,
  );
}
