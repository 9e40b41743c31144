import {
  createCipheriv,
  createDecipheriv,
  createPrivateKey,
  createPublicKey,
  generateKeyPairSync,
  hkdfSync,
  type KeyObject,
  randomBytes,
} from 'node:crypto';
import { calculateJwkThumbprint } from 'jose';
import { LEASE_ALGORITHM } from './lease-codec.js';

// The lease signing keys' material: Ed25519 pairs, their kid, and the private key sealed under SECRET so that a
// copy of the database alone cannot sign (docs/adr/0012).

/** What the JWKS publishes of a key: its public part only. */
export type PublicJwk = {
  kty: 'OKP';
  crv: 'Ed25519';
  x: string;
  kid: string;
  alg: typeof LEASE_ALGORITHM;
  use: 'sig';
};

export interface NewSigningKey {
  kid: string;
  publicJwk: PublicJwk;
  privateKey: KeyObject;
  publicKey: KeyObject;
}

/** A key's row could not be used with this SECRET; the message names SECRET and what to do (start-up maps it). */
export class SigningKeyError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SigningKeyError';
  }
}

const HKDF_INFO = 'portico lease signing key';
const SEALED_VERSION = 'v1';
const IV_BYTES = 12;
const TAG_BYTES = 16;

/** The AES-256-GCM key that seals private keys, derived from SECRET (HKDF-SHA256; SECRET has ≥ 256 bits already). */
export function sealingKey(secret: string): Buffer {
  return Buffer.from(hkdfSync('sha256', secret, Buffer.alloc(0), HKDF_INFO, 32));
}

/** kid = the key's RFC 7638 thumbprint (SHA-256, base64url): the same key always has the same kid. */
export async function generateSigningKey(): Promise<NewSigningKey> {
  const { publicKey, privateKey } = generateKeyPairSync('ed25519');
  const { x } = publicKey.export({ format: 'jwk' });
  if (typeof x !== 'string') throw new Error('node:crypto exported an Ed25519 key without x');
  const kid = await calculateJwkThumbprint({ kty: 'OKP', crv: 'Ed25519', x }, 'sha256');
  return { kid, publicJwk: publicJwkOf(x, kid), privateKey, publicKey };
}

function publicJwkOf(x: string, kid: string): PublicJwk {
  return { kty: 'OKP', crv: 'Ed25519', x, kid, alg: LEASE_ALGORITHM, use: 'sig' };
}

/** The stored JWK read back field by field: whatever else the column might hold is never published. */
export function readPublicJwk(json: string, kid: string): PublicJwk {
  const value = JSON.parse(json) as Partial<PublicJwk>;
  if (value.kty !== 'OKP' || value.crv !== 'Ed25519' || typeof value.x !== 'string')
    throw new SigningKeyError(`The public key of lease signing key ${kid} in the database is not an Ed25519 JWK`);
  return publicJwkOf(value.x, kid);
}

export function publicKeyOf(jwk: PublicJwk): KeyObject {
  return createPublicKey({ key: { kty: jwk.kty, crv: jwk.crv, x: jwk.x }, format: 'jwk' });
}

/**
 * `v1.<iv>.<ciphertext+tag>` (base64url) of the PKCS#8 DER. The kid is the additional data, so a sealed key moved
 * to another row does not open.
 */
export function sealPrivateKey(privateKey: KeyObject, kid: string, key: Buffer): string {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  cipher.setAAD(Buffer.from(kid));
  const der = privateKey.export({ format: 'der', type: 'pkcs8' });
  const sealed = Buffer.concat([cipher.update(der), cipher.final(), cipher.getAuthTag()]);
  return `${SEALED_VERSION}.${iv.toString('base64url')}.${sealed.toString('base64url')}`;
}

/**
 * The private key, checked against the published public key. A wrong SECRET fails GCM's authentication: the
 * error says so instead of signing with nothing.
 */
export function openPrivateKey(sealed: string, jwk: PublicJwk, key: Buffer): KeyObject {
  const [version, iv, body] = sealed.split('.');
  if (version !== SEALED_VERSION || !iv || !body)
    throw new SigningKeyError(`Lease signing key ${jwk.kid} is stored in a form this version cannot read`);
  const bytes = Buffer.from(body, 'base64url');
  let der: Buffer;
  try {
    const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64url'));
    decipher.setAAD(Buffer.from(jwk.kid));
    decipher.setAuthTag(bytes.subarray(bytes.length - TAG_BYTES));
    der = Buffer.concat([decipher.update(bytes.subarray(0, bytes.length - TAG_BYTES)), decipher.final()]);
  } catch {
    throw new SigningKeyError(
      `SECRET does not decrypt the lease signing key ${jwk.kid}: SECRET is not the one this database's keys were ` +
        'made with. Start Portico with that SECRET. If it is lost, run `portico keys rotate --force` with the new ' +
        'SECRET (leases already issued stay verifiable; sessions signed with the old SECRET end).',
    );
  }
  const privateKey = createPrivateKey({ key: der, format: 'der', type: 'pkcs8' });
  if (createPublicKey(privateKey).export({ format: 'jwk' }).x !== jwk.x)
    throw new SigningKeyError(`Lease signing key ${jwk.kid} is damaged: its private key does not match its public key`);
  return privateKey;
}
