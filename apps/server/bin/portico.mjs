#!/usr/bin/env node
// The `portico` command: runs the built CLI (npm run build first, or `npm start`, which builds what is missing).
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const cli = fileURLToPath(new URL('../dist/cli.js', import.meta.url));
if (!existsSync(cli)) {
  console.error('Portico is not built yet: run `npm run build` (or `npm start`) in the repository first.');
  process.exit(1);
}
await import(cli);
