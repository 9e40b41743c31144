// The shapes the licensing API exchanges, as plain TypeScript types. packages/contracts/src/online-licensing.ts is
// the source of truth (zod schemas the server validates with); they are copied here so that the SDK a publisher
// embeds in a desktop application stays standalone: no zod, no server packages. A unit test keeps LICENSING_CODES
// equal to the contracts' list.

/** Every business outcome a licensing endpoint answers. */
export const LICENSING_CODES = [
  'VALID',
  'NOT_ASSIGNED',
  'NOT_ONLINE',
  'NO_SEAT_AVAILABLE',
  'ACTIVE_ON_ANOTHER_MACHINE',
  'CHECKED_OUT_OFFLINE',
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

export const LEASE_AUDIENCE = 'portico-license';
export const DEVICE_GRANT_TYPE = 'urn:ietf:params:oauth:grant-type:device_code';

/** Several named components (values hashed by the SDK, see machineFingerprint), or one string. */
export type Fingerprint = string | Record<string, string>;

export interface MachineInput {
  fingerprint: Fingerprint;
  name: string;
  platform: string;
  appVersion?: string;
}

export interface ActivateRequest {
  /** The product's id or code. */
  product: string;
  /** The organization (id or code) when the user holds the product in more than one. */
  organization?: string;
  machine: MachineInput;
  /** Move the slot from the user's other device (free). */
  takeover?: boolean;
  /** Register this device in place of one already registered: costs one transfer. */
  transfer?: boolean;
  /** Which registered device a transfer replaces (default: the least recently used one not in use). */
  replace?: string;
}

export interface TransferBudget {
  limit: number;
  granted: number;
  used: number;
  remaining: number;
  windowDays: number;
  /** When the oldest transfer in the window stops counting; null when none is used. */
  nextFreeAt: string | null;
}

export interface RegisteredDevice {
  id: string;
  name: string;
  platform: string;
  appVersion: string | null;
  registeredAt: string;
  lastSeenAt: string;
  /** This device holds the slot now. */
  inUse: boolean;
}

export interface SlotHolder {
  deviceName: string;
  platform: string;
  lastContactAt: string;
  offlineUntil: string | null;
}

export interface ActivationSummary {
  id: string;
  kind: 'online' | 'machine';
  status: 'active' | 'released' | 'transferred' | 'expired' | 'revoked';
  organization: string;
  product: { id: string; code: string; name: string };
  asset: string;
  deviceId: string | null;
  machineName: string;
  leaseExpiresAt: string;
  offlineUntil: string | null;
  createdAt: string;
}

/** What every licensing endpoint answers (activate, heartbeat, checkout, release, machine activations). */
export interface LicenseAnswer {
  valid: boolean;
  code: LicensingCode;
  message: string;
  activation: ActivationSummary | null;
  /** The signed lease (compact JWS, EdDSA) when valid. */
  lease: string | null;
  leaseExpiresAt: string | null;
  heartbeatIntervalSeconds: number;
  /** The other device: for ACTIVE_ON_ANOTHER_MACHINE, CHECKED_OUT_OFFLINE, TRANSFERRED. */
  holder: SlotHolder | null;
  devices: RegisteredDevice[] | null;
  transfers: TransferBudget | null;
  /** When asking again can succeed (TRANSFER_LIMIT_REACHED, ACTIVATION_LIMIT_REACHED). */
  retryAt: string | null;
}

/** The claims of a lease. Times are seconds since the epoch, as JWT has them. */
export interface LeaseClaims {
  iss: string;
  aud: typeof LEASE_AUDIENCE;
  /** The user (named-user) or the activation (machine mode). */
  sub: string;
  user: string | null;
  organization: string;
  /** The product's code. */
  product: string;
  asset: string;
  activation: string;
  /** SHA-256 (hex) of the device's fingerprint at activation (see fingerprintHash). */
  fingerprint: string;
  kind: 'online' | 'offline';
  mode: 'named-user' | 'machine';
  iat: number;
  exp: number;
}

export interface ValidateAnswer {
  valid: boolean;
  code: LicensingCode;
  message: string;
  claims: LeaseClaims | null;
}

export interface LicensingProduct {
  organization: { id: string; code: string; name: string };
  product: { id: string; code: string; name: string };
  asset: { id: string; mode: 'machine' | 'online' | null };
  devices: RegisteredDevice[];
  activation: ActivationSummary | null;
  transfers: TransferBudget;
}
export interface LicensingProducts {
  items: LicensingProduct[];
}

/** RFC 8628 §3.2. */
export interface DeviceCodeResponse {
  device_code: string;
  user_code: string;
  verification_uri: string;
  verification_uri_complete: string;
  expires_in: number;
  interval: number;
}
export interface DeviceTokenResponse {
  access_token: string;
  token_type: 'Bearer';
  expires_in: number;
  scope: string;
}
/** RFC 6749 §5.2 / RFC 8628 §3.5 (status 400). */
export interface OAuthErrorResponse {
  error: string;
  error_description?: string;
}

/** The server's error envelope for 4xx and 5xx answers. */
export interface ErrorBody {
  error: { code: string; message: string; requestId?: string };
}

/** A public key of the server's JWKS (Ed25519 keys are `kty: 'OKP'`, `crv: 'Ed25519'`). */
export interface Jwk {
  kty: string;
  crv?: string;
  x?: string;
  kid?: string;
  alg?: string;
  use?: string;
  [other: string]: unknown;
}
export interface Jwks {
  keys: Jwk[];
}
