import { generateKeyPairSync, sign } from 'node:crypto';
import type { DatabaseHandle } from '../../db/database.js';
import type { LeaseSigner } from '../../deps.js';

/** STUB (being written): an in-memory key until the database-kept keys land. */
export function createLeaseSigner(_handle: DatabaseHandle, options: { secret: string; issuer: string }): LeaseSigner {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  const kid = 'stub';
  const header = Buffer.from(JSON.stringify({ alg: 'EdDSA', kid, typ: 'JWT' })).toString('base64url');
  return {
    async sign(claims, now) {
      const body = { iss: options.issuer, aud: 'portico-license', iat: Math.floor(now.getTime() / 1000), ...claims };
      const payload = Buffer.from(JSON.stringify(body)).toString('base64url');
      const signature = sign(null, Buffer.from(`${header}.${payload}`), privateKey).toString('base64url');
      return `${header}.${payload}.${signature}`;
    },
    async verify() {
      return { ok: false, reason: 'malformed' };
    },
    async jwks() {
      return { keys: [{ ...publicKey.export({ format: 'jwk' }), kid, alg: 'EdDSA', use: 'sig' }] };
    },
  };
}
