import type { ActivateRequest, LicensingCode, TransferBudget } from '@portico/contracts';
import type { Transaction } from 'kysely';
import type { Database } from '../../db/types.js';
import type { Actor } from '../../lib/actor.js';
import { AppError } from '../../lib/errors.js';
import { newId } from '../../lib/ids.js';
import { toDate } from '../../lib/time.js';
import { recordAudit, recordAudits } from '../audit/audit.writer.js';
import * as activations from './activations.repository.js';
import * as devices from './devices.repository.js';
import { type Components, fingerprintHash, sameMachine } from './fingerprints.js';
import { type AnswerParts, hasLapsed, holderOf, isOffline } from './license-answers.js';
import { type TransferPolicy, transferBudget } from './transfer-budget.js';

// The slot of a named-user license (SPEC §2.5): one device in use per user and product, up to DEVICES_PER_USER
// registered devices, moving the slot between them free of charge and replacing one at the cost of a transfer.
// Runs under the member's license lock (activations.repository lockAssignment).

export interface SlotPolicy {
  leaseTtlMs: number;
  devicesPerUser: number;
  activationsPerDay: number;
  transfers: TransferPolicy;
}

export interface SlotRequest {
  key: devices.UserProduct;
  assetId: string;
  assignmentId: string;
  tokenId: string | null;
  actor: Actor;
  machine: { components: Components; name: string; platform: string; appVersion: string | null };
  options: Pick<ActivateRequest, 'takeover' | 'transfer' | 'replace'>;
}

export type SlotOutcome =
  | { ok: true; activationId: string; deviceId: string; tookOverFrom: string | null }
  | { ok: false; code: LicensingCode; parts: AnswerParts };

type Trx = Transaction<Database>;
const DAY_MS = 86_400_000;

export async function budgetOf(trx: Trx, key: devices.UserProduct, policy: TransferPolicy, now: Date) {
  const usage = await devices.transferUsage(trx, key, new Date(now.getTime() - policy.windowMs));
  return transferBudget(policy, usage);
}

/** Claims the slot for the requesting machine, or says why not. */
export async function claimSlot(trx: Trx, request: SlotRequest, policy: SlotPolicy, now: Date): Promise<SlotOutcome> {
  const registered = await devices.registeredDevices(trx, request.key);
  const slot = await activations.currentSlot(trx, request.key);
  const known = registered.find((d) => sameMachine(JSON.parse(d.components), request.machine.components));
  const details = deviceDetails(request.machine);

  if (slot && known && slot.device_id === known.id) {
    // The device that holds the slot activates again (a restart): the same activation, a new lease, no cost.
    await activations.renewActivation(trx, slot.id, renewalOf(request, policy, now), now);
    await devices.touchDevice(trx, known.id, details, now);
    return { ok: true, activationId: slot.id, deviceId: known.id, tookOverFrom: null };
  }
  const lapsed = slot ? hasLapsed(slot, now) : true;
  if (slot && !lapsed) {
    if (isOffline(slot, now)) return { ok: false, code: 'CHECKED_OUT_OFFLINE', parts: { holder: holderOf(slot) } };
    if (!request.options.takeover)
      return { ok: false, code: 'ACTIVE_ON_ANOTHER_MACHINE', parts: { holder: holderOf(slot) } };
  }
  const started = await activations.startedSince(trx, request.key.userId, new Date(now.getTime() - DAY_MS));
  if (started.count >= policy.activationsPerDay)
    return {
      ok: false,
      code: 'ACTIVATION_LIMIT_REACHED',
      parts: { retryAt: started.oldestAt ? new Date(started.oldestAt.getTime() + DAY_MS) : null },
    };

  const device = known
    ? await reuseDevice(trx, known.id, details, now)
    : await registerDevice(trx, request, registered, slot && !lapsed ? slot.device_id : null, policy, now);
  if (!device.ok) return device;

  const activationId = newId('activation', now.getTime());
  if (slot) {
    const ending = lapsed
      ? { status: 'expired' as const, reason: `lease lapsed; the license went to ${request.machine.name}` }
      : { status: 'transferred' as const, reason: `taken over by ${request.machine.name}` };
    await activations.endActivation(
      trx,
      slot.id,
      { ...ending, by: request.key.userId, successorId: activationId },
      now,
    );
  }
  await activations.insertActivation(
    trx,
    {
      id: activationId,
      organizationId: request.key.organizationId,
      assetId: request.assetId,
      productId: request.key.productId,
      kind: 'online',
      userId: request.key.userId,
      assignmentId: request.assignmentId,
      deviceId: device.id,
      tokenId: request.tokenId,
      components: details.components,
      fingerprintHash: details.fingerprintHash,
      machineName: request.machine.name,
      platform: request.machine.platform,
      appVersion: request.machine.appVersion,
      leaseExpiresAt: new Date(now.getTime() + policy.leaseTtlMs),
    },
    now,
  );
  const tookOverFrom = slot && !lapsed ? slot.machine_name : null;
  await auditActivation(trx, request, activationId, tookOverFrom, now);
  return { ok: true, activationId, deviceId: device.id, tookOverFrom };
}

function deviceDetails(machine: SlotRequest['machine']): devices.DeviceDetails {
  return {
    name: machine.name,
    platform: machine.platform,
    appVersion: machine.appVersion,
    components: JSON.stringify(machine.components),
    fingerprintHash: fingerprintHash(machine.components),
  };
}

function renewalOf(request: SlotRequest, policy: SlotPolicy, now: Date) {
  return {
    leaseExpiresAt: new Date(now.getTime() + policy.leaseTtlMs),
    machineName: request.machine.name,
    platform: request.machine.platform,
    appVersion: request.machine.appVersion,
  };
}

async function reuseDevice(trx: Trx, id: string, details: devices.DeviceDetails, now: Date) {
  await devices.touchDevice(trx, id, details, now);
  return { ok: true as const, id };
}

/** A machine not registered yet: free while under the limit, otherwise a transfer replacing one (if confirmed). */
async function registerDevice(
  trx: Trx,
  request: SlotRequest,
  registered: devices.DeviceRow[],
  inUseDeviceId: string | null,
  policy: SlotPolicy,
  now: Date,
): Promise<{ ok: true; id: string } | Extract<SlotOutcome, { ok: false }>> {
  const id = newId('device', now.getTime());
  const details = deviceDetails(request.machine);
  if (registered.length < policy.devicesPerUser) {
    await devices.insertDevice(trx, id, request.key, details, now);
    return { ok: true, id };
  }
  const budget = await budgetOf(trx, request.key, policy.transfers, now);
  const victim = replacedDevice(registered, inUseDeviceId, request.options.replace);
  if (!request.options.transfer)
    return {
      ok: false,
      code: 'DEVICE_LIMIT_REACHED',
      parts: { transfers: budget, message: limitMessage(victim, budget) },
    };
  if (budget.remaining <= 0)
    return {
      ok: false,
      code: 'TRANSFER_LIMIT_REACHED',
      parts: { transfers: budget, retryAt: budget.nextFreeAt ? new Date(budget.nextFreeAt) : null },
    };
  await devices.insertDevice(trx, id, request.key, details, now);
  await devices.removeDevice(trx, victim.id, id, now);
  await devices.insertTransfer(
    trx,
    newId('transfer', now.getTime()),
    request.key,
    { added: id, replaced: victim.id },
    now,
  );
  await recordAudit(
    trx,
    request.actor,
    {
      action: 'license.transferred',
      targetType: 'device',
      targetId: id,
      organizationId: request.key.organizationId,
      before: { device: victim.name },
      after: { device: request.machine.name, transfersLeft: budget.remaining - 1 },
    },
    now,
  );
  return { ok: true, id };
}

/** The device a transfer replaces: the one named, else the one used least recently that is not in use. */
function replacedDevice(registered: devices.DeviceRow[], inUseDeviceId: string | null, replace: string | undefined) {
  if (replace !== undefined) {
    const named = registered.find((d) => d.id === replace);
    if (!named)
      throw new AppError('NOT_FOUND', 'replace is not one of your registered devices', [
        { path: 'replace', message: 'is not one of your registered devices for this product' },
      ]);
    return named;
  }
  const byAge = [...registered].sort((a, b) => toDate(a.last_seen_at).getTime() - toDate(b.last_seen_at).getTime());
  return byAge.find((d) => d.id !== inUseDeviceId) ?? (byAge[0] as devices.DeviceRow);
}

function limitMessage(victim: devices.DeviceRow, budget: TransferBudget): string {
  return (
    `You already use the license on the most devices allowed. Activating here replaces ${victim.name} and uses ` +
    `one of your ${budget.remaining} remaining transfers: confirm with transfer.`
  );
}

async function auditActivation(trx: Trx, request: SlotRequest, id: string, tookOverFrom: string | null, now: Date) {
  const entry = {
    targetType: 'activation',
    targetId: id,
    organizationId: request.key.organizationId,
    after: { device: request.machine.name, platform: request.machine.platform, asset: request.assetId },
  };
  const takeover = { action: 'license.taken_over' as const, ...entry, before: { device: tookOverFrom } };
  // One insert for both events of a takeover.
  await recordAudits(
    trx,
    request.actor,
    [{ action: 'license.activated', ...entry }, ...(tookOverFrom ? [takeover] : [])],
    now,
  );
}
