import { type LicenseAnswer, type LicensingCode, normalizeSerial } from '@portico/contracts';
import type { Deps } from '../../deps.js';
import { AppError } from '../../lib/errors.js';
import { toDate } from '../../lib/time.js';
import { issueLease } from './lease-issue.js';
import { answer, type Holder, holderOf, termRefusal } from './license-answers.js';
import type { LicenseRow } from './license-reader.repository.js';
import { transferBudget } from './transfer-budget.js';

// Heartbeats (SPEC §2.5): a device renews its lease and learns what happened meanwhile — taken over, released,
// revoked, suspended — as data. The hot path: one prepared read, one signature, and the last contact written in a
// batch (heartbeat-batcher.ts).

export type HeartbeatDeps = Deps<'clock' | 'config' | 'leases' | 'readLicense' | 'heartbeats'>;

/** Who may renew an activation: its member (named-user), or whoever knows its serial number (machine mode). */
export type Renewer = { userId: string } | { serial: string };

function owns(row: LicenseRow, by: Renewer): boolean {
  if ('userId' in by) return row.kind === 'online' && row.user_id === by.userId;
  return row.kind === 'machine' && normalizeSerial(by.serial) === row.serial;
}

/** The state of an activation now, as its device is told. */
export function stateOf(row: Pick<LicenseRow, 'status' | 'asset_status' | 'asset_ends_at'>, now: Date): LicensingCode {
  switch (row.status) {
    case 'transferred':
      return 'TRANSFERRED';
    case 'released':
      return 'RELEASED';
    case 'revoked':
      return 'REVOKED';
    case 'expired':
      return 'EXPIRED';
  }
  return termRefusal({ status: row.asset_status, ends_at: row.asset_ends_at }, now) ?? 'VALID';
}

function successorOf(row: LicenseRow): Holder | null {
  if (row.successor_name === null) return null;
  return holderOf({
    machine_name: row.successor_name,
    platform: row.successor_platform ?? '',
    last_contact_at: row.successor_contact_at,
    offline_until: row.successor_offline_until,
  });
}

export function budgetOfRow(row: LicenseRow, policy: HeartbeatDeps['config']['transferLimit']) {
  if (row.kind !== 'online') return null;
  return transferBudget(policy, {
    used: Number(row.transfers_used ?? 0),
    granted: Number(row.transfers_granted ?? 0),
    oldestAt: row.transfers_oldest ? toDate(row.transfers_oldest) : null,
  });
}

/** Reads an activation its caller may renew; another's (or a missing one) is answered as missing (SPEC §3). */
export async function readOwned(deps: HeartbeatDeps, id: string, by: Renewer, now: Date): Promise<LicenseRow> {
  const since = new Date(now.getTime() - deps.config.transferLimit.windowMs);
  const row = await deps.readLicense(id, since);
  if (!row || !owns(row, by)) throw AppError.notFound('activation');
  return row;
}

export async function heartbeat(deps: HeartbeatDeps, id: string, by: Renewer): Promise<LicenseAnswer> {
  const now = deps.clock.now();
  const row = await readOwned(deps, id, by, now);
  const code = stateOf(row, now);
  const transfers = budgetOfRow(row, deps.config.transferLimit);
  const interval = deps.config.heartbeatIntervalMs;
  if (code !== 'VALID') {
    const message = row.ended_reason ? `${answer(code, {}, interval).message} (${row.ended_reason})` : undefined;
    return answer(code, { transfers, holder: successorOf(row), message }, interval);
  }
  const issued = await issueLease(deps.leases, row, deps.config.leaseTtlMs, now);
  deps.heartbeats.record(row.id, now, issued.expiresAt);
  return answer(
    'VALID',
    { activation: issued.activation, lease: issued.lease, leaseExpiresAt: issued.expiresAt, transfers },
    interval,
  );
}
