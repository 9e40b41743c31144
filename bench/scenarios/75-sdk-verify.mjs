// Offline lease verification in the SDK (SPEC §6: ≥ 10,000 leases/s), in this process, no server: an Ed25519 key
// made here signs leases in the server's JWS format ({alg: EdDSA, kid, typ: JWT}, Ed25519 over header.payload),
// and packages/sdk/dist verifies them (signature against the JWKS, audience, issuer, expiry):
//   distinct leases, one thread   createLeaseVerifier (node:crypto, key imported once) over 1,000 different leases
//                                 in turn, so every check verifies a signature (the verifier remembers only 256)
//   distinct leases, all cores    createParallelLeaseVerifier (WebCrypto on libuv's thread pool), 64 in flight
//                                 ≥ 10,000 leases/s
//   one lease re-checked          what an application does between heartbeats: the signature is remembered, the
//                                 claims (audience, issuer, expiry) are checked every time
//   for reference: Ed25519 verification alone (node:crypto, one thread: the ceiling of a one-thread check) and
//   jose's jwtVerify with createLocalJWKSet, awaited one at a time.
import { generateKeyPairSync, sign, verify } from 'node:crypto';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createLocalJWKSet, jwtVerify } from 'jose';
import { ROOT } from '../lib/portico.mjs';

const TARGET = 10_000;
const WARMUP_MS = 500;
const MEASURE_MS = Number(process.env.BENCH_SDK_VERIFY_MS) > 0 ? Number(process.env.BENCH_SDK_VERIFY_MS) : 3_000;
const DISTINCT = 1_000;
const ISSUER = 'http://127.0.0.1:3000';

function signLeases(privateKey, kid, count) {
  const header = Buffer.from(JSON.stringify({ alg: 'EdDSA', kid, typ: 'JWT' })).toString('base64url');
  const iat = Math.floor(Date.now() / 1000);
  return Array.from({ length: count }, (_, i) => {
    const claims = {
      iss: ISSUER,
      aud: 'portico-license',
      sub: 'usr_bench',
      user: 'usr_bench',
      organization: 'org_bench',
      product: 'PRM-2026',
      asset: 'ast_bench',
      activation: `act_bench_${i}`,
      fingerprint: 'f'.repeat(64),
      kind: 'offline',
      mode: 'named-user',
      iat,
      exp: iat + 7 * 86_400,
    };
    const payload = Buffer.from(JSON.stringify(claims)).toString('base64url');
    const signature = sign(null, Buffer.from(`${header}.${payload}`), privateKey).toString('base64url');
    return `${header}.${payload}.${signature}`;
  });
}

/** Calls `once()` (sync or async, one at a time) for the duration; answers the rate. */
async function rate(once, durationMs) {
  const started = performance.now();
  let n = 0;
  while (performance.now() - started < durationMs) {
    for (let i = 0; i < 50; i++) await once(n++);
  }
  return n / ((performance.now() - started) / 1000);
}

export default {
  name: 'SDK offline lease verification',
  database: '—',
  reports: 'figures',
  plan: `${WARMUP_MS} ms warm-up and ${MEASURE_MS} ms measured per figure, in the bench process`,
  async setup() {
    const sdk = await import(pathToFileURL(join(ROOT, 'packages/sdk/dist/index.js')).href);
    const { privateKey, publicKey } = generateKeyPairSync('ed25519');
    const kid = 'bench-key';
    const jwks = { keys: [{ ...publicKey.export({ format: 'jwk' }), kid, alg: 'EdDSA', use: 'sig' }] };
    return { sdk, jwks, publicKey, leases: signLeases(privateKey, kid, DISTINCT) };
  },
  async run(_ctx, { sdk, jwks, publicKey, leases }) {
    const measured = async (label, measure) => {
      await measure(WARMUP_MS);
      const value = await measure(MEASURE_MS);
      console.log(`  ${label}: ${Math.round(value).toLocaleString('en-US')} leases/s`);
      return value;
    };
    const verifier = sdk.createLeaseVerifier(jwks, { issuer: ISSUER });
    const parallel = await sdk.createParallelLeaseVerifier(jwks, { issuer: ISSUER });
    const oneThread = await measured(
      'distinct leases, one thread',
      (ms) => sdk.measureVerification(verifier, leases, { durationMs: ms }).leasesPerSecond,
    );
    const allCores = await measured(
      'distinct leases, all cores',
      async (ms) =>
        (await sdk.measureParallelVerification(parallel, leases, { durationMs: ms, concurrency: 64 })).leasesPerSecond,
    );
    const recheck = await measured(
      'one lease re-checked',
      (ms) => sdk.measureVerification(verifier, [leases[0]], { durationMs: ms }).leasesPerSecond,
    );
    const [h, p, s] = leases[0].split('.');
    const input = Buffer.from(`${h}.${p}`);
    const signature = Buffer.from(s, 'base64url');
    const ceiling = await measured('Ed25519 verify alone', (ms) =>
      rate(() => verify(null, input, publicKey, signature), ms),
    );
    const keySet = createLocalJWKSet(jwks);
    const jose = await measured('jose jwtVerify', (ms) =>
      rate((i) => jwtVerify(leases[i % DISTINCT], keySet, { issuer: ISSUER, audience: 'portico-license' }), ms),
    );
    const figure = (label, value, bounds = {}) => ({ label, value, unit: 'leases/s', digits: 0, ...bounds });
    return {
      figures: [
        figure('distinct leases, one thread (node:crypto)', oneThread),
        figure('distinct leases, all cores (WebCrypto thread pool)', allCores, { min: TARGET }),
        figure('one lease re-checked (signature remembered)', recheck),
        figure('reference: Ed25519 verify alone, one thread', ceiling),
        figure('reference: jose jwtVerify, one at a time', jose),
      ],
      failedRequests: 0,
    };
  },
};
