import type { LicenseAnswer } from '@portico/contracts';
import { toDate, toIsoString } from '../../lib/time.js';
import type { LeaseSigner } from './lease-keys.js';

/** What a lease and an answer's activation summary are made of, as both the activation and the heartbeat read it. */
export interface LeaseSource {
  id: string;
  kind: 'online' | 'machine';
  status: NonNullable<LicenseAnswer['activation']>['status'];
  organization_id: string;
  asset_id: string;
  product_id: string;
  product_code: string;
  product_name: string;
  user_id: string | null;
  device_id: string | null;
  machine_name: string;
  fingerprint_hash: string;
  offline_until: unknown;
  created_at: unknown;
}

/** A new lease for an active activation: online for LEASE_TTL, or offline until the checked-out lease ends. */
export async function issueLease(leases: LeaseSigner, row: LeaseSource, leaseTtlMs: number, now: Date) {
  const online = new Date(now.getTime() + leaseTtlMs);
  const offline = row.offline_until ? toDate(row.offline_until) : null;
  const kind: 'online' | 'offline' = offline && offline > online ? 'offline' : 'online';
  const expiresAt = kind === 'offline' && offline ? offline : online;
  const lease = await leases.sign(
    {
      sub: row.user_id ?? row.id,
      user: row.user_id,
      organization: row.organization_id,
      product: row.product_code,
      asset: row.asset_id,
      activation: row.id,
      fingerprint: row.fingerprint_hash,
      kind,
      mode: row.kind === 'machine' ? 'machine' : 'named-user',
      exp: Math.floor(expiresAt.getTime() / 1000),
    },
    now,
  );
  return { lease, expiresAt, activation: summaryOf(row, expiresAt) };
}

export function summaryOf(row: LeaseSource, leaseExpiresAt: Date): NonNullable<LicenseAnswer['activation']> {
  return {
    id: row.id,
    kind: row.kind,
    status: row.status,
    organization: row.organization_id,
    product: { id: row.product_id, code: row.product_code, name: row.product_name },
    asset: row.asset_id,
    deviceId: row.device_id,
    machineName: row.machine_name,
    leaseExpiresAt: leaseExpiresAt.toISOString(),
    offlineUntil: row.offline_until ? toIsoString(row.offline_until) : null,
    createdAt: toIsoString(row.created_at),
  };
}
