import type { LicenseAnswer, LicensingCode, RegisteredDevice, TransferBudget } from '@portico/contracts';
import { toDate, toIsoString } from '../../lib/time.js';
import { assetStatus } from '../assets/assets.service.js';
import type { DeviceRow } from './devices.repository.js';

// The answers of the licensing endpoints (SPEC §2.5): business outcomes as data, with a sentence a person can act on.

export type Summary = NonNullable<LicenseAnswer['activation']>;
export type Holder = NonNullable<LicenseAnswer['holder']>;

export interface AnswerParts {
  activation?: Summary | null;
  lease?: string | null;
  leaseExpiresAt?: Date | null;
  holder?: Holder | null;
  devices?: RegisteredDevice[] | null;
  transfers?: TransferBudget | null;
  retryAt?: Date | null;
  message?: string;
}

const MESSAGES: Record<LicensingCode, string> = {
  VALID: 'The license is active on this device.',
  NOT_ASSIGNED: 'This product is not assigned to you. Ask an administrator of your organization to assign it.',
  NOT_ONLINE: 'This product is licensed per machine: activate it with its serial number.',
  NO_SEAT_AVAILABLE: 'Every seat of this serial number is in use. Release a machine or ask for more seats.',
  ACTIVE_ON_ANOTHER_MACHINE: 'The license is in use on another of your devices. Take it over to use it here.',
  CHECKED_OUT_OFFLINE:
    'The license is checked out for offline use on another device until the lease is returned or expires.',
  DEVICE_LIMIT_REACHED:
    'You already use the license on the most devices allowed. Replacing one of them uses one transfer.',
  TRANSFER_LIMIT_REACHED: 'No transfers are left for now. Ask an administrator for more, or wait until one frees.',
  ACTIVATION_LIMIT_REACHED: 'Too many activations today. Try again later.',
  TRANSFERRED: 'The license was taken over by another of your devices.',
  RELEASED: 'The license was released on this device.',
  REVOKED: 'The license was revoked by an administrator of your organization.',
  EXPIRED: 'The license has expired on this device.',
  SUSPENDED: 'The subscription is suspended. Contact your administrator.',
  UNKNOWN_SERIAL: 'This serial number is not known. Check it, or ask the publisher.',
  NAMED_USER_LICENSE: 'This product is licensed to named users: sign in and activate it instead.',
  INVALID_LEASE: 'The lease is not valid.',
};

export function answer(code: LicensingCode, parts: AnswerParts, heartbeatIntervalMs: number): LicenseAnswer {
  return {
    valid: code === 'VALID',
    code,
    message: parts.message ?? MESSAGES[code],
    activation: parts.activation ?? null,
    lease: parts.lease ?? null,
    leaseExpiresAt: parts.leaseExpiresAt ? parts.leaseExpiresAt.toISOString() : null,
    heartbeatIntervalSeconds: Math.round(heartbeatIntervalMs / 1000),
    holder: parts.holder ?? null,
    devices: parts.devices ?? null,
    transfers: parts.transfers ?? null,
    retryAt: parts.retryAt ? parts.retryAt.toISOString() : null,
  };
}

export function messageOf(code: LicensingCode): string {
  return MESSAGES[code];
}

export function deviceViews(devices: DeviceRow[], inUseDeviceId: string | null): RegisteredDevice[] {
  return devices.map((d) => ({
    id: d.id,
    name: d.name,
    platform: d.platform,
    appVersion: d.app_version,
    registeredAt: toIsoString(d.registered_at),
    lastSeenAt: toIsoString(d.last_seen_at),
    inUse: d.id === inUseDeviceId,
  }));
}

export function holderOf(row: {
  machine_name: string;
  platform: string;
  last_contact_at: unknown;
  offline_until: unknown;
}): Holder {
  return {
    deviceName: row.machine_name,
    platform: row.platform,
    lastContactAt: toIsoString(row.last_contact_at),
    offlineUntil: row.offline_until ? toIsoString(row.offline_until) : null,
  };
}

/** An offline lease still out at `now`. */
export function isOffline(row: { offline_until: unknown }, now: Date): boolean {
  return row.offline_until != null && toDate(row.offline_until) > now;
}

/** A slot whose device stopped heartbeating frees itself at lease expiry (SPEC §2.5). */
export function hasLapsed(row: { lease_expires_at: unknown; offline_until: unknown }, now: Date): boolean {
  return toDate(row.lease_expires_at) <= now && !isOffline(row, now);
}

/** A subscription that refuses licensing now: suspended (which wins), or past its end date — the asset's status. */
export function termRefusal(asset: { status: string; ends_at: unknown }, now: Date): 'SUSPENDED' | 'EXPIRED' | null {
  const status = assetStatus(asset, now);
  return status === 'suspended' ? 'SUSPENDED' : status === 'expired' ? 'EXPIRED' : null;
}
