// @portico/sdk: the licensing client a publisher embeds in its desktop applications (docs/sdk.md).

export type { LicenseResult } from './client.js';
export { LicensingClient } from './client.js';
export type { LicensingClientOptions } from './core.js';
export type { SignIn, SignInRequest } from './device-flow.js';
export { SLOW_DOWN_STEP_SECONDS } from './device-flow.js';
export {
  NotSignedInError,
  PorticoLicenseError,
  RequestError,
  SignInError,
  UnreachableError,
} from './errors.js';
export type { MachineIdentity } from './fingerprint.js';
export { canonicalFingerprint, fingerprintHash, machineFingerprint } from './fingerprint.js';
export type { LicenseStatus, StatusCode } from './license-state.js';
export { CLOCK_ROLLBACK_TOLERANCE_MS, evaluateLicense, OUTAGE_GRACE_MS } from './license-state.js';
export type { ActivationRecord, LicenseStore, PendingSignIn, StoredState, StoredToken } from './store.js';
export { emptyState, FileStore, MemoryStore } from './store.js';
export * from './types.js';
export type {
  LeaseRejection,
  LeaseVerification,
  LeaseVerifier,
  ParallelLeaseVerifier,
  VerifyOptions,
} from './verify.js';
export {
  createLeaseVerifier,
  createParallelLeaseVerifier,
  decodeLease,
  measureParallelVerification,
  measureVerification,
} from './verify.js';
export { SDK_VERSION } from './version.js';
