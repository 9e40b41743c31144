#!/usr/bin/env node
// `npm start`: builds whatever is missing (contracts, server, web app), then runs `portico serve`.
// Once built, start-up is just the server's own (ready in well under 2 s).
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const parts = [
  { workspace: 'packages/contracts', output: 'packages/contracts/dist/index.js' },
  { workspace: 'apps/server', output: 'apps/server/dist/cli.js' },
  { workspace: 'apps/web', output: 'apps/web/dist/index.html' },
];

for (const part of parts) {
  if (existsSync(`${root}/${part.output}`)) continue;
  console.log(`Building ${part.workspace} (first start only)…`);
  const result = spawnSync('npm', ['run', 'build', '-w', part.workspace], { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

await import(`${root}/apps/server/dist/cli.js`);
