import type { LeaseClaims, ValidateAnswer } from '@portico/contracts';
import type { Actor } from '../../lib/actor.js';
import type { PublicJwk } from './signing-key-material.js';

// What the rest of the server knows of lease signing (`deps.leases`), apart from how signing-keys.service.ts does it.

/** A lease as signed: the claims the server chooses; issuer, audience and issued-at are added by the signer. */
export type LeaseToSign = Omit<LeaseClaims, 'iss' | 'aud' | 'iat'>;

export type LeaseCheck =
  | { ok: true; claims: LeaseClaims }
  | { ok: false; reason: 'malformed' | 'signature' | 'expired' };

/**
 * Signs and verifies leases (SPEC §2.5) with the instance's Ed25519 keys, kept in the database so that every
 * instance on one database signs with the same key (built by the licensing module).
 */
export interface LeaseSigner {
  sign(claims: LeaseToSign, now: Date): Promise<string>;
  /** Signature by a published key, issuer, audience and expiry (against `now`). */
  verify(lease: string, now: Date): Promise<LeaseCheck>;
  /** The public keys that verify leases still in circulation: the current one and those before it. */
  jwks(now: Date): Promise<{ keys: Record<string, unknown>[] }>;
}

/** What `deps.leases` is: a LeaseSigner that also validates leases against their activation, and rotates. */
export interface LeaseKeys extends LeaseSigner {
  jwks(now: Date): Promise<{ keys: PublicJwk[] }>;
  /** The validate endpoint's answer (SPEC §4.3): the signature, then the activation's state (one prepared read). */
  validate(lease: string, now: Date): Promise<ValidateAnswer>;
  rotate(now: Date, actor?: Actor): Promise<RotatedKey>;
  /** The key that signs now (read, or the first one made, when a minute old). */
  currentKey(now: Date): Promise<{ kid: string; generation: number }>;
  /**
   * This signer once its key is read (or the first one made), before the server takes requests: a SECRET that does
   * not open the keys then stops start-up with a SigningKeyError naming SECRET, instead of failing activations.
   */
  ready(now: Date): Promise<LeaseKeys>;
}

export interface RotatedKey {
  kid: string;
  generation: number;
  /** The key it replaced; null when it is the first. */
  previousKid: string | null;
}
