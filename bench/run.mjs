// `npm run bench`: measures every scenario in bench/scenarios/ against a bare Fastify route in the same run and
// prints each figure beside its SPEC §6 target. A benchmark reports, it does not assert: a missed target still
// exits 0; only a harness failure (a server that does not start, a sign-in that fails) exits non-zero.
// Then it times the server's start-up and reads its idle memory (lib/startup.mjs), in a second table.
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { runCleanups, SkipScenario } from './lib/cleanup.mjs';
import { createContext } from './lib/context.mjs';
import { DURATION_SECONDS, LOAD, WARMUP_SECONDS } from './lib/load.mjs';
import { ROOT, SERVER_LOG_LEVEL } from './lib/portico.mjs';
import {
  FIGURES_LEGEND,
  LEGEND,
  machineInfo,
  printFiguresTable,
  printStartupTable,
  printTable,
  startupLegend,
  writeJson,
} from './lib/report.mjs';
import { IDLE_SECONDS, measureStartup, POLL_INTERVAL_MS, STARTUP_TARGET, WARM_STARTS } from './lib/startup.mjs';
import { evaluate, evaluateFigures, evaluateStartup } from './lib/targets.mjs';

const SCENARIO_DIR = join(ROOT, 'bench/scenarios');
const RESULTS_FILE = join(ROOT, 'bench/results/latest.json');
const STARTUP_DATABASES = ['sqlite', 'postgres'];

/** BENCH_ONLY=<text>: what runs has it in its name and database ("GET /api/v1/me sqlite", "start postgres"). */
const only = process.env.BENCH_ONLY?.toLowerCase();
const selected = (text) => !only || text.toLowerCase().includes(only);

async function loadScenarios() {
  const files = (await readdir(SCENARIO_DIR)).filter((f) => f.endsWith('.mjs')).sort();
  const scenarios = [];
  for (const file of files) {
    const module = await import(pathToFileURL(join(SCENARIO_DIR, file)).href);
    scenarios.push(...[module.default].flat().map((s) => ({ ...s, file })));
  }
  const kept = scenarios.filter((s) => !s.baseline && selected(`${s.name} ${s.database}`));
  // The ratios need the baseline, so it runs whenever a load scenario does (BENCH_ONLY=start runs none of them);
  // scenarios that report figures have no ratio.
  const needBaseline = kept.some((s) => s.reports !== 'figures');
  return scenarios.filter((s) => (s.baseline && (needBaseline || selected(s.name))) || kept.includes(s));
}

async function runScenario(ctx, scenario) {
  const row = { name: scenario.name, database: scenario.database, file: scenario.file };
  const plan = scenario.plan ?? `${WARMUP_SECONDS} s warm-up, ${DURATION_SECONDS} s measured`;
  console.log(`• ${scenario.name} (${scenario.database}): ${plan}`);
  try {
    const prepared = await scenario.setup(ctx);
    const result = await scenario.run(ctx, prepared);
    if (result.figures) {
      const { figures, label, verdict, failedRequests } = evaluateFigures(result.figures, result.failedRequests);
      return { ...row, status: 'measured', result, figures, targetLabel: label, verdict, failedRequests };
    }
    if (scenario.baseline) ctx.baselineRps = result.requestsPerSecond;
    const { ratio, label, verdict, failedRequests } = evaluate(scenario.target, result, ctx.baselineRps);
    const target = scenario.target ?? null;
    return { ...row, status: 'measured', result, ratio, target, targetLabel: label, verdict, failedRequests };
  } catch (error) {
    if (error instanceof SkipScenario) return { ...row, status: 'not measured', reason: error.message };
    return { ...row, status: 'FAILED', reason: error.stack ?? String(error) };
  }
}

const scenarioOf = (scenarios, row) => scenarios.find((s) => s.name === row.name && s.database === row.database);

async function runStartup(database) {
  const row = { name: 'start', database };
  console.log(`• start-up (${database}): 1 cold start, ${WARM_STARTS} warm starts, ${IDLE_SECONDS} s idle`);
  try {
    const result = await measureStartup(database);
    const { label, verdict } = evaluateStartup(STARTUP_TARGET, result);
    return { ...row, status: 'measured', result, target: STARTUP_TARGET, targetLabel: label, verdict };
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
  const scenarios = await loadScenarios();
  if (scenarios.length > 0) {
    console.log(
      `autocannon: ${LOAD.connections} connections, pipelining ${LOAD.pipelining}, ${WARMUP_SECONDS} s warm-up + ${DURATION_SECONDS} s per scenario`,
    );
  }
  console.log(
    `Portico runs with NODE_ENV=development, LOG_LEVEL=${SERVER_LOG_LEVEL} (request logging at info would measure the logger)\n`,
  );

  const ctx = createContext();
  const rows = [];
  const startup = [];
  try {
    for (const scenario of scenarios) rows.push(await runScenario(ctx, scenario));
    // The servers measured above would share the CPU with the starts timed below: stop them (and drop their data).
    await runCleanups();
    for (const database of STARTUP_DATABASES.filter((d) => selected(`start ${d}`))) {
      startup.push(await runStartup(database));
    }
  } finally {
    await runCleanups();
  }

  console.log('');
  // Rows of figures (latency of single requests, bulk jobs, drain rates) get their own table; a skipped or failed
  // row goes where its scenario's kind of result would have gone.
  const isFigures = (row) => row.figures || scenarioOf(scenarios, row)?.reports === 'figures';
  const loadRows = rows.filter((row) => !isFigures(row));
  const figureRows = rows.filter(isFigures);
  if (loadRows.length > 0) {
    printTable(loadRows);
    console.log('');
    for (const line of LEGEND) console.log(line);
    console.log('');
  }
  if (figureRows.length > 0) {
    printFiguresTable(figureRows);
    console.log('');
    for (const line of FIGURES_LEGEND) console.log(line);
    console.log('');
  }
  if (startup.length > 0) {
    printStartupTable(startup);
    console.log('');
    const method = { warmStarts: WARM_STARTS, pollIntervalMs: POLL_INTERVAL_MS, idleSeconds: IDLE_SECONDS };
    for (const line of startupLegend(method)) console.log(line);
    console.log('');
  }
  for (const row of loadRows.filter((r) => r.status === 'measured' && r.failedRequests)) {
    console.log(
      `! ${row.name} (${row.database}): failed requests, status codes ${JSON.stringify(row.result.statusCodes)}`,
    );
  }
  for (const row of figureRows.filter((r) => r.status === 'measured' && r.failedRequests)) {
    console.log(`! ${row.name} (${row.database}): ${row.result.failedRequests} requests did not answer 2xx`);
  }
  for (const row of loadRows.filter((r) => r.status === 'measured' && r.result.clientCpuPercent >= 90)) {
    const { clientCpuPercent } = row.result;
    console.log(`! ${row.name}: the load generator used ${clientCpuPercent}% of a core, so it may have set the pace`);
  }
  for (const row of [...rows, ...startup].filter((r) => r.status !== 'measured')) {
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
    startup,
  });
  console.log(`Results written to ${RESULTS_FILE}`);
  return [...rows, ...startup].some((r) => r.status === 'FAILED') ? 1 : 0;
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
