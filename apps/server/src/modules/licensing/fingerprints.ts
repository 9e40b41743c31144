import { createHash } from 'node:crypto';
import type { Fingerprint } from '@portico/contracts';

/** A machine's fingerprint as components (name → value); the SDK sends each value already hashed. */
export type Components = Readonly<Record<string, string>>;

/** A fingerprint given as one string is a fingerprint of one component. */
export function componentsOf(fingerprint: Fingerprint): Components {
  return typeof fingerprint === 'string' ? { id: fingerprint } : fingerprint;
}

/**
 * SHA-256 (hex) of the components as canonical JSON (keys sorted): the lease's `fingerprint` claim. The SDK computes
 * the same (docs/sdk.md), so an application can check that a lease was issued to the machine it runs on.
 */
export function fingerprintHash(components: Components): string {
  const sorted = Object.fromEntries(Object.entries(components).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
  return createHash('sha256').update(JSON.stringify(sorted)).digest('hex');
}

/**
 * Whether two fingerprints are the same machine: more than half of the components both report are equal. With the
 * SDK's four (hostname, OS install id, MAC, CPU), a renamed host or a VM resumed with a new MAC is still the same
 * device (3 of 4), while a different machine matches on at most the CPU model. Components one side lacks (an older
 * SDK, a component unavailable on a platform) neither count for nor against.
 */
export function sameMachine(a: Components, b: Components): boolean {
  const common = Object.keys(a).filter((key) => key in b);
  if (common.length === 0) return false;
  const equal = common.filter((key) => a[key] === b[key]).length;
  return equal * 2 > common.length;
}

export function parseComponents(json: string): Components {
  return JSON.parse(json) as Components;
}
