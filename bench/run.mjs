// `npm run bench`: measures every scenario in bench/scenarios/ against a bare Fastify route in the same run and
// prints each figure beside its SPEC §6 target. A benchmark reports, it does not assert: a missed target still
// exits 0; only a harness failure (a server that does not start, a sign-in that fails) exits non-zero.
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { runCleanups, SkipScenario } from './lib/cleanup.mjs';
import { createContext } from './lib/context.mjs';
import { DURATION_SECONDS, LOAD, WARMUP_SECONDS } from './lib/load.mjs';
import { ROOT, SERVER_LOG_LEVEL } from './lib/portico.mjs';
import { LEGEND, machineInfo, printTable, writeJson } from './lib/report.mjs';
import { evaluate } from './lib/targets.mjs';

const SCENARIO_DIR = join(ROOT, 'bench/scenarios');
const RESULTS_FILE = join(ROOT, 'bench/results/latest.json');

async function loadScenarios() {
  const files = (await readdir(SCENARIO_DIR)).filter((f) => f.endsWith('.mjs')).sort();
  const scenarios = [];
  for (const file of files) {
    const module = await import(pathToFileURL(join(SCENARIO_DIR, file)).href);
    scenarios.push(...[module.default].flat().map((s) => ({ ...s, file })));
  }
  const only = process.env.BENCH_ONLY?.toLowerCase();
  return only
    ? scenarios.filter((s) => s.baseline || `${s.name} ${s.database}`.toLowerCase().includes(only))
    : scenarios;
}

async function runScenario(ctx, scenario) {
  const row = { name: scenario.name, database: scenario.database, file: scenario.file };
  console.log(`• ${scenario.name} (${scenario.database}): ${WARMUP_SECONDS} s warm-up, ${DURATION_SECONDS} s measured`);
  try {
    const prepared = await scenario.setup(ctx);
    const result = await scenario.run(ctx, prepared);
    if (scenario.baseline) ctx.baselineRps = result.requestsPerSecond;
    const { ratio, label, verdict, failedRequests } = evaluate(scenario.target, result, ctx.baselineRps);
    const target = scenario.target ?? null;
    return { ...row, status: 'measured', result, ratio, target, targetLabel: label, verdict, failedRequests };
  } catch (error) {
    if (error instanceof SkipScenario) return { ...row, status: 'not measured', reason: error.message };
    return { ...row, status: 'FAILED', reason: error.stack ?? String(error) };
  }
}

async function main() {
  const machine = machineInfo(ROOT);
  console.log(`Portico benchmark — ${machine.date}`);
  console.log(
    `Node ${machine.node} · ${machine.cpu} · ${machine.cores} cores · ${machine.memoryGb} GB · ${machine.os} · load ${machine.loadAverage1m}`,
  );
  console.log(
    `autocannon: ${LOAD.connections} connections, pipelining ${LOAD.pipelining}, ${WARMUP_SECONDS} s warm-up + ${DURATION_SECONDS} s per scenario`,
  );
  console.log(
    `Portico runs with NODE_ENV=development, LOG_LEVEL=${SERVER_LOG_LEVEL} (request logging at info would measure the logger)\n`,
  );

  const ctx = createContext();
  const rows = [];
  try {
    for (const scenario of await loadScenarios()) rows.push(await runScenario(ctx, scenario));
  } finally {
    await runCleanups();
  }

  console.log('');
  printTable(rows);
  console.log('');
  for (const line of LEGEND) console.log(line);
  console.log('');
  for (const row of rows.filter((r) => r.status === 'measured' && r.failedRequests)) {
    console.log(
      `! ${row.name} (${row.database}): failed requests, status codes ${JSON.stringify(row.result.statusCodes)}`,
    );
  }
  for (const row of rows.filter((r) => r.status === 'measured' && r.result.clientCpuPercent >= 90)) {
    const { clientCpuPercent } = row.result;
    console.log(`! ${row.name}: the load generator used ${clientCpuPercent}% of a core, so it may have set the pace`);
  }
  for (const row of rows.filter((r) => r.status !== 'measured')) {
    console.log(
      `${row.status === 'FAILED' ? '✗ FAILED' : '– not measured'}: ${row.name} (${row.database}): ${row.reason}`,
    );
  }

  await writeJson(RESULTS_FILE, {
    machine,
    load: { ...LOAD, warmupSeconds: WARMUP_SECONDS, durationSeconds: DURATION_SECONDS },
    server: { nodeEnv: 'development', logLevel: SERVER_LOG_LEVEL },
    baselineRps: ctx.baselineRps,
    scenarios: rows,
  });
  console.log(`Results written to ${RESULTS_FILE}`);
  return rows.some((r) => r.status === 'FAILED') ? 1 : 0;
}

// Ctrl-C: stop the servers and drop the temporary databases before leaving (the finally above may never be reached).
process.once('SIGINT', () => {
  console.error('\nInterrupted: stopping servers');
  runCleanups().finally(() => process.exit(130));
});

main().then(
  (code) => process.exit(code),
  async (error) => {
    console.error(error);
    await runCleanups();
    process.exit(1);
  },
);
