import type { AddressInfo } from 'node:net';
import { createRemoteJWKSet, jwtVerify } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DatabaseHandle, openDatabase } from '../../src/db/database.js';
import { migrateToLatest } from '../../src/db/migrator.js';
import {
  openPrivateKey,
  readPublicJwk,
  SigningKeyError,
  sealingKey,
} from '../../src/modules/licensing/signing-key-material.js';
import { createLeaseSigner, type LeaseSignerOptions } from '../../src/modules/licensing/signing-keys.service.js';
import { createTestApp, type TestApp } from '../helpers/test-app.js';
import { createTestDatabase, onPostgres, type TestDatabase } from '../helpers/test-db.js';
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
 * Key rotation and several instances on one database (docs/adr/0012): leases of a retired key stay valid until
 * the longest lease has run out, every instance signs with one current key, and SECRET guards the private keys.
 */
let t: TestApp;
let world: LeaseWorld;

const options = (): LeaseSignerOptions => ({
  secret: t.runtime.deps.config.secret,
  issuer: t.config.publicUrl,
  offlineLeaseMaxMs: t.config.offlineLeaseMaxMs,
  leaseTtlMs: t.config.leaseTtlMs,
});
const windowMs = () => t.config.offlineLeaseMaxMs + t.config.leaseTtlMs;
const kids = async () => (await jwks(t)).keys.map((k) => k.kid);

async function keyRows(handle: DatabaseHandle = t.runtime.database) {
  return handle.db.selectFrom('signing_keys').selectAll().orderBy('generation').execute();
}

/** Every spelling of every private key the database holds: the sealed text, the JWK `d`, PKCS#8 DER and PEM. */
async function privateMaterial(): Promise<string[]> {
  const found: string[] = [];
  for (const row of await keyRows()) {
    const key = openPrivateKey(row.private_key, readPublicJwk(row.public_jwk, row.kid), sealingKey(options().secret));
    const pem = key.export({ format: 'pem', type: 'pkcs8' }).toString();
    found.push(row.private_key, key.export({ format: 'jwk' }).d as string);
    found.push(key.export({ format: 'der', type: 'pkcs8' }).toString('base64url'), pem.split('\n')[1] as string);
  }
  return found;
}

beforeAll(async () => {
  t = await createTestApp();
  world = await leaseWorld(t);
});

afterAll(async () => {
  await t?.close();
});

describe('rotation', () => {
  it('keeps old leases valid, signs new ones with the new key, publishes both, then drops the old one', async () => {
    const activation = await insertActivation(t, world);
    const before = await leaseKeys(t).sign(claimsFor(t, world, activation), t.clock.now());
    const old = kidOf(before);

    const rotated = await leaseKeys(t).rotate(t.clock.now());
    expect(rotated).toMatchObject({ previousKid: old, generation: 2 });
    expect(rotated.kid).not.toBe(old);
    const after = await leaseKeys(t).sign(claimsFor(t, world, activation), t.clock.now());
    expect(kidOf(after)).toBe(rotated.kid);
    expect(await kids()).toEqual([rotated.kid, old]);

    expect((await validate(t, before)).code).toBe('VALID');
    expect((await validate(t, after)).code).toBe('VALID');
    await t.app.listen({ port: 0, host: '127.0.0.1' });
    const { port } = t.app.server.address() as AddressInfo;
    const remote = createRemoteJWKSet(new URL(`http://127.0.0.1:${port}/.well-known/jwks.json`));
    const check = { issuer: t.config.publicUrl, audience: 'portico-license', currentDate: t.clock.now() };
    for (const lease of [before, after]) await expect(jwtVerify(lease, remote, check)).resolves.toBeTruthy();

    // The longest lease the old key can have signed (OFFLINE_LEASE_MAX + LEASE_TTL) is still running one second early.
    t.clock.advance(windowMs() - 1000);
    expect(await kids()).toEqual([rotated.kid, old]);
    t.clock.advance(2000);
    expect(await kids()).toEqual([rotated.kid]);
  });

  it('records who rotated and the kids, never key material', async () => {
    const rotated = await leaseKeys(t).rotate(t.clock.now());
    const event = await t.runtime.deps.db
      .selectFrom('audit_events')
      .selectAll()
      .where('action', '=', 'signing_key.rotated')
      .where('target_id', '=', rotated.kid)
      .executeTakeFirstOrThrow();
    expect(event).toMatchObject({ actor_user_id: null, target_type: 'signing_key', organization_id: null });
    expect(JSON.parse(event.after_json as string)).toEqual({ kid: rotated.kid, generation: rotated.generation });
    expect(JSON.parse(event.before_json as string)).toEqual({
      kid: rotated.previousKid,
      generation: rotated.generation - 1,
    });
    const audit = JSON.stringify(await t.runtime.deps.db.selectFrom('audit_events').selectAll().execute());
    const body = (await t.app.inject({ method: 'GET', url: '/.well-known/jwks.json' })).body;
    for (const secret of await privateMaterial()) {
      expect(audit).not.toContain(secret);
      expect(body).not.toContain(secret);
    }
    expect(body).not.toMatch(/"d"/);
  });

  it('leaves exactly one unretired key, the highest generation, after rotations at the same moment', async () => {
    const a = leaseKeys(t);
    const b = createLeaseSigner(t.runtime.database, options());
    const results = await Promise.all([a.rotate(t.clock.now()), b.rotate(t.clock.now()), a.rotate(t.clock.now())]);
    const rows = await keyRows();
    const generations = results.map((r) => r.generation).sort();
    expect(new Set(generations).size).toBe(3);
    const live = rows.filter((r) => r.retired_at === null);
    expect(live.map((r) => Number(r.generation))).toEqual([Math.max(...rows.map((r) => Number(r.generation)))]);
  });

  it('refuses to sign a lease that would outlive the publication of its key', async () => {
    const claims = claimsFor(t, world, 'act_x', { seconds: windowMs() / 1000 + 3600 });
    await expect(leaseKeys(t).sign(claims, t.clock.now())).rejects.toThrow(/OFFLINE_LEASE_MAX \+ LEASE_TTL/);
  });
});

describe('two instances on one database', () => {
  it('sign with one key and verify each other’s leases, also right after the other rotated', async () => {
    const a = leaseKeys(t);
    const b = createLeaseSigner(t.runtime.database, options());
    const activation = await insertActivation(t, world);
    const claims = () => claimsFor(t, world, activation);
    const fromA = await a.sign(claims(), t.clock.now());
    const fromB = await b.sign(claims(), t.clock.now());
    expect(kidOf(fromB)).toBe(kidOf(fromA));
    expect(await b.verify(fromA, t.clock.now())).toMatchObject({ ok: true });
    expect((await validate(t, fromB)).code).toBe('VALID');

    const rotated = await a.rotate(t.clock.now());
    const newFromA = await a.sign(claims(), t.clock.now());
    // B has never seen this kid: it reads it once, at the first lease naming it.
    expect(await b.verify(newFromA, t.clock.now())).toMatchObject({ ok: true });
    // B re-reads the current key within a minute of the rotation, and signs with it from then on.
    t.clock.advance(60_000);
    expect(kidOf(await b.sign(claims(), t.clock.now()))).toBe(rotated.kid);
    expect((await b.currentKey(t.clock.now())).kid).toBe(rotated.kid);
  });

  it('make one first key when they start at the same moment on a fresh database', async () => {
    const fresh: TestDatabase = await createTestDatabase();
    // PostgreSQL: each instance its own pool, as separate servers. SQLite: one connection (one process's file).
    const handles = Array.from({ length: onPostgres ? 6 : 1 }, () => openDatabase(fresh.database));
    try {
      await migrateToLatest(handles[0]!.db);
      const signers = Array.from({ length: 6 }, (_, i) => createLeaseSigner(handles[i % handles.length]!, options()));
      const keys = await Promise.all(signers.map((s) => s.currentKey(t.clock.now())));
      const rows = await keyRows(handles[0]);
      expect(rows).toHaveLength(1);
      expect(new Set(keys.map((k) => k.kid))).toEqual(new Set([rows[0]?.kid]));
    } finally {
      for (const handle of handles) await handle.destroy();
      await fresh.drop();
    }
  });

  it('refuses to start with another SECRET, with an error that names SECRET', async () => {
    const other = createLeaseSigner(t.runtime.database, {
      ...options(),
      secret: 'another-secret-another-secret-0123456',
    });
    const started = other.ready(t.clock.now());
    await expect(started).rejects.toBeInstanceOf(SigningKeyError);
    await expect(started).rejects.toThrow(/SECRET does not decrypt the lease signing key/);
    // It can still check leases: verifying needs only the public keys.
    const lease = await leaseKeys(t).sign(claimsFor(t, world, await insertActivation(t, world)), t.clock.now());
    expect(await other.verify(lease, t.clock.now())).toMatchObject({ ok: true });
  });
});
