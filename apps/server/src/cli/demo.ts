import type { Command } from 'commander';
import { loadConfig } from '../config.js';
import { SYSTEM_ACTOR } from '../lib/actor.js';
import { type DemoResult, loadDemo } from '../modules/demo/demo.service.js';
import { serviceDeps, withDatabase } from './database.js';

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** What `portico demo` prints: what it created (or that nothing changed), the serials, and how to register one. */
export function formatDemo(result: DemoResult, publicUrl: string): string[] {
  const { products, organizations, assets } = result.created;
  const out =
    products + organizations + assets === 0
      ? ['The demonstration data is already loaded; nothing changed.']
      : [
          `Loaded the demonstration data: ${plural(products, 'product')}, ${plural(organizations, 'organization')} ` +
            `and ${plural(assets, 'asset')} created.`,
        ];
  for (const organization of result.organizations) {
    out.push('', `${organization.name} (${organization.code})`);
    for (const asset of organization.assets) {
      const term = asset.endsAt ? `until ${asset.endsAt.slice(0, 10)}` : 'perpetual';
      const seats = asset.product.kind === 'license' ? `${plural(asset.seats, 'seat')}, ${asset.mode}` : 'service';
      out.push(`  ${asset.serialDisplay}  ${asset.product.code.padEnd(9)}  ${seats}, ${term}, ${asset.status}`);
    }
  }
  out.push(
    '',
    `To see the portal: sign in at ${publicUrl} (on a fresh instance the first account created becomes the operator),`,
    'open Register product, and enter one of these serials. Nobody administers these organizations yet, so the first',
    'person to register one of their serials can promote themselves to administrator.',
  );
  return out;
}

export function registerDemoCommand(program: Command): void {
  program
    .command('demo')
    .description('load a demonstration catalogue and two organizations with assets, and print their serials')
    .action(async () => {
      const config = loadConfig();
      const result = await withDatabase(config, (handle) => loadDemo(serviceDeps(handle), SYSTEM_ACTOR));
      for (const line of formatDemo(result, config.publicUrl)) console.log(line);
    });
}
