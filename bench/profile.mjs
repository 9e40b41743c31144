// Summarizes a V8 CPU profile written by `BENCH_CPU_PROF=1 npm run bench` (bench/results/profiles/*.cpuprofile):
// where the server's time goes, by function and by package, without opening DevTools.
// Usage: node bench/profile.mjs <file.cpuprofile> [--rows=25] [--skip=<seconds>]
// --skip leaves out the first seconds (start-up: module loading, migrations, sign-in) so shares are of the load.
// Shares are of busy time: idle samples are left out.
import { readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { rows: { type: 'string', default: '25' }, skip: { type: 'string', default: '0' } },
});
const [file] = positionals;
if (!file) {
  console.error('usage: node bench/profile.mjs <file.cpuprofile> [--rows=25] [--skip=<seconds>]');
  process.exit(64);
}
const profile = JSON.parse(await readFile(file, 'utf8'));
const rows = Number(values.rows);
const skipUs = Number(values.skip) * 1e6;

const nodes = new Map(profile.nodes.map((n) => [n.id, n]));
const parents = new Map();
for (const node of profile.nodes) for (const child of node.children ?? []) parents.set(child, node.id);

// Samples are taken at a fixed interval, so the share of samples is the share of time.
const selfSamples = new Map();
let elapsedUs = 0;
let total = 0;
profile.samples.forEach((id, i) => {
  elapsedUs += profile.timeDeltas[i] ?? 0;
  if (elapsedUs < skipUs || nodes.get(id).callFrame.functionName === '(idle)') return;
  selfSamples.set(id, (selfSamples.get(id) ?? 0) + 1);
  total += 1;
});

/** node_modules/<package> (or its scope), node:internal, (program)/(garbage collector), or our own code. */
function area(url) {
  if (!url) return '(native / V8)';
  const match = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (match) return match[1];
  if (url.startsWith('node:')) return 'node core';
  if (url.includes('/apps/server/')) return 'portico server';
  return url;
}

function label(callFrame) {
  const name = callFrame.functionName || '(anonymous)';
  const url = callFrame.url.replace(/^.*node_modules\//, '').replace(/^file:\/\/.*?\/apps\//, 'apps/');
  return `${name} ${url ? `${url}:${callFrame.lineNumber + 1}` : ''}`.trim();
}

const byFunction = new Map();
const byArea = new Map();
// Inclusive time: a function's own samples plus those of everything it called (counted once per stack).
const inclusive = new Map();
const add = (map, key, count) => map.set(key, (map.get(key) ?? 0) + count);
for (const [id, count] of selfSamples) {
  const { callFrame } = nodes.get(id);
  add(byFunction, label(callFrame), count);
  const special = ['(program)', '(garbage collector)'].includes(callFrame.functionName);
  add(byArea, special ? callFrame.functionName : area(callFrame.url), count);
  const seen = new Set();
  for (let at = id; at !== undefined; at = parents.get(at)) {
    const key = label(nodes.get(at).callFrame);
    if (!seen.has(key)) add(inclusive, key, count);
    seen.add(key);
  }
}

const print = (title, map) => {
  console.log(`\n${title}`);
  for (const [key, count] of [...map].sort((a, b) => b[1] - a[1]).slice(0, rows)) {
    console.log(`${((count / total) * 100).toFixed(1).padStart(5)}%  ${key}`);
  }
};
console.log(`${file}: ${total} busy samples after the first ${values.skip} s`);
print('Self time by package', byArea);
print('Self time by function', byFunction);
print('Inclusive time (with callees)', inclusive);
