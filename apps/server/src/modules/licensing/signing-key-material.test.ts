import { createHash, sign, verify } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  generateSigningKey,
  openPrivateKey,
  publicKeyOf,
  readPublicJwk,
  SigningKeyError,
  sealingKey,
  sealPrivateKey,
} from './signing-key-material.js';

const SECRET = 'a-secret-of-at-least-thirty-two-characters';

describe('lease signing key material', () => {
  it('names a key by its RFC 7638 thumbprint and publishes only its public part', async () => {
    const key = await generateSigningKey();
    // RFC 7638 §3.2: the required members in lexicographic order, no whitespace, SHA-256, base64url.
    const members = JSON.stringify({ crv: 'Ed25519', kty: 'OKP', x: key.publicJwk.x });
    expect(key.kid).toBe(createHash('sha256').update(members).digest('base64url'));
    expect(key.publicJwk).toEqual({
      kty: 'OKP',
      crv: 'Ed25519',
      x: key.publicJwk.x,
      kid: key.kid,
      alg: 'EdDSA',
      use: 'sig',
    });
    expect(Object.keys(key.publicJwk)).not.toContain('d');
  });

  it('seals the private key under SECRET and opens it again to sign', async () => {
    const key = await generateSigningKey();
    const sealed = sealPrivateKey(key.privateKey, key.kid, sealingKey(SECRET));
    const der = key.privateKey.export({ format: 'der', type: 'pkcs8' });
    const d = key.privateKey.export({ format: 'jwk' }).d as string;
    expect(sealed).toMatch(/^v1\.[\w-]+\.[\w-]+$/);
    expect(sealed).not.toContain(d);
    expect(sealed).not.toContain(der.toString('base64url'));

    const opened = openPrivateKey(sealed, key.publicJwk, sealingKey(SECRET));
    const data = Buffer.from('lease');
    expect(verify(null, data, publicKeyOf(key.publicJwk), sign(null, data, opened))).toBe(true);
  });

  it('refuses another SECRET with an error that names SECRET', async () => {
    const key = await generateSigningKey();
    const sealed = sealPrivateKey(key.privateKey, key.kid, sealingKey(SECRET));
    const open = () => openPrivateKey(sealed, key.publicJwk, sealingKey(`${SECRET}-but-another`));
    expect(open).toThrow(SigningKeyError);
    expect(open).toThrow(/SECRET does not decrypt the lease signing key/);
  });

  it('does not open a sealed key moved to another key’s row, nor a changed one', async () => {
    const one = await generateSigningKey();
    const two = await generateSigningKey();
    const sealing = sealingKey(SECRET);
    const sealed = sealPrivateKey(one.privateKey, one.kid, sealing);
    expect(() => openPrivateKey(sealed, two.publicJwk, sealing)).toThrow(SigningKeyError);
    const body = sealed.split('.')[2] as string;
    const flipped = Buffer.from(body, 'base64url');
    flipped[3] = (flipped[3] as number) ^ 1;
    const changed = sealed.replace(body, flipped.toString('base64url'));
    expect(() => openPrivateKey(changed, one.publicJwk, sealing)).toThrow(SigningKeyError);
    expect(() => openPrivateKey('v0.abc.def', one.publicJwk, sealing)).toThrow(/cannot read/);
  });

  it('reads a stored JWK field by field, dropping anything else it holds', async () => {
    const key = await generateSigningKey();
    const stored = JSON.stringify({ ...key.publicJwk, d: 'private', extra: 1 });
    expect(readPublicJwk(stored, key.kid)).toEqual(key.publicJwk);
    expect(() => readPublicJwk(JSON.stringify({ kty: 'EC', crv: 'P-256', x: 'x' }), key.kid)).toThrow(SigningKeyError);
  });
});
