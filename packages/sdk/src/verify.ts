import { createPublicKey, type KeyObject, verify as verifySignature, webcrypto } from 'node:crypto';
import { fingerprintHash } from './fingerprint.js';
import { type Fingerprint, type Jwks, LEASE_AUDIENCE, type LeaseClaims } from './types.js';

export type LeaseRejection =
  | 'malformed'
  | 'unknown-key'
  | 'signature'
  | 'audience'
  | 'issuer'
  | 'expired'
  | 'fingerprint';

export type LeaseVerification =
  | { valid: true; claims: LeaseClaims }
  | { valid: false; reason: LeaseRejection; message: string; claims: LeaseClaims | null };

export interface VerifyOptions {
  /** Milliseconds since the epoch (default Date.now()). */
  now?: number;
  /** This machine's fingerprint (components or string): the lease's `fingerprint` claim must be its hash. */
  fingerprint?: Fingerprint;
  /** The same, already hashed (fingerprintHash). */
  fingerprintHash?: string;
  /** Check everything but the expiry (the license rules judge expiry themselves, with outage grace). */
  ignoreExpiry?: boolean;
}

export type LeaseVerifier = (lease: string, options?: VerifyOptions) => LeaseVerification;

/** How many verified signatures a verifier remembers (an application re-checks the few leases it holds). */
const SIGNATURE_CACHE_SIZE = 256;

/** The JWKS's Ed25519 keys by kid, imported once (importing is as costly as a verification). */
function importKeys(jwks: Jwks): Map<string, KeyObject> {
  const keys = new Map<string, KeyObject>();
  for (const jwk of jwks.keys ?? []) {
    if (jwk.kty !== 'OKP' || jwk.crv !== 'Ed25519' || typeof jwk.x !== 'string') continue;
    if (jwk.use !== undefined && jwk.use !== 'sig') continue;
    const { kty, crv, x } = jwk;
    keys.set(jwk.kid ?? '', createPublicKey({ key: { kty, crv, x }, format: 'jwk' }));
  }
  return keys;
}

const reject = (reason: LeaseRejection, message: string, claims: LeaseClaims | null = null): LeaseVerification => ({
  valid: false,
  reason,
  message,
  claims,
});

function decodeJson(part: string): any {
  try {
    return JSON.parse(Buffer.from(part, 'base64url').toString('utf8'));
  } catch {
    return null;
  }
}

function looksLikeClaims(value: any): value is LeaseClaims {
  return (
    value !== null &&
    typeof value === 'object' &&
    typeof value.iss === 'string' &&
    typeof value.exp === 'number' &&
    typeof value.activation === 'string' &&
    typeof value.fingerprint === 'string'
  );
}

interface ParsedLease {
  kid: string;
  input: Buffer;
  signature: Buffer;
  payloadPart: string;
}

function parse(lease: string): ParsedLease | LeaseVerification {
  const parts = lease.split('.');
  if (parts.length !== 3) return reject('malformed', 'The lease is not a compact JWS');
  const [headerPart, payloadPart, signaturePart] = parts as [string, string, string];
  const header = decodeJson(headerPart);
  if (header?.alg !== 'EdDSA' && header?.alg !== 'Ed25519') return reject('malformed', 'The lease is not EdDSA');
  return {
    kid: typeof header.kid === 'string' ? header.kid : '',
    input: Buffer.from(`${headerPart}.${payloadPart}`, 'ascii'),
    signature: Buffer.from(signaturePart, 'base64url'),
    payloadPart,
  };
}

/** The key a lease names (a key set of one key without kid serves leases without kid). */
function keyFor<K>(keys: Map<string, K>, kid: string): K | LeaseVerification {
  const key = keys.get(kid) ?? (keys.size === 1 && kid === '' ? keys.values().next().value : undefined);
  return key ?? reject('unknown-key', `The lease is signed by an unknown key (${kid || 'no kid'})`);
}

/**
 * Signatures already verified, remembered by the exact lease text: a signature over the same bytes by the same key
 * cannot become wrong, and Ed25519 verification is the whole cost of a check (~7,000/s a core here), while an
 * application re-checks the same lease many times. Bounded; the oldest entry leaves first.
 */
class VerifiedLeases {
  private readonly entries = new Map<string, LeaseClaims>();
  get(lease: string): LeaseClaims | undefined {
    return this.entries.get(lease);
  }
  /** The claims of a lease whose signature just verified, or the reason they are unusable. */
  remember(lease: string, payloadPart: string): LeaseClaims | LeaseVerification {
    const claims = decodeJson(payloadPart);
    if (!looksLikeClaims(claims)) return reject('malformed', 'The lease claims are incomplete');
    Object.freeze(claims);
    if (this.entries.size >= SIGNATURE_CACHE_SIZE) this.entries.delete(this.entries.keys().next().value as string);
    this.entries.set(lease, claims);
    return claims;
  }
}

const badSignature = () => reject('signature', 'The lease signature does not verify');

type IssuerOptions = { issuer: string; audience?: string };

/** Everything but the signature: audience, issuer, fingerprint, expiry. */
function checkClaims(claims: LeaseClaims, options: IssuerOptions, check: VerifyOptions): LeaseVerification {
  const audience = options.audience ?? LEASE_AUDIENCE;
  const aud = claims.aud as unknown;
  if (aud !== audience && !(Array.isArray(aud) && aud.includes(audience))) {
    return reject('audience', `The lease is not for ${audience}`, claims);
  }
  if (claims.iss !== options.issuer) return reject('issuer', `The lease was issued by ${claims.iss}`, claims);
  const expected = check.fingerprintHash ?? (check.fingerprint ? fingerprintHash(check.fingerprint) : null);
  if (expected !== null && claims.fingerprint !== expected) {
    return reject('fingerprint', 'The lease was issued to another machine', claims);
  }
  if (!check.ignoreExpiry && (check.now ?? Date.now()) >= claims.exp * 1000) {
    return reject('expired', `The lease expired at ${new Date(claims.exp * 1000).toISOString()}`, claims);
  }
  return { valid: true, claims };
}

/**
 * An offline lease verifier for one key set and issuer (the server's URL): signature, audience `portico-license`,
 * issuer, expiry and, when given, the machine's fingerprint hash. Synchronous, keys imported once.
 */
export function createLeaseVerifier(jwks: Jwks, options: IssuerOptions): LeaseVerifier {
  const keys = importKeys(jwks);
  const verified = new VerifiedLeases();
  return (lease, check = {}) => {
    let claims = verified.get(lease);
    if (!claims) {
      const parsed = parse(lease);
      if ('valid' in parsed) return parsed;
      const key = keyFor(keys, parsed.kid);
      if ('valid' in key) return key;
      if (!verifySignature(null, parsed.input, key, parsed.signature)) return badSignature();
      const remembered = verified.remember(lease, parsed.payloadPart);
      if ('valid' in remembered) return remembered;
      claims = remembered;
    }
    return checkClaims(claims, options, check);
  };
}

export type ParallelLeaseVerifier = (lease: string, options?: VerifyOptions) => Promise<LeaseVerification>;

/**
 * The same checks, with the signature verified by WebCrypto on libuv's thread pool: concurrent calls (many leases
 * at once, as a publisher's back office may check them) use every core instead of one.
 */
export async function createParallelLeaseVerifier(jwks: Jwks, options: IssuerOptions): Promise<ParallelLeaseVerifier> {
  const keys = new Map<string, webcrypto.CryptoKey>();
  for (const [kid, key] of importKeys(jwks)) {
    const jwk = key.export({ format: 'jwk' });
    keys.set(kid, await webcrypto.subtle.importKey('jwk', jwk, { name: 'Ed25519' }, false, ['verify']));
  }
  const verified = new VerifiedLeases();
  return async (lease, check = {}) => {
    let claims = verified.get(lease);
    if (!claims) {
      const parsed = parse(lease);
      if ('valid' in parsed) return parsed;
      const key = keyFor(keys, parsed.kid);
      if ('valid' in key) return key;
      if (!(await webcrypto.subtle.verify({ name: 'Ed25519' }, key, parsed.signature, parsed.input))) {
        return badSignature();
      }
      const remembered = verified.remember(lease, parsed.payloadPart);
      if ('valid' in remembered) return remembered;
      claims = remembered;
    }
    return checkClaims(claims, options, check);
  };
}

/** Reads a lease's claims without verifying anything (for display); null when it is not a JWS. */
export function decodeLease(lease: string): LeaseClaims | null {
  const payload = lease.split('.')[1];
  const claims = payload === undefined ? null : decodeJson(payload);
  return looksLikeClaims(claims) ? claims : null;
}

/**
 * Verifies `leases` round-robin for `durationMs` and answers the rate: what bench/scenarios/75-sdk-verify.mjs
 * prints. Throws when a lease does not verify (a benchmark of failures would measure nothing).
 */
export function measureVerification(
  verify: LeaseVerifier,
  leases: string[],
  options: { durationMs: number; now?: number },
): { leasesPerSecond: number; verified: number; seconds: number } {
  const started = performance.now();
  const deadline = started + options.durationMs;
  let verified = 0;
  while (performance.now() < deadline) {
    // Batches of 100 between clock readings, so reading the clock is not what is measured.
    for (let i = 0; i < 100; i++) {
      const result = verify(leases[verified % leases.length]!, { now: options.now });
      if (!result.valid) throw new Error(`a lease did not verify: ${result.message}`);
      verified++;
    }
  }
  const seconds = (performance.now() - started) / 1000;
  return { leasesPerSecond: verified / seconds, verified, seconds };
}

/** measureVerification for the parallel verifier: `concurrency` verifications in flight at a time. */
export async function measureParallelVerification(
  verify: ParallelLeaseVerifier,
  leases: string[],
  options: { durationMs: number; now?: number; concurrency?: number },
): Promise<{ leasesPerSecond: number; verified: number; seconds: number }> {
  const concurrency = options.concurrency ?? 64;
  const started = performance.now();
  const deadline = started + options.durationMs;
  let verified = 0;
  const worker = async () => {
    while (performance.now() < deadline) {
      const result = await verify(leases[verified++ % leases.length]!, { now: options.now });
      if (!result.valid) throw new Error(`a lease did not verify: ${result.message}`);
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  const seconds = (performance.now() - started) / 1000;
  return { leasesPerSecond: verified / seconds, verified, seconds };
}
