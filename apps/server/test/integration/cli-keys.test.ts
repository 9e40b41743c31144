import type { KeyObject } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPrivateKey, readPublicJwk, sealingKey } from '../../src/modules/licensing/signing-key-material.js';
import { createLeaseSigner } from '../../src/modules/licensing/signing-keys.service.js';
import { openAppOn, portico } from '../helpers/child-app.js';
import {
  type ChildDatabase,
  createChildDatabase,
  ensureBuilt,
  type ServerProcess,
  startServer,
  TEST_SECRET,
} from '../helpers/child-process.js';
import { freePort } from '../helpers/smtp-peer.js';
import type { TestApp } from '../helpers/test-app.js';
import { claimsFor, insertActivation, jwks, kidOf, type LeaseWorld, leaseKeys, leaseWorld } from './leases.fixtures.js';

/**
 * `portico keys rotate | list` (docs/adr/0012) as real processes on a real database, beside an open application
 * that signs leases, and a built server: what SECRET guards, and that no private key reaches any output.
 */
let db: ChildDatabase;
let t: TestApp;
let world: LeaseWorld;
const OTHER_SECRET = 'a-different-secret-a-different-secret-42';
/** Everything the processes printed, for the last test. */
const outputs: string[] = [];

async function cli(args: string[], env: Record<string, string> = {}) {
  const result = await portico(db, args, { SECRET: TEST_SECRET, ...env });
  outputs.push(result.stdout, result.stderr);
  return result;
}

async function keyRows() {
  return t.runtime.deps.db.selectFrom('signing_keys').selectAll().orderBy('generation').execute();
}

function serverEnv(port: number, env: Record<string, string>) {
  return {
    port,
    cwd: db.dir,
    env: {
      NODE_ENV: 'test',
      SECRET: TEST_SECRET,
      PUBLIC_URL: t.config.publicUrl,
      DATA_DIR: db.dir,
      DATABASE_URL: db.url,
      LOG_LEVEL: 'warn',
      ...env,
    },
  };
}

beforeAll(async () => {
  ensureBuilt();
  db = await createChildDatabase();
  // The application makes generation 1 as it starts.
  t = await openAppOn(db);
  world = await leaseWorld(t);
});

afterAll(async () => {
  await t?.close();
  await db?.drop();
});

describe('portico keys', () => {
  it('list: the key the server made when it started, signing', async () => {
    const [first] = await keyRows();
    const result = await cli(['keys', 'list']);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(new RegExp(`^\\s*1  ${first?.kid}  created \\S+ \\S+ UTC  signing$`, 'm'));
  });

  it('rotate: prints the new kid; servers sign with it within a minute; the old key stays published', async () => {
    const lease = await leaseKeys(t).sign(claimsFor(t, world, await insertActivation(t, world)), t.clock.now());
    const result = await cli(['keys', 'rotate']);
    expect(result.code).toBe(0);
    const kid = /New lease signing key: (\S+) \(generation 2\)/.exec(result.stdout)?.[1];
    expect(kid).toBeDefined();
    expect(result.stdout).toContain(`The previous key ${kidOf(lease)} is retired`);
    const rows = await keyRows();
    expect(rows.map((r) => [r.kid, r.retired_at === null])).toEqual([
      [kidOf(lease), false],
      [kid, true],
    ]);
    const event = await t.runtime.deps.db
      .selectFrom('audit_events')
      .select(['actor_user_id', 'after_json'])
      .where('action', '=', 'signing_key.rotated')
      .executeTakeFirstOrThrow();
    expect(event).toEqual({ actor_user_id: null, after_json: JSON.stringify({ kid, generation: 2 }) });

    t.clock.advance(60_000);
    const next = await leaseKeys(t).sign(claimsFor(t, world, await insertActivation(t, world)), t.clock.now());
    expect(kidOf(next)).toBe(kid);
    expect((await jwks(t)).keys.map((k) => k.kid)).toEqual([kid, kidOf(lease)]);
    expect(await leaseKeys(t).verify(lease, t.clock.now())).toMatchObject({ ok: true });

    const list = await cli(['keys', 'list']);
    expect(list.stdout).toMatch(new RegExp(`^\\s*2  ${kid}  created .*  signing$`, 'm'));
    expect(list.stdout).toMatch(new RegExp(`^\\s*1  ${kidOf(lease)}  created .*  retired .*, published until `, 'm'));
  });

  it('refuses to rotate under a SECRET that does not open the current key, naming SECRET, and changes nothing', async () => {
    const before = await keyRows();
    const result = await cli(['keys', 'rotate'], { SECRET: OTHER_SECRET });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/Not rotated\. SECRET does not decrypt the lease signing key/);
    expect(result.stderr).not.toMatch(/^\s+at /m);
    expect(await keyRows()).toEqual(before);
  });

  it('rotate --force: after SECRET was lost, servers with the new SECRET sign again', async () => {
    const forced = await cli(['keys', 'rotate', '--force'], { SECRET: OTHER_SECRET });
    expect(forced.code).toBe(0);
    const kid = /New lease signing key: (\S+)/.exec(forced.stdout)?.[1];
    const restarted = createLeaseSigner(t.runtime.database, {
      secret: OTHER_SECRET,
      issuer: t.config.publicUrl,
      offlineLeaseMaxMs: t.config.offlineLeaseMaxMs,
      leaseTtlMs: t.config.leaseTtlMs,
    });
    expect((await (await restarted.ready(t.clock.now())).currentKey(t.clock.now())).kid).toBe(kid);
    // Back to the suite's SECRET for what follows.
    expect((await cli(['keys', 'rotate', '--force'])).code).toBe(0);
  });

  it('a server started with a SECRET that does not open the keys stops, and says why', async () => {
    const port = await freePort();
    await expect(startServer(serverEnv(port, { SECRET: OTHER_SECRET }))).rejects.toThrow(
      /SECRET does not decrypt the lease signing key/,
    );
  });

  it('no private key reaches the output of the server or of the commands, at debug level', async () => {
    let server: ServerProcess | null = null;
    try {
      server = await startServer(serverEnv(await freePort(), { LOG_LEVEL: 'debug' }));
      const lease = await leaseKeys(t).sign(claimsFor(t, world, await insertActivation(t, world)), t.clock.now());
      const keySet = await (await fetch(`${server.url}/.well-known/jwks.json`)).text();
      expect(keySet).not.toMatch(/"d"/);
      for (const body of [{ lease }, { lease: 'garbage' }]) {
        const res = await fetch(`${server.url}/api/v1/licensing/validate`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify(body),
        });
        expect(res.status).toBe(200);
      }
      expect((await cli(['keys', 'rotate'], { LOG_LEVEL: 'debug' })).code).toBe(0);
      expect((await cli(['keys', 'list'], { LOG_LEVEL: 'debug' })).code).toBe(0);
    } finally {
      await server?.stop();
    }
    outputs.push(server?.output() ?? '');
    const printed = outputs.join('\n');
    for (const row of await keyRows()) {
      const jwk = readPublicJwk(row.public_jwk, row.kid);
      // One key was made under the other SECRET (--force above).
      let key: KeyObject;
      try {
        key = openPrivateKey(row.private_key, jwk, sealingKey(TEST_SECRET));
      } catch {
        key = openPrivateKey(row.private_key, jwk, sealingKey(OTHER_SECRET));
      }
      const pem = key.export({ format: 'pem', type: 'pkcs8' }).toString().split('\n')[1] as string;
      for (const material of [row.private_key, key.export({ format: 'jwk' }).d as string, pem])
        expect(printed).not.toContain(material);
    }
  });
});
