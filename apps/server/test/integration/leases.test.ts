import { generateKeyPairSync } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import {
  CompactSign,
  createLocalJWKSet,
  createRemoteJWKSet,
  type JWTVerifyGetKey,
  jwtVerify,
  SignJWT,
  UnsecuredJWT,
} from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLeaseSigner } from '../../src/modules/licensing/signing-keys.service.js';
import { createTestApp, type TestApp } from '../helpers/test-app.js';
import {
  claimsFor,
  insertActivation,
  jwks,
  kidOf,
  type LeaseWorld,
  leaseKeys,
  leaseWorld,
  validate,
} from './leases.fixtures.js';

/**
 * Leases (SPEC §2.5, §4.3): what the server signs verifies with `jose`, a library we did not write, against the
 * JWKS the server publishes over HTTP; `POST /api/v1/licensing/validate` refuses every forgery and answers the
 * activation's state.
 */
let t: TestApp;
let world: LeaseWorld;
let remote: JWTVerifyGetKey;

const sign = (activationId: string, options: Parameters<typeof claimsFor>[3] = {}) =>
  leaseKeys(t).sign(claimsFor(t, world, activationId, options), t.clock.now());

/** jose's verdict on a lease, checked as a client would: issuer, audience, EdDSA only, the test clock's time. */
function joseVerify(lease: string, keys: JWTVerifyGetKey = remote) {
  return jwtVerify(lease, keys, {
    issuer: t.config.publicUrl,
    audience: 'portico-license',
    algorithms: ['EdDSA'],
    currentDate: t.clock.now(),
  });
}

beforeAll(async () => {
  t = await createTestApp();
  world = await leaseWorld(t);
  await t.app.listen({ port: 0, host: '127.0.0.1' });
  const { port } = t.app.server.address() as AddressInfo;
  remote = createRemoteJWKSet(new URL(`http://127.0.0.1:${port}/.well-known/jwks.json`));
});

afterAll(async () => {
  await t?.close();
});

describe('GET /.well-known/jwks.json', () => {
  it('publishes the current Ed25519 key, public parts only, cacheable for five minutes', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/.well-known/jwks.json' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['cache-control']).toBe('public, max-age=300');
    const { keys } = res.json();
    const current = await leaseKeys(t).currentKey(t.clock.now());
    expect(keys).toEqual([
      { kty: 'OKP', crv: 'Ed25519', x: expect.any(String), kid: current.kid, alg: 'EdDSA', use: 'sig' },
    ]);
    expect(res.body).not.toMatch(/"d"/);
  });
});

describe('a lease the server signs', () => {
  it('verifies with jose against the JWKS fetched over HTTP, and against a local copy of it', async () => {
    const activation = await insertActivation(t, world);
    const lease = await sign(activation);
    const { payload, protectedHeader } = await joseVerify(lease);
    expect(protectedHeader).toEqual({ alg: 'EdDSA', kid: (await jwks(t)).keys[0]?.kid, typ: 'JWT' });
    expect(payload).toEqual({
      ...claimsFor(t, world, activation),
      iss: t.config.publicUrl,
      aud: 'portico-license',
      iat: Math.floor(t.clock.now().getTime() / 1000),
    });
    await expect(joseVerify(lease, createLocalJWKSet(await jwks(t)))).resolves.toBeTruthy();
  });

  it('is VALID at validate, with its claims', async () => {
    const activation = await insertActivation(t, world);
    const lease = await sign(activation);
    const answer = await validate(t, lease);
    expect(answer).toMatchObject({ valid: true, code: 'VALID', claims: { activation, kind: 'online' } });
    expect(answer.message).toMatch(/valid/);
  });
});

describe('forgeries and damaged leases', () => {
  it('a changed payload: INVALID_LEASE, and jose refuses its signature', async () => {
    const lease = await sign(await insertActivation(t, world));
    const [header, payload, signature] = lease.split('.') as [string, string, string];
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString());
    const longer = Buffer.from(JSON.stringify({ ...claims, exp: claims.exp + 86_400 })).toString('base64url');
    const forged = `${header}.${longer}.${signature}`;
    expect(await validate(t, forged)).toMatchObject({ valid: false, code: 'INVALID_LEASE', claims: null });
    await expect(joseVerify(forged)).rejects.toMatchObject({ code: 'ERR_JWS_SIGNATURE_VERIFICATION_FAILED' });
  });

  it('a lease past its exp: EXPIRED, and jose says expired', async () => {
    const lease = await sign(await insertActivation(t, world), { seconds: 60 });
    // Validated while good (its signature is then remembered), it still expires at its exp.
    expect((await validate(t, lease)).code).toBe('VALID');
    t.clock.advance(61_000);
    expect(await validate(t, lease)).toMatchObject({ valid: false, code: 'EXPIRED', claims: null });
    await expect(joseVerify(lease)).rejects.toMatchObject({ code: 'ERR_JWT_EXPIRED' });
  });

  it('a lease signed by a key the server never had, under its own kid or under ours', async () => {
    const activation = await insertActivation(t, world);
    const { privateKey } = generateKeyPairSync('ed25519');
    const ourKid = (await leaseKeys(t).currentKey(t.clock.now())).kid;
    const claims = { ...claimsFor(t, world, activation), iss: t.config.publicUrl, aud: 'portico-license' };
    for (const kid of ['a-key-of-someone-else', ourKid]) {
      const lease = await new SignJWT(claims)
        .setProtectedHeader({ alg: 'EdDSA', kid, typ: 'JWT' })
        .setIssuedAt()
        .sign(privateKey);
      expect(await validate(t, lease)).toMatchObject({ valid: false, code: 'INVALID_LEASE' });
      await expect(joseVerify(lease)).rejects.toThrow();
    }
  });

  it('another algorithm under our kid (HS256 with the public key as secret, none): INVALID_LEASE', async () => {
    const activation = await insertActivation(t, world);
    const { kid, x } = (await jwks(t)).keys[0] as { kid: string; x: string };
    const claims = { ...claimsFor(t, world, activation), iss: t.config.publicUrl, aud: 'portico-license', iat: 1 };
    const hs256 = await new SignJWT(claims)
      .setProtectedHeader({ alg: 'HS256', kid, typ: 'JWT' })
      .sign(Buffer.from(x, 'base64url'));
    const none = new UnsecuredJWT(claims).encode();
    for (const lease of [hs256, none]) {
      expect(await validate(t, lease)).toMatchObject({ valid: false, code: 'INVALID_LEASE' });
      await expect(joseVerify(lease)).rejects.toThrow();
    }
  });

  it('garbage and JWS that are not leases: INVALID_LEASE', async () => {
    const { privateKey } = generateKeyPairSync('ed25519');
    const notJson = await new CompactSign(new TextEncoder().encode('not json'))
      .setProtectedHeader({ alg: 'EdDSA', kid: 'k' })
      .sign(privateKey);
    for (const lease of ['garbage', 'a.b.c', '...', `${'x'.repeat(40)}.${'y'.repeat(40)}`, notJson]) {
      expect(await validate(t, lease)).toMatchObject({ valid: false, code: 'INVALID_LEASE' });
      await expect(joseVerify(lease)).rejects.toThrow();
    }
  });

  it('a lease our key signed with claims that are not a lease, or for another issuer: INVALID_LEASE', async () => {
    const activation = await insertActivation(t, world);
    const { fingerprint: _, ...incomplete } = claimsFor(t, world, activation);
    const partial = await leaseKeys(t).sign(incomplete as never, t.clock.now());
    expect(await validate(t, partial)).toMatchObject({ valid: false, code: 'INVALID_LEASE' });

    // Same database and SECRET (so the same key), another PUBLIC_URL: a lease meant for another server.
    const elsewhere = createLeaseSigner(t.runtime.database, {
      secret: t.runtime.deps.config.secret,
      issuer: 'https://licenses.example.org',
      offlineLeaseMaxMs: t.config.offlineLeaseMaxMs,
      leaseTtlMs: t.config.leaseTtlMs,
    });
    const foreign = await elsewhere.sign(claimsFor(t, world, activation), t.clock.now());
    expect(kidOf(foreign)).toBe(kidOf(await sign(activation)));
    expect(await validate(t, foreign)).toMatchObject({ valid: false, code: 'INVALID_LEASE' });
    await expect(joseVerify(foreign)).rejects.toMatchObject({ code: 'ERR_JWT_CLAIM_VALIDATION_FAILED' });
  });

  it('refuses a request that is not {lease} of at most 4096 characters with 400, as every API does', async () => {
    for (const payload of [
      {},
      { lease: '' },
      { lease: 'x'.repeat(4097) },
      { lease: 'a.b.c', extra: 1 },
      { lease: 7 },
    ]) {
      const res = await t.app.inject({ method: 'POST', url: '/api/v1/licensing/validate', payload });
      expect(res.statusCode).toBe(400);
      expect(res.json().error.code).toBe('VALIDATION_FAILED');
    }
  });
});

describe('validate answers the activation’s state', () => {
  it('RELEASED, TRANSFERRED, REVOKED and EXPIRED for an online lease of an ended activation', async () => {
    for (const [status, code] of [
      ['released', 'RELEASED'],
      ['transferred', 'TRANSFERRED'],
      ['revoked', 'REVOKED'],
      ['expired', 'EXPIRED'],
    ] as const) {
      const lease = await sign(await insertActivation(t, world, { status }));
      const answer = await validate(t, lease);
      expect(answer).toMatchObject({ valid: false, code, claims: null });
      expect(answer.message.length).toBeGreaterThan(20);
    }
  });

  it('SUSPENDED when the asset is suspended', async () => {
    const lease = await sign(await insertActivation(t, world, { assetId: world.suspendedAssetId }));
    expect(await validate(t, lease)).toMatchObject({ valid: false, code: 'SUSPENDED' });
  });

  it('an offline lease stays VALID until its exp, also once revoked (SPEC §2.5), unless it was given back', async () => {
    const offline = { kind: 'offline', seconds: 3 * 86_400 } as const;
    for (const status of ['active', 'transferred', 'expired', 'revoked'] as const) {
      const lease = await sign(await insertActivation(t, world, { status }), offline);
      expect(await validate(t, lease)).toMatchObject({ valid: true, code: 'VALID', claims: { kind: 'offline' } });
    }
    const suspended = await sign(await insertActivation(t, world, { assetId: world.suspendedAssetId }), offline);
    expect((await validate(t, suspended)).code).toBe('VALID');
    const given = await sign(await insertActivation(t, world, { status: 'released' }), offline);
    expect((await validate(t, given)).code).toBe('RELEASED');

    const lease = await sign(await insertActivation(t, world), offline);
    t.clock.advance(3 * 86_400_000);
    expect((await validate(t, lease)).code).toBe('EXPIRED');
  });

  it('follows the activation as it changes: the same lease, VALID then RELEASED', async () => {
    const activation = await insertActivation(t, world);
    const lease = await sign(activation);
    expect((await validate(t, lease)).code).toBe('VALID');
    await t.runtime.deps.db
      .updateTable('activations')
      .set({ status: 'released' })
      .where('id', '=', activation)
      .execute();
    expect((await validate(t, lease)).code).toBe('RELEASED');
  });

  it('INVALID_LEASE for a lease naming an activation that does not exist', async () => {
    const lease = await sign('act_00000000000000000000000000');
    expect(await validate(t, lease)).toMatchObject({ valid: false, code: 'INVALID_LEASE' });
  });
});
