import { z } from 'zod';
import { IdInput } from './ids-input.js';

// Online licensing (SPEC §2.5, §4.3): what the desktop application, the SDK, the CLI and the web app exchange with
// the server. Business outcomes are data (`200 {valid, code}`); error statuses are for malformed or unauthenticated
// requests.

/** Every business outcome a licensing endpoint answers. */
export const LICENSING_CODES = [
  'VALID',
  'NOT_ASSIGNED',
  /** The product is licensed per machine: activate with the serial number (machine mode). */
  'NOT_ONLINE',
  'NO_SEAT_AVAILABLE',
  'ACTIVE_ON_ANOTHER_MACHINE',
  'CHECKED_OUT_OFFLINE',
  /** A new device would replace a registered one, which costs a transfer: ask again with `transfer: true`. */
  'DEVICE_LIMIT_REACHED',
  'TRANSFER_LIMIT_REACHED',
  'ACTIVATION_LIMIT_REACHED',
  'TRANSFERRED',
  'RELEASED',
  'REVOKED',
  'EXPIRED',
  'SUSPENDED',
  'UNKNOWN_SERIAL',
  /** A machine-mode activation of a named-user (online) product: sign in and activate instead. */
  'NAMED_USER_LICENSE',
  'INVALID_LEASE',
] as const;
export type LicensingCode = (typeof LICENSING_CODES)[number];

/** Printable text a machine reports about itself (names, platforms, versions). */
const printable = (max: number) =>
  z
    .string()
    .trim()
    .min(1)
    .max(max)
    .regex(/^\P{Cc}*$/u, { message: 'must not contain control characters' });

/** A fingerprint component's name (`hostname`, `osInstallId`, `machineId`, `cpu`, `mac`, `disk`, …). */
const ComponentName = z.string().regex(/^[a-zA-Z][a-zA-Z0-9_]{0,31}$/, { message: 'must be a short identifier' });

/**
 * A machine's fingerprint: several components (their values hashed by the SDK), matched on most of them, so a
 * renamed host or a resumed VM stays the same device. A single string is one component.
 */
export const Fingerprint = z.union(
  [
    printable(256),
    z.record(ComponentName, printable(256)).refine((c) => Object.keys(c).length >= 1 && Object.keys(c).length <= 8, {
      message: 'must have 1 to 8 components',
    }),
  ],
  // Zod's own words for a value neither form accepts are "Invalid input": say what is expected instead.
  { error: 'must be one text, or an object of 1 to 8 components named by short identifiers (letters, digits, _)' },
);
export type Fingerprint = z.infer<typeof Fingerprint>;

export const MachineInput = z.strictObject({
  fingerprint: Fingerprint,
  name: printable(100),
  platform: printable(50),
  appVersion: printable(50).optional(),
});
export type MachineInput = z.infer<typeof MachineInput>;

/** `POST /api/v1/licensing/activations` (bearer token with scope `licensing`, or a browser session). */
export const ActivateRequest = z.strictObject({
  /** The product's id or code. */
  product: IdInput,
  /** The organization (id or code) when the user holds the product in more than one. */
  organization: IdInput.optional(),
  machine: MachineInput,
  /** Move the slot from the user's other device (free). */
  takeover: z.boolean().default(false),
  /** Register this device in place of one already registered: costs one transfer. */
  transfer: z.boolean().default(false),
  /** Which registered device a transfer replaces (default: the one used least recently that is not in use). */
  replace: IdInput.optional(),
});
export type ActivateRequest = z.input<typeof ActivateRequest>;

export const CheckoutRequest = z.strictObject({ days: z.number().int().min(1).max(30) });
export const ValidateRequest = z.strictObject({ lease: z.string().min(1).max(4096) });
export const MachineActivateRequest = z.strictObject({ serial: printable(64), machine: MachineInput });
export const MachineSerialRequest = z.strictObject({ serial: printable(64) });

/** The transfer budget of a user and product: SPEC §2.5 "the remaining budget and the date the next one frees". */
export const TransferBudget = z.object({
  limit: z.number(),
  /** Extra transfers administrators granted within the window. */
  granted: z.number(),
  used: z.number(),
  remaining: z.number(),
  windowDays: z.number(),
  /** When the oldest transfer in the window stops counting; null when none is used. */
  nextFreeAt: z.string().nullable(),
});
export type TransferBudget = z.infer<typeof TransferBudget>;

export const RegisteredDevice = z.object({
  id: z.string(),
  name: z.string(),
  platform: z.string(),
  appVersion: z.string().nullable(),
  registeredAt: z.string(),
  lastSeenAt: z.string(),
  /** This device holds the slot now. */
  inUse: z.boolean(),
});
export type RegisteredDevice = z.infer<typeof RegisteredDevice>;

/** The device that holds (or took) the slot, as another device is told about it. */
export const SlotHolder = z.object({
  deviceName: z.string(),
  platform: z.string(),
  lastContactAt: z.string(),
  offlineUntil: z.string().nullable(),
});

export const ActivationSummary = z.object({
  id: z.string(),
  kind: z.enum(['online', 'machine']),
  status: z.enum(['active', 'released', 'transferred', 'expired', 'revoked']),
  organization: z.string(),
  product: z.object({ id: z.string(), code: z.string(), name: z.string() }),
  asset: z.string(),
  deviceId: z.string().nullable(),
  machineName: z.string(),
  leaseExpiresAt: z.string(),
  offlineUntil: z.string().nullable(),
  createdAt: z.string(),
});

/** What every licensing endpoint answers (activate, heartbeat, checkout, release, machine activations). */
export const LicenseAnswer = z.object({
  valid: z.boolean(),
  code: z.enum(LICENSING_CODES),
  message: z.string(),
  activation: ActivationSummary.nullable(),
  /** The signed lease (compact JWS, EdDSA) when valid. */
  lease: z.string().nullable(),
  leaseExpiresAt: z.string().nullable(),
  heartbeatIntervalSeconds: z.number(),
  /** The other device: for ACTIVE_ON_ANOTHER_MACHINE, CHECKED_OUT_OFFLINE, TRANSFERRED. */
  holder: SlotHolder.nullable(),
  /** The user's registered devices for this product (named-user answers). */
  devices: z.array(RegisteredDevice).nullable(),
  transfers: TransferBudget.nullable(),
  /** When asking again can succeed (TRANSFER_LIMIT_REACHED, ACTIVATION_LIMIT_REACHED). */
  retryAt: z.string().nullable(),
});
export type LicenseAnswer = z.infer<typeof LicenseAnswer>;

/** The claims of a lease (SPEC §2.5). Times are seconds since the epoch, as JWT has them. */
export const LeaseClaims = z.object({
  iss: z.string(),
  aud: z.literal('portico-license'),
  /** The user (named-user) or the activation (machine mode). */
  sub: z.string(),
  user: z.string().nullable(),
  organization: z.string(),
  /** The product's code. */
  product: z.string(),
  asset: z.string(),
  activation: z.string(),
  /** SHA-256 (hex) of the device's fingerprint at activation. */
  fingerprint: z.string(),
  kind: z.enum(['online', 'offline']),
  mode: z.enum(['named-user', 'machine']),
  iat: z.number(),
  exp: z.number(),
});
export type LeaseClaims = z.infer<typeof LeaseClaims>;
export const LEASE_AUDIENCE = 'portico-license';

export const ValidateAnswer = z.object({
  valid: z.boolean(),
  code: z.enum(LICENSING_CODES),
  message: z.string(),
  claims: LeaseClaims.nullable(),
});
export type ValidateAnswer = z.infer<typeof ValidateAnswer>;

/** `GET /api/v1/licensing/products`: the caller's named-user products, for the CLI's `status`. */
export const LicensingProduct = z.object({
  organization: z.object({ id: z.string(), code: z.string(), name: z.string() }),
  product: z.object({ id: z.string(), code: z.string(), name: z.string() }),
  asset: z.object({ id: z.string(), mode: z.enum(['machine', 'online']).nullable() }),
  devices: z.array(RegisteredDevice),
  activation: ActivationSummary.nullable(),
  transfers: TransferBudget,
});
export const LicensingProducts = z.object({ items: z.array(LicensingProduct) });
export type LicensingProduct = z.infer<typeof LicensingProduct>;

// ---- Administrators and members -------------------------------------------------------------------------------

export const ActivationView = z.object({
  id: z.string(),
  kind: z.enum(['online', 'machine']),
  status: z.enum(['active', 'released', 'transferred', 'expired', 'revoked']),
  /** online, offline (a lease checked out), lapsed (no heartbeat since the lease ended), ended. */
  state: z.enum(['online', 'offline', 'lapsed', 'ended']),
  user: z.object({ id: z.string(), name: z.string(), email: z.string() }).nullable(),
  asset: z.object({ id: z.string(), serialDisplay: z.string() }),
  product: z.object({ id: z.string(), code: z.string(), name: z.string() }),
  device: z.object({
    id: z.string().nullable(),
    name: z.string(),
    platform: z.string(),
    appVersion: z.string().nullable(),
  }),
  offlineUntil: z.string().nullable(),
  since: z.string(),
  lastContactAt: z.string(),
  leaseExpiresAt: z.string(),
  endedAt: z.string().nullable(),
  endedReason: z.string().nullable(),
  transfers: TransferBudget.nullable(),
});
export type ActivationView = z.infer<typeof ActivationView>;
export const ActivationList = z.object({ items: z.array(ActivationView), nextCursor: z.string().nullable() });
export type ActivationList = z.infer<typeof ActivationList>;
export const ActivationsQuery = z.strictObject({
  asset: IdInput.optional(),
  user: IdInput.optional(),
  /** `current` (default): active and lapsed; `all`: with ended ones. */
  status: z.enum(['current', 'all']).default('current'),
  cursor: z.string().max(500).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export type ActivationsQuery = z.output<typeof ActivationsQuery>;

export const TransferGrantRequest = z.strictObject({
  user: IdInput,
  /** The product's id or code. */
  product: IdInput,
  count: z.number().int().min(1).max(20),
  reason: printable(500),
});
export type TransferGrantRequest = z.infer<typeof TransferGrantRequest>;
export const TransferGrantResult = z.object({ transfers: TransferBudget });

/** My products' licensing part for an online product: the member's devices, the slot, the budget. */
export const MyLicensing = z.object({
  devices: z.array(RegisteredDevice),
  activation: ActivationView.nullable(),
  transfers: TransferBudget,
});
export type MyLicensing = z.infer<typeof MyLicensing>;
