import { Command } from 'commander';
import { registerAssignmentCommands } from './cli/assignments.js';
import { registerCatalogCommands } from './cli/catalog.js';
import { serviceDeps, withDatabase } from './cli/database.js';
import { registerDemoCommand } from './cli/demo.js';
import { registerKeyCommands } from './cli/keys.js';
import { ConfigError, loadConfig } from './config.js';
import { backupSqlite } from './db/backup.js';
import { migrateToLatest } from './db/migrator.js';
import { SYSTEM_ACTOR } from './lib/actor.js';
import { AppError } from './lib/errors.js';
import { grantOperator, removeOperator } from './modules/accounts/operators.service.js';
import { SigningKeyError } from './modules/licensing/signing-key-material.js';

export function buildCli(): Command {
  const program = new Command('portico').description('Portico: self-hosted license portal').showHelpAfterError();

  program
    .command('serve', { isDefault: true })
    .description('run the server (migrates first)')
    // Loaded on demand: only `serve` needs the HTTP application, and the other commands start faster without it.
    .action(async () => (await import('./main.js')).serve(loadConfig()));

  program
    .command('migrate')
    .description('apply pending database migrations')
    .action(async () => {
      const applied = await withDatabase(loadConfig(), async ({ db }) => migrateToLatest(db), { migrate: false });
      console.log(applied.length ? `Applied ${applied.join(', ')}` : 'The database is up to date');
    });

  const operator = program.command('operator').description('grant or remove operator rights');
  operator
    .command('add <email>')
    .description('make the account with this email an operator')
    .action(async (email: string) => {
      const { changed } = await withDatabase(loadConfig(), (handle) =>
        grantOperator(serviceDeps(handle), SYSTEM_ACTOR, email),
      );
      console.log(changed ? `${email} is now an operator` : `${email} was already an operator`);
    });
  operator
    .command('remove <email>')
    .description('remove operator rights from the account with this email')
    .action(async (email: string) => {
      const { changed } = await withDatabase(loadConfig(), (handle) =>
        removeOperator(serviceDeps(handle), SYSTEM_ACTOR, email),
      );
      console.log(changed ? `${email} is no longer an operator` : `${email} was not an operator`);
    });

  registerCatalogCommands(program);
  registerAssignmentCommands(program);
  registerKeyCommands(program);
  registerDemoCommand(program);

  program
    .command('backup <file>')
    .description('write a consistent copy of the SQLite database to a file while the server runs')
    .action(async (file: string) => {
      const config = loadConfig();
      if (config.database.dialect !== 'sqlite')
        throw new AppError('VALIDATION_FAILED', 'backup copies the SQLite database; for PostgreSQL use pg_dump');
      const pages = await withDatabase(config, async (handle) => backupSqlite(handle, file));
      console.log(`Backed up ${pages} pages to ${file}`);
    });
  return program;
}

export async function runCli(argv: string[]): Promise<void> {
  try {
    await buildCli().parseAsync(argv);
  } catch (error) {
    if (error instanceof ConfigError || error instanceof AppError || error instanceof SigningKeyError) {
      console.error(error.message);
      process.exit(error instanceof AppError ? 1 : 78);
    }
    throw error;
  }
}

await runCli(process.argv);
