// Per-request latency of one GET, one request at a time over a kept-alive connection: a page a person opens is one
// request, so p95 here is what one person waits, not a queue under load (autocannon's 50 connections measure that).
// autocannon also rounds to whole milliseconds and has no p95; this keeps fractions.
import http from 'node:http';

const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });

/** One GET: milliseconds from sending to the last byte of the body, the status, and the body. */
function timedGet(url, headers) {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const request = http.get(url, { agent, headers }, (response) => {
      const chunks = [];
      response.on('data', (chunk) => chunks.push(chunk));
      response.on('end', () =>
        resolve({
          ms: performance.now() - started,
          status: response.statusCode,
          body: Buffer.concat(chunks).toString('utf8'),
        }),
      );
      response.on('error', reject);
    });
    request.on('error', reject);
  });
}

/** The nearest-rank percentile of ascending `sorted` values. */
export function percentile(sorted, p) {
  if (sorted.length === 0) return null;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

/** A GET that must answer 200; its parsed JSON body (for walking cursors and checking what a page holds). */
export async function getJson(url, headers) {
  const { status, body } = await timedGet(url, headers);
  if (status !== 200) throw new Error(`GET ${url} answered ${status}: ${body.slice(0, 300)}`);
  return JSON.parse(body);
}

/**
 * `warmup` unmeasured requests, then `count` measured ones, one after another. Returns p50/p95/p99/max in ms and
 * the number of answers that were not 200 (which a verdict must count as failures, not as fast answers).
 */
export async function sampleLatency(url, { headers = {}, count = 200, warmup = 20 } = {}) {
  for (let i = 0; i < warmup; i++) await timedGet(url, headers);
  const times = [];
  let failed = 0;
  for (let i = 0; i < count; i++) {
    const { ms, status } = await timedGet(url, headers);
    if (status !== 200) failed += 1;
    times.push(ms);
  }
  times.sort((a, b) => a - b);
  return {
    count,
    failed,
    p50Ms: percentile(times, 50),
    p95Ms: percentile(times, 95),
    p99Ms: percentile(times, 99),
    maxMs: times.at(-1),
  };
}
