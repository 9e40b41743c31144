import { execFileSync } from 'node:child_process';
import { mkdir, writeFile } from 'node:fs/promises';
import { cpus, loadavg, platform, release, totalmem } from 'node:os';
import { dirname } from 'node:path';

/** The facts a reader needs to compare two runs (SPEC §6 targets are ratios because machines differ). */
export function machineInfo(root) {
  const cores = cpus();
  let commit = null;
  try {
    commit = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: root, encoding: 'utf8' }).trim();
  } catch {
    // not a git checkout: the results just carry no commit
  }
  return {
    date: new Date().toISOString(),
    node: process.version,
    cpu: cores[0]?.model.trim() ?? 'unknown',
    cores: cores.length,
    memoryGb: Math.round(totalmem() / 2 ** 30),
    os: `${platform()} ${release()}`,
    commit,
    // Other work on the machine moves every figure; a load average near the core count means a noisy run.
    loadAverage1m: Math.round(loadavg()[0] * 100) / 100,
  };
}

const fixed = (n, digits) => (n === null || n === undefined ? '—' : n.toFixed(digits));

/** One table row per scenario; a skipped or failed scenario says so in the verdict column (why: below the table). */
export function tableRows(rows) {
  return rows.map((row) => {
    const r = row.result;
    const errors = r ? [r.non2xx && `${r.non2xx} non-2xx`, r.errors && `${r.errors} errors`].filter(Boolean) : [];
    if (r?.timeouts) errors.push(`${r.timeouts} timeouts`);
    return [
      row.name,
      row.database,
      r ? Math.round(r.requestsPerSecond).toLocaleString('en-US') : '—',
      fixed(r?.p50Ms, 0),
      fixed(r?.p99Ms, 0),
      r?.serverCpuUsPerRequest ? String(r.serverCpuUsPerRequest) : '—',
      row.ratio === null || row.ratio === undefined ? '—' : `${(row.ratio * 100).toFixed(1)}%`,
      row.targetLabel ?? '—',
      row.status === 'measured' ? row.verdict : row.status,
      row.status === 'measured' ? errors.join(', ') || '0' : '—',
    ];
  });
}

export function printTable(rows) {
  const header = [
    'scenario',
    'database',
    'req/s (avg)',
    'p50 ms',
    'p99 ms',
    'CPU µs/req',
    'of baseline',
    'target',
    'verdict',
    'failed requests',
  ];
  printAligned(header, tableRows(rows), new Set([2, 3, 4, 5, 6]));
}

/** Columns padded to their widest cell; the `numeric` column indexes are right-aligned so digits line up. */
function printAligned(header, body, numeric) {
  const widths = header.map((h, i) => Math.max(h.length, ...body.map((cells) => cells[i].length)));
  const line = (cells) =>
    cells
      .map((c, i) => (numeric.has(i) ? c.padStart(widths[i]) : c.padEnd(widths[i])))
      .join('  ')
      .trimEnd();
  console.log(line(header));
  console.log(widths.map((w) => '─'.repeat(w)).join('  '));
  for (const cells of body) console.log(line(cells));
}

/**
 * The table of scenarios that report figures instead of one load run (lib/targets.mjs evaluateFigures): one line
 * per figure, the scenario and database named on its first line; a skipped or failed scenario gets one line.
 */
export function printFiguresTable(rows) {
  const header = ['scenario', 'database', 'figure', 'value', 'target', 'verdict'];
  const body = [];
  for (const row of rows) {
    if (row.status !== 'measured') {
      body.push([row.name, row.database, '—', '—', '—', row.status]);
      continue;
    }
    row.figures.forEach((figure, i) => {
      const value =
        figure.value === null ? '—' : `${figure.value.toFixed(figure.digits ?? 1)} ${figure.unit}`.trimEnd();
      const first = i === 0;
      body.push([
        first ? row.name : '',
        first ? row.database : '',
        figure.label,
        value,
        figure.targetLabel,
        figure.verdict,
      ]);
    });
  }
  printAligned(header, body, new Set([3]));
}

/** The second table: one row per database from lib/startup.mjs; skipped or failed rows say so in the verdict. */
export function printStartupTable(rows) {
  const header = [
    'database',
    'cold start ms',
    'warm start median ms',
    'warm max ms',
    'idle RSS MB',
    'target',
    'verdict',
  ];
  const body = rows.map((row) => {
    const r = row.result;
    return [
      row.database,
      fixed(r?.coldMs, 0),
      fixed(r?.warmMedianMs, 0),
      fixed(r?.warmMaxMs, 0),
      fixed(r?.idleRssMb, 0),
      row.targetLabel ?? '—',
      row.status === 'measured' ? row.verdict : row.status,
    ];
  });
  console.log('Start-up');
  printAligned(header, body, new Set([1, 2, 3, 4]));
}

/** What the less obvious columns mean, printed under the table. */
export const LEGEND = [
  'p50/p99: latency of 2xx responses; autocannon records whole milliseconds.',
  'CPU µs/req: CPU time the server process used per request in the measured run (all its threads): the cost of a',
  '  request even when the server did not get a whole core; other load on the machine still inflates it somewhat.',
  'of baseline: req/s as a share of the bare Fastify route in this run (the SPEC §6 ratio targets).',
];

/** Under the figures table: how its latencies were taken (the scenarios print their own details as they run). */
export const FIGURES_LEGEND = [
  'Latency figures: one request at a time over a kept-alive connection, from sending to the last byte received,',
  '  after unmeasured warm-up requests; p50/p95 by nearest rank. Rates and times are wall-clock figures of one run.',
];

/** How the start-up figures were taken, printed under their table. */
export function startupLegend({ warmStarts, pollIntervalMs, idleSeconds }) {
  return [
    'cold: first start on an empty database (the migrations run); warm: the median and slowest of',
    `  ${warmStarts} restarts on the same data. Each is the wall time from spawn to the first 200 from GET /readyz,`,
    `  polled every ${pollIntervalMs} ms (so up to ${pollIntervalMs} ms late); install and build are not included.`,
    `idle RSS: resident memory of the server after a warm start and ${idleSeconds} s without requests.`,
  ];
}

export async function writeJson(file, data) {
  await mkdir(dirname(file), { recursive: true });
  await writeFile(file, `${JSON.stringify(data, null, 2)}\n`);
}
