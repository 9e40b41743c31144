import autocannon from 'autocannon';
import { cpuSeconds, residentMb } from './processes.mjs';

/** The load of SPEC §6: 50 connections, one request in flight on each. */
export const LOAD = { connections: 50, pipelining: 1 };

function seconds(name, fallback) {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || value <= 0) throw new Error(`${name}=${raw} is not a positive number of seconds`);
  return value;
}

export const DURATION_SECONDS = seconds('BENCH_DURATION', 10);
export const WARMUP_SECONDS = seconds('BENCH_WARMUP', 2);

/**
 * One request first, checked by hand: a scenario that answers 401 would otherwise be "fast" and look like a
 * success in the table. (It sends the top-level url, method, headers and body; `requests` arrays are not tried.)
 */
async function preflight({ url, method = 'GET', headers = {}, body }) {
  const response = await fetch(url, { method, headers, body });
  if (response.status < 200 || response.status >= 300) {
    throw new Error(`${method} ${url} answered ${response.status} before measuring: ${await response.text()}`);
  }
}

/**
 * Warm-up (results thrown away: the JIT, connection pools and SQLite's page cache settle), then the measured run.
 * `request` is passed to autocannon as is (url, method, headers, body, or `requests` for varying bodies).
 * With the server's `pid`, the CPU it spent during the measured run is reported per request.
 */
export async function measure(request, { pid } = {}) {
  await preflight(request);
  await autocannon({ ...LOAD, ...request, duration: WARMUP_SECONDS });
  const serverCpuBefore = pid ? await cpuSeconds(pid) : null;
  const clientCpuBefore = process.cpuUsage();
  const result = await autocannon({ ...LOAD, ...request, duration: DURATION_SECONDS });
  const clientCpu = process.cpuUsage(clientCpuBefore);
  const serverCpuAfter = pid ? await cpuSeconds(pid) : null;
  const serverCpu = serverCpuBefore === null || serverCpuAfter === null ? null : serverCpuAfter - serverCpuBefore;
  const completed = result.requests.total || 1;
  return {
    requestsPerSecond: result.requests.average,
    requestsTotal: result.requests.total,
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    maxMs: result.latency.max,
    non2xx: result.non2xx,
    errors: result.errors,
    timeouts: result.timeouts,
    statusCodes: result.statusCodeStats,
    durationSeconds: result.duration,
    // µs of server CPU per request: the cost of a request even when the server did not get a whole core.
    serverCpuUsPerRequest: serverCpu === null ? null : Math.round((serverCpu * 1e6) / completed),
    serverCpuPercent: serverCpu === null ? null : Math.round((serverCpu / result.duration) * 100),
    // The load generator's own share of a core: near 100% means it, not the server, set the pace.
    clientCpuPercent: Math.round(((clientCpu.user + clientCpu.system) / 1e6 / result.duration) * 100),
    serverRssMb: pid ? await residentMb(pid) : null,
  };
}
