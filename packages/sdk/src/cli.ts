// `portico-license`: the licensing client of SPEC §2.5 on the command line, standing in for a desktop application
// (docs/sdk.md). Exit codes: 0 valid (or done), 2 refused by the server, 1 an error (unreachable, bad input).
import { Command, Option } from 'commander';
import { DEFAULT_SERVER, EXIT } from './cli/context.js';
import { registerLeaseCommands } from './cli/leases.js';
import { registerLicensingCommands } from './cli/licensing.js';
import { registerSignInCommands } from './cli/sign-in.js';
import { PorticoLicenseError } from './errors.js';
import { SDK_VERSION } from './version.js';

function jsonMode(): boolean {
  return process.argv.includes('--json');
}

/** Runs a command's work and sets the exit code; errors are printed (as JSON with --json), never thrown. */
async function run(work: () => Promise<number>): Promise<void> {
  try {
    process.exitCode = await work();
  } catch (error) {
    const code = error instanceof PorticoLicenseError ? error.code : 'ERROR';
    const message = error instanceof Error ? error.message : String(error);
    if (jsonMode()) process.stdout.write(`${JSON.stringify({ error: { code, message } })}\n`);
    process.stderr.write(`${message}\n`);
    process.exitCode = EXIT.error;
  }
}

export function buildCli(): Command {
  const program = new Command('portico-license')
    .description('Portico licensing client: sign in, activate, heartbeat, offline leases, verification')
    .version(SDK_VERSION)
    .addOption(new Option('--server <url>', `the Portico server (default: PORTICO_URL or ${DEFAULT_SERVER})`))
    .option('--json', 'machine-readable output: one JSON object a line')
    .showHelpAfterError()
    // Usage errors exit 1 like every other error (commander's default is 1 too; said here on purpose).
    .exitOverride((error) => {
      process.exit(error.exitCode === 0 ? EXIT.ok : EXIT.error);
    });
  registerSignInCommands(program, run);
  registerLicensingCommands(program, run);
  registerLeaseCommands(program, run);
  return program;
}

await buildCli().parseAsync(process.argv);
