// SPEC §6 "Start: server ready ≤ 2 s after install and build; idle memory ≤ 200 MB". Install and build are done
// before the benchmark runs, so what is timed is `portico serve` itself: from spawn to the first 200 from /readyz.
import { randomBytes } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { porticoEnv, spawnPortico, temporaryDataDir } from './portico.mjs';
import { createTemporaryDatabase } from './postgres.mjs';
import { freePort, residentMb, waitForReady } from './processes.mjs';

export const STARTUP_TARGET = { maxReadyMs: 2_000, maxIdleRssMb: 200 };
export const WARM_STARTS = 5;
/** Every poll is a failed connect until the server listens; 10 ms keeps the report at most that late. */
export const POLL_INTERVAL_MS = 10;
/** Long enough for work the server does after it reports ready (timers, lazy imports) to show in its memory. */
export const IDLE_SECONDS = 3;

/** Spawns the server and times it to ready; returns the running server and the milliseconds it took. */
async function timedStart(label, options) {
  const { url, env } = porticoEnv({ port: await freePort(), ...options });
  const startedAt = performance.now();
  const server = spawnPortico(label, env);
  await waitForReady(`${url}/readyz`, server, 20_000, POLL_INTERVAL_MS);
  return { server, ms: Math.round(performance.now() - startedAt) };
}

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};

/**
 * One cold start on an empty database (the migrations run), then WARM_STARTS restarts on the same data, one at a
 * time; the last one is left idle for IDLE_SECONDS before its RSS is read. On PostgreSQL it throws SkipScenario when
 * no server is reachable. Every server is stopped here; the data folder and database go with the run's cleanups.
 */
export async function measureStartup(database) {
  const options = {
    dataDir: await temporaryDataDir(),
    databaseUrl: database === 'postgres' ? await createTemporaryDatabase() : undefined,
    secret: randomBytes(36).toString('base64url'), // the same across restarts, as an operator's would be
  };
  // Node loads fetch (undici) on first use, about 30 ms that would otherwise land on the first start timed.
  await fetch(`http://127.0.0.1:${await freePort()}/`).catch(() => {});

  const cold = await timedStart(`portico (${database}, cold start)`, options);
  await cold.server.stop();
  const warm = [];
  for (let i = 1; i <= WARM_STARTS; i += 1) {
    warm.push(await timedStart(`portico (${database}, warm start ${i})`, options));
    if (i < WARM_STARTS) await warm.at(-1).server.stop();
  }
  const idle = warm.at(-1).server;
  await sleep(IDLE_SECONDS * 1_000);
  const idleRssMb = await residentMb(idle.pid);
  await idle.stop();

  const warmMs = warm.map((w) => w.ms);
  return {
    coldMs: cold.ms,
    warmMs,
    warmMedianMs: median(warmMs),
    warmMaxMs: Math.max(...warmMs),
    idleRssMb,
    pollIntervalMs: POLL_INTERVAL_MS,
    idleSeconds: IDLE_SECONDS,
  };
}
