#!/usr/bin/env node
// The `portico-license` command: runs the built CLI (`npm run build -w packages/sdk`, or `npx tsc -b packages/sdk`).
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const cli = fileURLToPath(new URL('../dist/cli.js', import.meta.url));
if (!existsSync(cli)) {
  console.error('portico-license is not built yet: run `npx tsc -b packages/sdk` in the repository first.');
  process.exit(1);
}
await import(cli);
