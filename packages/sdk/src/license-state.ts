import type { ActivationRecord } from './store.js';
import type { LeaseClaims, LicensingCode } from './types.js';
import type { LeaseVerification } from './verify.js';

/** SPEC §2.5 `OUTAGE_GRACE`: how long an online lease keeps working after the last contact while unreachable. */
export const OUTAGE_GRACE_MS = 24 * 60 * 60 * 1000;
/** How far the clock may go back (NTP corrections, a second machine's skew) before the SDK stops trusting it. */
export const CLOCK_ROLLBACK_TOLERANCE_MS = 5 * 60 * 1000;

export type StatusCode =
  | LicensingCode
  /** This machine holds no activation of the product. */
  | 'NO_ACTIVATION'
  /** The lease ran out and was not renewed (no heartbeat, and no outage to excuse it). */
  | 'LEASE_EXPIRED'
  /** The server has been unreachable for longer than the outage grace. */
  | 'UNREACHABLE'
  /** The clock went back more than 5 minutes: leases used without the server are refused until an online check. */
  | 'CLOCK_ROLLED_BACK'
  /** The server refused a request itself (4xx): the error code is in `message`. */
  | 'REQUEST_REFUSED';

/**
 * The license state the application acts on: `usable` says whether to run the licensed features.
 * `state`: `online` (a lease the server renews), `offline` (a checked-out lease, usable without the server until
 * it expires), `grace` (an online lease kept working through an outage), `ended` (not usable).
 */
export interface LicenseStatus {
  usable: boolean;
  state: 'online' | 'offline' | 'grace' | 'ended';
  code: StatusCode;
  message: string;
  activationId: string | null;
  product: string | null;
  claims: LeaseClaims | null;
  leaseExpiresAt: string | null;
  /** An offline lease's expiry. */
  offlineUntil: string | null;
  /** While in outage grace: when it ends. */
  graceUntil: string | null;
  lastContactAt: string | null;
  unreachableSince: string | null;
}

export interface EvaluateInput {
  record: ActivationRecord | null;
  /** The lease's verification with expiry ignored (expiry is judged here, with the outage grace). */
  verification: LeaseVerification | null;
  now: number;
  clockRolledBack: boolean;
  outageGraceMs: number;
}

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

function ended(record: ActivationRecord | null, code: StatusCode, message: string, claims: LeaseClaims | null = null) {
  return status(record, { usable: false, state: 'ended', code, message, claims });
}

function status(
  record: ActivationRecord | null,
  fields: Pick<LicenseStatus, 'usable' | 'state' | 'code' | 'message' | 'claims'> & Partial<LicenseStatus>,
): LicenseStatus {
  const exp = fields.claims ? fields.claims.exp * 1000 : null;
  return {
    activationId: record?.id ?? null,
    product: record?.product ?? null,
    leaseExpiresAt: iso(exp),
    offlineUntil: fields.claims?.kind === 'offline' ? iso(exp) : null,
    graceUntil: null,
    lastContactAt: iso(record?.lastContactAt ?? null),
    unreachableSince: iso(record?.unreachableSince ?? null),
    ...fields,
  };
}

/**
 * SPEC §2.5, the rules the application's license follows between and without server answers:
 * - a refusal (TRANSFERRED, RELEASED, REVOKED, SUSPENDED, EXPIRED, a 4xx on renewal…) ends it at once, for good;
 * - an offline lease is usable until its expiry without the server, unless the clock went back;
 * - an online lease is usable until its expiry; past it, while the server is unreachable, for `outageGraceMs`
 *   after the last contact (never when the clock went back: the grace is measured with that clock);
 * - an online lease past its expiry without an outage has lapsed: a heartbeat renews it.
 */
export function evaluateLicense(input: EvaluateInput): LicenseStatus {
  const { record, verification, now } = input;
  if (!record) return ended(null, 'NO_ACTIVATION', 'This machine has no activation of the product');
  if (record.refused) return ended(record, record.refused.code as StatusCode, record.refused.message);
  if (!record.lease || !verification) return ended(record, 'INVALID_LEASE', 'No lease is held for this activation');
  if (!verification.valid) return ended(record, 'INVALID_LEASE', verification.message, verification.claims);
  const { claims } = verification;
  const exp = claims.exp * 1000;
  const rolledBack = (usedWithoutServer: string) =>
    ended(
      record,
      'CLOCK_ROLLED_BACK',
      `The clock went back more than 5 minutes: ${usedWithoutServer} is refused until the server can be reached`,
      claims,
    );

  if (claims.kind === 'offline') {
    if (input.clockRolledBack) return rolledBack('the offline lease');
    if (now < exp) return status(record, { usable: true, state: 'offline', code: 'VALID', message: 'Offline', claims });
    return ended(record, 'LEASE_EXPIRED', 'The offline lease has expired', claims);
  }
  const inOutage = record.unreachableSince !== null;
  if (inOutage && input.clockRolledBack) return rolledBack('the lease');
  if (now < exp) return status(record, { usable: true, state: 'online', code: 'VALID', message: 'Valid', claims });
  if (!inOutage) return ended(record, 'LEASE_EXPIRED', 'The lease has lapsed: send a heartbeat to renew it', claims);
  const graceUntil = record.lastContactAt + input.outageGraceMs;
  if (now < graceUntil) {
    return status(record, {
      usable: true,
      state: 'grace',
      code: 'VALID',
      message: `The server is unreachable: the license keeps working until ${iso(graceUntil)}`,
      claims,
      graceUntil: iso(graceUntil),
    });
  }
  return ended(record, 'UNREACHABLE', `The server has been unreachable since ${iso(record.unreachableSince)}`, claims);
}

/** Answer codes after which the activation is over, whatever the call was (checkout refusals are not all so). */
export const ENDING_CODES: readonly string[] = [
  'TRANSFERRED',
  'RELEASED',
  'REVOKED',
  'EXPIRED',
  'SUSPENDED',
  'NOT_ASSIGNED',
  'UNKNOWN_SERIAL',
  'INVALID_LEASE',
];

/** 4xx statuses that mean the activation (or the sign-in behind it) no longer exists, as opposed to a bad request. */
export const ENDING_STATUSES: readonly number[] = [401, 403, 404, 410];
