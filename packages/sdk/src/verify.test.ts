import { importJWK, SignJWT } from 'jose';
import { describe, expect, it } from 'vitest';
import { createSigner, ISSUER, leaseClaims } from '../test/fake-server.js';
import { fingerprintHash } from './fingerprint.js';
import {
  createLeaseVerifier,
  createParallelLeaseVerifier,
  decodeLease,
  measureParallelVerification,
  measureVerification,
} from './verify.js';

const signer = createSigner();
const verify = createLeaseVerifier(signer.jwks, { issuer: ISSUER });
const NOW = Date.now();

/** A lease with one part of it replaced by another lease's part. */
function swapPayload(lease: string, claims: Parameters<typeof signer.sign>[0]): string {
  const [header, , signature] = lease.split('.');
  const payload = Buffer.from(JSON.stringify(leaseClaims(claims))).toString('base64url');
  return `${header}.${payload}.${signature}`;
}

describe('offline lease verification', () => {
  it('accepts a lease signed by a published key, for this audience and issuer, not expired', () => {
    const lease = signer.sign({ activation: 'act_good' });
    const result = verify(lease, { now: NOW });
    expect(result.valid).toBe(true);
    expect(result.valid && result.claims.activation).toBe('act_good');
  });

  it('refuses a lease whose payload was changed after signing', () => {
    const lease = signer.sign({ kind: 'online' });
    const tampered = swapPayload(lease, { kind: 'offline', exp: Math.floor(NOW / 1000) + 30 * 86_400 });
    expect(verify(tampered, { now: NOW })).toMatchObject({ valid: false, reason: 'signature' });
  });

  it('refuses a lease signed by another key, even one that claims the published kid', () => {
    const other = createSigner(signer.kid);
    expect(verify(other.sign({}), { now: NOW })).toMatchObject({ valid: false, reason: 'signature' });
    const unknown = createSigner('key-unknown');
    expect(verify(unknown.sign({}), { now: NOW })).toMatchObject({ valid: false, reason: 'unknown-key' });
  });

  it('refuses an expired lease, and accepts it until the second it expires', () => {
    const exp = Math.floor(NOW / 1000) + 60;
    const lease = signer.sign({ exp });
    expect(verify(lease, { now: exp * 1000 - 1 }).valid).toBe(true);
    expect(verify(lease, { now: exp * 1000 })).toMatchObject({ valid: false, reason: 'expired' });
    expect(verify(lease, { now: exp * 1000 + 1, ignoreExpiry: true }).valid).toBe(true);
  });

  it('refuses a lease for another audience or from another issuer', () => {
    const audience = signer.sign({ aud: 'someone-else' as 'portico-license' });
    expect(verify(audience, { now: NOW })).toMatchObject({ valid: false, reason: 'audience' });
    const issuer = signer.sign({ iss: 'https://evil.example' });
    expect(verify(issuer, { now: NOW })).toMatchObject({ valid: false, reason: 'issuer' });
  });

  it('checks the fingerprint hash when one is given', () => {
    const machine = { hostname: 'a'.repeat(64), osInstallId: 'b'.repeat(64) };
    const lease = signer.sign({ fingerprint: fingerprintHash(machine) });
    expect(verify(lease, { now: NOW, fingerprint: machine }).valid).toBe(true);
    expect(verify(lease, { now: NOW, fingerprint: { ...machine, hostname: 'c'.repeat(64) } })).toMatchObject({
      valid: false,
      reason: 'fingerprint',
    });
  });

  it('refuses what is not an EdDSA compact JWS', () => {
    const lease = signer.sign({});
    const [, payload, signature] = lease.split('.');
    const none = `${Buffer.from('{"alg":"none"}').toString('base64url')}.${payload}.${signature}`;
    expect(verify(none, { now: NOW })).toMatchObject({ valid: false, reason: 'malformed' });
    expect(verify('not-a-lease', { now: NOW })).toMatchObject({ valid: false, reason: 'malformed' });
    expect(decodeLease('not-a-lease')).toBeNull();
  });

  it('verifies a lease signed by jose (a standard JWS, as the server may sign it)', async () => {
    const key = await importJWK(
      { ...(signer.privateKey.export({ format: 'jwk' }) as Record<string, string>), alg: 'EdDSA' },
      'EdDSA',
    );
    const claims = leaseClaims({ activation: 'act_jose' });
    const { iss, aud, iat, exp, ...rest } = claims;
    const lease = await new SignJWT(rest)
      .setProtectedHeader({ alg: 'EdDSA', kid: signer.kid, typ: 'JWT' })
      .setIssuer(iss)
      .setAudience(aud)
      .setIssuedAt(iat)
      .setExpirationTime(exp)
      .sign(key);
    expect(verify(lease, { now: NOW })).toMatchObject({ valid: true, claims: { activation: 'act_jose' } });
  });

  it('measures its own rate for the benchmark (and fails loudly on a lease that does not verify)', () => {
    const leases = [signer.sign({}), signer.sign({ activation: 'act_2' })];
    const measured = measureVerification(verify, leases, { durationMs: 20, now: NOW });
    expect(measured.verified).toBeGreaterThan(0);
    expect(() => measureVerification(verify, ['x.y.z'], { durationMs: 5, now: NOW })).toThrow(/did not verify/);
  });

  it('gives the same verdicts through the parallel (thread pool) verifier', async () => {
    const parallel = await createParallelLeaseVerifier(signer.jwks, { issuer: ISSUER });
    const good = signer.sign({ activation: 'act_parallel' });
    const verdicts = await Promise.all([
      parallel(good, { now: NOW }),
      parallel(swapPayload(good, { activation: 'act_other' }), { now: NOW }),
      parallel(createSigner(signer.kid).sign({}), { now: NOW }),
      parallel(signer.sign({ exp: Math.floor(NOW / 1000) - 1 }), { now: NOW }),
      parallel(signer.sign({ aud: 'x' as 'portico-license' }), { now: NOW }),
    ]);
    expect(verdicts.map((v) => (v.valid ? 'valid' : v.reason))).toEqual([
      'valid',
      'signature',
      'signature',
      'expired',
      'audience',
    ]);
    const measured = await measureParallelVerification(parallel, [good], { durationMs: 20, now: NOW, concurrency: 4 });
    expect(measured.verified).toBeGreaterThan(0);
  });
});
