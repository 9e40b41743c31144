import { readFile, writeFile } from 'node:fs/promises';
import type { Command } from 'commander';
import { PorticoLicenseError } from '../errors.js';
import { contextOf, EXIT } from './context.js';
import { when } from './format.js';
import { targets } from './licensing.js';

type Run = (work: () => Promise<number>) => Promise<void>;

export function registerLeaseCommands(program: Command, run: Run): void {
  program
    .command('verify <file>')
    .description('verify a lease file offline (signature, audience, issuer, expiry) with the server’s cached keys')
    .option('--this-machine', 'also check that the lease was issued to this machine (its fingerprint)')
    .action((file: string, options: { thisMachine?: boolean }, command: Command) =>
      run(async () => {
        const ctx = contextOf(command);
        const lease = (await readFile(file, 'utf8')).trim();
        const fingerprint = options.thisMachine ? ctx.machine().fingerprint : undefined;
        const result = await ctx.client.verifyLease(lease, { fingerprint });
        const claims = result.claims;
        const lines = result.valid
          ? [
              `Valid ${claims?.kind} lease of ${claims?.product} (${claims?.mode}), activation ${claims?.activation}.`,
              `Expires ${when(new Date((claims?.exp ?? 0) * 1000).toISOString())}; issued by ${claims?.iss}.`,
            ]
          : [`Not valid (${result.reason}): ${result.message}`];
        ctx.print(result, lines);
        return result.valid ? EXIT.ok : EXIT.refused;
      }),
    );

  program
    .command('lease [product]')
    .description('print the current lease (a compact JWS), or write it to a file')
    .option('--output <file>', 'write the lease to this file instead of printing it')
    .action((product: string | undefined, options: { output?: string }, command: Command) =>
      run(async () => {
        const ctx = contextOf(command);
        const records = await targets(ctx, product);
        if (records.length > 1) {
          throw new PorticoLicenseError(
            'AMBIGUOUS',
            `Several products are activated: name one (${records.map((r) => r.product).join(', ')})`,
          );
        }
        const record = records[0]!;
        if (!record.lease) throw new PorticoLicenseError('NO_LEASE', `No lease is held for ${record.product}`);
        if (options.output) {
          await writeFile(options.output, `${record.lease}\n`, { mode: 0o600 });
          ctx.print(
            { product: record.product, file: options.output },
            `Wrote the ${record.product} lease to ${options.output}`,
          );
        } else {
          ctx.print({ product: record.product, lease: record.lease }, record.lease);
        }
        return EXIT.ok;
      }),
    );
}
