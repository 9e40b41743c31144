import { LEASE_AUDIENCE, LeaseClaims } from '@portico/contracts';
import type { DatabaseHandle, DB } from '../../db/database.js';
import type { Deps } from '../../deps.js';
import { type Actor, SYSTEM_ACTOR } from '../../lib/actor.js';
import { toIsoString } from '../../lib/time.js';
import { recordAudit } from '../audit/audit.writer.js';
import { decodePayload, signCompact, splitCompact, verifyCompact } from './lease-codec.js';
import type { LeaseCheck, LeaseKeys, LeaseSigner, RotatedKey } from './lease-keys.js';
import { createLeaseValidator } from './leases.service.js';
import {
  generateSigningKey,
  openPrivateKey,
  readPublicJwk,
  SigningKeyError,
  sealingKey,
  sealPrivateKey,
} from './signing-key-material.js';
import { KeyRing } from './signing-key-ring.js';
import {
  allSigningKeys,
  currentSigningKey,
  insertSigningKey,
  lockRotations,
  publishedSigningKeys,
  retireSigningKeys,
  type SigningKeyRow,
} from './signing-keys.repository.js';

export type { LeaseKeys, RotatedKey } from './lease-keys.js';
export { SigningKeyError } from './signing-key-material.js';

// Lease signing (SPEC §2.5, docs/adr/0012): Ed25519 keys kept in the database, sealed under SECRET, so every
// instance on one database signs with the same key; compact JWS leases; the JWKS; rotation.

export interface LeaseSignerOptions {
  secret: string;
  /** PUBLIC_URL: every lease's `iss`. */
  issuer: string;
  /** OFFLINE_LEASE_MAX and LEASE_TTL: together the longest a lease can live, so how long a retired key stays published. */
  offlineLeaseMaxMs: number;
  leaseTtlMs: number;
}

/** A retired key stays published while a lease it signed can still be valid. */
export function publishWindowMs(options: Pick<LeaseSignerOptions, 'offlineLeaseMaxMs' | 'leaseTtlMs'>): number {
  return options.offlineLeaseMaxMs + options.leaseTtlMs;
}

/**
 * Leases verified before, by their exact text (bounded, least recently used out): a lease is checked again and
 * again while it lives, and an Ed25519 verification costs ≈ 140 µs here, most of a validate request (ADR 0012).
 * Only good signatures are kept; expiry is checked on every use.
 */
const VERIFIED_CACHE_SIZE = 4096;

/** Leases whose `exp` is this far past the longest lease are refused: the JWKS would drop their key too soon. */
const EXP_SLACK_SECONDS = 60;

/**
 * verify(): the signature by a published key, the claims (a lease of this issuer), then expiry against `now`. A
 * lease's good signature is remembered (VERIFIED_CACHE_SIZE), so checking the same lease again costs a lookup.
 */
function createVerifier(ring: KeyRing, issuer: string): LeaseSigner['verify'] {
  const verified = new Map<string, LeaseClaims>();

  async function checkSignature(lease: string, now: Date): Promise<LeaseCheck> {
    const split = splitCompact(lease);
    if (!split.ok) return split;
    const publicKey = await ring.publicKey(split.parts.kid, now);
    if (!publicKey || !verifyCompact(split.parts, publicKey)) return { ok: false, reason: 'signature' };
    const claims = LeaseClaims.safeParse(decodePayload(split.parts));
    if (!claims.success || claims.data.iss !== issuer) return { ok: false, reason: 'malformed' };
    return { ok: true, claims: claims.data };
  }

  return async (lease, now) => {
    let claims = verified.get(lease);
    // Delete and set again: a Map iterates in insertion order, so the first key is the least recently used.
    if (claims) verified.delete(lease);
    else {
      const checked = await checkSignature(lease, now);
      if (!checked.ok) return checked;
      claims = checked.claims;
      if (verified.size >= VERIFIED_CACHE_SIZE) verified.delete(verified.keys().next().value as string);
    }
    verified.set(lease, claims);
    return claims.exp * 1000 > now.getTime() ? { ok: true, claims } : { ok: false, reason: 'expired' };
  };
}

/** The instance's signer; keys are read (and the first one made) on first use, or by `ready`. */
export function createLeaseSigner(handle: DatabaseHandle, options: LeaseSignerOptions): LeaseKeys {
  const sealing = sealingKey(options.secret);
  const windowMs = publishWindowMs(options);
  const ring = new KeyRing(handle, sealing, windowMs);

  const signer: Pick<LeaseKeys, 'sign' | 'verify' | 'jwks'> = {
    async sign(claims, now) {
      const key = await ring.signingKey(now);
      const iat = Math.floor(now.getTime() / 1000);
      if (claims.exp > iat + windowMs / 1000 + EXP_SLACK_SECONDS)
        throw new Error(`A lease may live at most OFFLINE_LEASE_MAX + LEASE_TTL; exp ${claims.exp} is later`);
      // Issuer, audience and issued-at last: the signer's, whatever the claims object carries.
      return signCompact(key.header, { ...claims, iss: options.issuer, aud: LEASE_AUDIENCE, iat }, key.privateKey);
    },

    verify: createVerifier(ring, options.issuer),

    async jwks(now) {
      const rows = await publishedSigningKeys(handle.db, new Date(now.getTime() - windowMs));
      return { keys: rows.map((row) => readPublicJwk(row.public_jwk, row.kid)) };
    },
  };

  const keys: LeaseKeys = {
    ...signer,
    validate: createLeaseValidator(handle, signer),
    async currentKey(now) {
      const { kid, generation } = await ring.signingKey(now);
      return { kid, generation };
    },
    async rotate(now, actor = SYSTEM_ACTOR) {
      const { row, previousKid } = await rotateKey(handle.db, actor, sealing, now);
      ring.install(row, now);
      return { kid: row.kid, generation: Number(row.generation), previousKid };
    },
    async ready(now) {
      await ring.signingKey(now);
      return keys;
    },
  };
  return keys;
}

/** Another instance inserted the same generation first: rotate again on top of its key. */
class RotationRaced extends Error {}

async function rotateKey(db: DB, actor: Actor, sealing: Buffer, now: Date) {
  for (let attempt = 1; ; attempt++) {
    try {
      return await rotateOnce(db, actor, sealing, now);
    } catch (error) {
      if (!(error instanceof RotationRaced) || attempt >= 3) throw error;
    }
  }
}

async function rotateOnce(db: DB, actor: Actor, sealing: Buffer, now: Date) {
  return db.transaction().execute(async (trx) => {
    // First the rotations' lock: a concurrent rotation waits, then builds on this one's key.
    await lockRotations(trx, now);
    await retireSigningKeys(trx, 'all', now);
    const previous = await currentSigningKey(trx);
    const generation = (previous ? Number(previous.generation) : 0) + 1;
    const key = await generateSigningKey();
    const row: SigningKeyRow = {
      kid: key.kid,
      generation,
      public_jwk: JSON.stringify(key.publicJwk),
      private_key: sealPrivateKey(key.privateKey, key.kid, sealing),
      created_at: now,
      retired_at: null,
    };
    const { kid, public_jwk: publicJwk, private_key: sealedPrivateKey } = row;
    if (!(await insertSigningKey(trx, { kid, generation, publicJwk, sealedPrivateKey, at: now })))
      throw new RotationRaced();
    // A rotation that committed between our lock and our read left its key unretired (PostgreSQL, read committed).
    await retireSigningKeys(trx, { generation }, now);
    await recordAudit(
      trx,
      actor,
      {
        action: 'signing_key.rotated',
        targetType: 'signing_key',
        targetId: key.kid,
        ...(previous ? { before: { kid: previous.kid, generation: Number(previous.generation) } } : {}),
        after: { kid: key.kid, generation },
      },
      now,
    );
    return { row, previousKid: previous?.kid ?? null };
  });
}

/**
 * `portico keys rotate`: a new key signs from now on (every instance within a minute); the old one stays published
 * until its leases have expired. Refused when SECRET does not open the current key — the servers would then fail
 * to open the new one — unless `force` (SECRET was lost and the servers now run with this one).
 */
export async function rotateSigningKey(
  deps: Deps<'db' | 'clock'>,
  actor: Actor,
  options: { secret: string; force?: boolean },
): Promise<RotatedKey> {
  const sealing = sealingKey(options.secret);
  const current = await currentSigningKey(deps.db);
  if (current && !options.force) {
    try {
      openPrivateKey(current.private_key, readPublicJwk(current.public_jwk, current.kid), sealing);
    } catch (error) {
      if (error instanceof SigningKeyError) throw new SigningKeyError(`Not rotated. ${error.message}`);
      throw error;
    }
  }
  const { row, previousKid } = await rotateKey(deps.db, actor, sealing, deps.clock.now());
  return { kid: row.kid, generation: Number(row.generation), previousKid };
}

export interface SigningKeySummary {
  kid: string;
  generation: number;
  createdAt: string;
  retiredAt: string | null;
  /** signing: the current key; published: retired, still in the JWKS; withdrawn: no longer published. */
  state: 'signing' | 'published' | 'withdrawn';
  /** When a retired key leaves the JWKS (every lease it signed has expired by then). */
  publishedUntil: string | null;
}

/** `portico keys list`: every key, newest first, and whether the JWKS still publishes it. */
export async function listSigningKeys(
  deps: Deps<'db' | 'clock'>,
  options: Pick<LeaseSignerOptions, 'offlineLeaseMaxMs' | 'leaseTtlMs'>,
): Promise<SigningKeySummary[]> {
  const now = deps.clock.now().getTime();
  const rows = await allSigningKeys(deps.db);
  return rows.map((row, index) => {
    const retiredAt = row.retired_at === null ? null : new Date(toIsoString(row.retired_at));
    const until = retiredAt ? new Date(retiredAt.getTime() + publishWindowMs(options)) : null;
    const state = index === 0 ? 'signing' : until && until.getTime() > now ? 'published' : 'withdrawn';
    return {
      kid: row.kid,
      generation: Number(row.generation),
      createdAt: toIsoString(row.created_at),
      retiredAt: retiredAt?.toISOString() ?? null,
      state,
      publishedUntil: until?.toISOString() ?? null,
    };
  });
}
