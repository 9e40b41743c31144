// Starts the built Portico server for the e2e suite on a fresh data folder (SQLite, dev mailbox).
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const port = process.argv[2] ?? '3310';
const dataDir = mkdtempSync(join(tmpdir(), 'portico-e2e-'));
Object.assign(process.env, {
  PORT: port,
  HOST: '127.0.0.1',
  PUBLIC_URL: `http://localhost:${port}`,
  DATA_DIR: dataDir,
  DATABASE_URL: `file:${join(dataDir, 'portico.db')}`,
  NODE_ENV: 'development',
  LOG_LEVEL: 'warn',
  // The members spec moves the clock past an invitation's 7 days (POST /api/v1/dev/clock).
  DEV_CLOCK: 'true',
});
delete process.env.SMTP_URL;
process.argv = [process.argv[0], 'portico', 'serve'];
await import('../apps/server/dist/cli.js');
