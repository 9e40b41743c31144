import { execFileSync } from 'node:child_process';
import { mkdirSync, rmdirSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type LicensingWorld, licensingWorld } from '../helpers/activations.js';
import { REPO_ROOT } from '../helpers/child-process.js';
import { decideDeviceCode } from '../helpers/device-sign-in.js';
import { freePort } from '../helpers/smtp-peer.js';
import { createTestApp, type TestApp } from '../helpers/test-app.js';

/**
 * The real server listening on a port for the SDK and the `portico-license` CLI (sdk*.test.ts): PUBLIC_URL is that
 * address, so leases name it as their issuer. Data through the test helpers (an online asset of PRM-2026 in `acme`,
 * members holding it).
 */
export interface SdkServer {
  t: TestApp;
  url: string;
  world: LicensingWorld;
  /** Stops listening and drops open connections (the database and the app stay: the server is "down"). */
  stopListening(): Promise<void>;
  close(): Promise<void>;
}

export async function startSdkServer(): Promise<SdkServer> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const t = await createTestApp({ env: { PUBLIC_URL: url } });
  await t.app.listen({ port, host: '127.0.0.1' });
  const world = await licensingWorld(t, { members: 2 });
  let listening = true;
  const stopListening = async () => {
    if (!listening) return;
    listening = false;
    const closed = new Promise<void>((resolve) => t.app.server.close(() => resolve()));
    t.app.server.closeAllConnections();
    await closed;
  };
  return {
    t,
    url,
    world,
    stopListening,
    async close() {
      await stopListening();
      await t.close();
    },
  };
}

/** The person approves the code on the /device page with their browser session. */
export async function approve(server: SdkServer, cookie: string, userCode: string): Promise<void> {
  const res = await decideDeviceCode(server.t, cookie, userCode, 'approve');
  if (res.statusCode !== 200) throw new Error(`approve ${userCode}: ${res.statusCode} ${res.body}`);
}

/**
 * The server's clock follows real time while a process that really sleeps (the CLI polling every 5 s) talks to
 * it: the token endpoint judges "polled too soon" on that clock. Returns the stop function.
 */
export function followRealTime(t: TestApp): () => void {
  const timer = setInterval(() => {
    if (Date.now() > t.clock.now().getTime()) t.clock.set(new Date());
  }, 50);
  return () => clearInterval(timer);
}

const LOCK = join(tmpdir(), `portico-sdk-build-${Buffer.from(REPO_ROOT).toString('hex').slice(-24)}.lock`);

/**
 * Builds packages/sdk (`tsc -b`, incremental: quick when up to date) once at a time: the SDK test files run in
 * parallel workers, and two builds writing dist/ while the other imports it would race.
 */
export async function buildSdk(): Promise<void> {
  const deadline = Date.now() + 180_000;
  for (;;) {
    try {
      mkdirSync(LOCK);
      break;
    } catch {
      // A lock left by a killed run is stale after 3 minutes.
      const age = Date.now() - (statSafe(LOCK) ?? Date.now());
      if (age > 180_000) rmdirSync(LOCK);
      if (Date.now() > deadline) throw new Error(`waited too long for the SDK build lock ${LOCK}`);
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }
  try {
    execFileSync('npx', ['tsc', '-b', 'packages/sdk'], { cwd: REPO_ROOT, stdio: 'pipe' });
  } finally {
    rmdirSync(LOCK);
  }
}

function statSafe(path: string): number | null {
  try {
    return statSync(path).mtimeMs;
  } catch {
    return null;
  }
}
