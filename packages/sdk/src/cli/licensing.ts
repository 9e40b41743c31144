import type { Command } from 'commander';
import type { LicenseResult } from '../client.js';
import { PorticoLicenseError } from '../errors.js';
import type { LicenseStatus } from '../license-state.js';
import type { ActivationRecord } from '../store.js';
import type { LicensingProduct } from '../types.js';
import { SDK_VERSION } from '../version.js';
import { type CliContext, contextOf, EXIT, exitOf } from './context.js';
import { productLines, resultLines, statusLines } from './format.js';

type Run = (work: () => Promise<number>) => Promise<void>;

/** The activations a command works on: the product's, or all held; an error when there is none. */
export async function targets(ctx: CliContext, product?: string): Promise<ActivationRecord[]> {
  const records = product
    ? [await ctx.client.activationOf(product)].filter((r): r is ActivationRecord => r !== null)
    : await ctx.client.activations();
  if (records.length === 0) {
    const what = product ? ` of ${product}` : '';
    throw new PorticoLicenseError('NO_ACTIVATION', `This machine holds no activation${what}: run activate first`);
  }
  return records;
}

/** The worst exit of several results: refused over unreachable over valid. */
function worst(codes: number[]): number {
  if (codes.includes(EXIT.refused)) return EXIT.refused;
  return codes.includes(EXIT.error) ? EXIT.error : EXIT.ok;
}

function report(ctx: CliContext, product: string, result: LicenseResult, options: { replace?: string } = {}): number {
  ctx.print({ product, ...result }, resultLines(result, product, options));
  return exitOf(result);
}

interface ActivateOptions {
  org?: string;
  takeover?: boolean;
  transfer?: boolean;
  replace?: string;
  serial?: string;
}

async function activate(ctx: CliContext, product: string | undefined, options: ActivateOptions): Promise<number> {
  const identity = ctx.machine();
  const machine = {
    fingerprint: identity.fingerprint,
    name: identity.name,
    platform: identity.platform,
    appVersion: SDK_VERSION,
  };
  if (options.serial) {
    const result = await ctx.client.activateMachine({ serial: options.serial, machine });
    return report(ctx, result.answer?.activation?.product.code ?? product ?? options.serial, result);
  }
  if (!product) throw new PorticoLicenseError('NO_PRODUCT', 'Name the product to activate (or give --serial)');
  const result = await ctx.client.activate({
    product,
    organization: options.org,
    machine,
    takeover: options.takeover || undefined,
    transfer: options.transfer || undefined,
    replace: options.replace,
  });
  return report(ctx, product, result, { replace: options.replace });
}

/** The server's view (devices, slot, transfers) when signed in; null with the reason when it cannot be had. */
async function serverView(ctx: CliContext): Promise<{ items: LicensingProduct[] | null; note: string | null }> {
  if (!(await ctx.client.signedIn())) return { items: null, note: 'Not signed in: the server’s view is not shown' };
  try {
    return { items: (await ctx.client.products()).items, note: null };
  } catch (error) {
    return { items: null, note: `The server’s view is not available: ${(error as Error).message}` };
  }
}

async function status(ctx: CliContext, product?: string): Promise<number> {
  const records = product ? [await ctx.client.activationOf(product)] : await ctx.client.activations();
  const licenses: LicenseStatus[] = [];
  for (const record of records) licenses.push(await ctx.client.status(record?.id ?? product));
  const view = await serverView(ctx);
  const items = view.items?.filter((i) => !product || i.product.code === product || i.product.id === product) ?? null;
  const thisDevice = (code: string) => records.find((r) => r?.product === code)?.answer?.activation?.deviceId ?? null;
  const lines = [
    ...licenses.flatMap((l) => statusLines(l, product)),
    ...(licenses.length === 0 ? ['This machine holds no activation.'] : []),
    ...(items ?? []).flatMap((i) => ['', ...productLines(i, thisDevice(i.product.code))]),
    ...(view.note ? ['', view.note] : []),
  ];
  const signedIn = await ctx.client.signedIn();
  ctx.print({ server: ctx.client.serverUrl, signedIn, licenses, products: items, note: view.note }, lines);
  return licenses.length > 0 && licenses.every((l) => l.usable) ? EXIT.ok : EXIT.refused;
}

async function heartbeatOnce(ctx: CliContext, records: ActivationRecord[]): Promise<number> {
  const codes: number[] = [];
  for (const record of records) codes.push(report(ctx, record.product, await ctx.client.heartbeat(record.id)));
  return worst(codes);
}

/** Heartbeats until stopped (Ctrl-C: exit 0) or until every activation was refused (exit 2). */
async function watch(ctx: CliContext, records: ActivationRecord[]): Promise<number> {
  const first = await heartbeatOnce(ctx, records);
  if (first === EXIT.refused && records.length === 1) return first;
  return new Promise<number>((resolve) => {
    // The SDK's timers are unref'd (they never hold an application open): this one keeps the command alive.
    const keepAlive = setInterval(() => {}, 1 << 30);
    let running = records.length;
    const stops: (() => void)[] = [];
    const finish = (code: number) => {
      clearInterval(keepAlive);
      for (const stop of stops) stop();
      process.off('SIGINT', interrupted).off('SIGTERM', interrupted);
      resolve(code);
    };
    const interrupted = () => finish(EXIT.ok);
    process.on('SIGINT', interrupted).on('SIGTERM', interrupted);
    for (const record of records) {
      const stop = ctx.client.startHeartbeats(
        record.id,
        (result) => {
          if (report(ctx, record.product, result) === EXIT.refused && --running === 0) finish(EXIT.refused);
        },
        (error) => process.stderr.write(`${(error as Error).message}\n`),
      );
      stops.push(stop);
    }
  });
}

export function registerLicensingCommands(program: Command, run: Run): void {
  program
    .command('activate [product]')
    .description('activate a product (code or id) on this machine')
    .option('--org <org>', 'the organization (code or id) when you hold the product in several')
    .option('--takeover', 'move the product from your other device to this one (free)')
    .option('--transfer', 'register this machine in place of a registered device (costs one transfer)')
    .option('--replace <device>', 'with --transfer: the device (id) to replace')
    .option('--serial <serial>', 'machine mode: activate with the serial number, without signing in')
    .action((product: string | undefined, options: ActivateOptions, command: Command) =>
      run(() => activate(contextOf(command), product, options)),
    );

  program
    .command('status [product]')
    .description('the license on this machine, your devices, the device in use, transfers left')
    .action((product: string | undefined, _options: unknown, command: Command) =>
      run(() => status(contextOf(command), product)),
    );

  program
    .command('heartbeat [product]')
    .description('renew the lease now (all activations held when no product is named)')
    .option('--watch', 'keep heartbeating until stopped (Ctrl-C) or refused')
    .action((product: string | undefined, options: { watch?: boolean }, command: Command) =>
      run(async () => {
        const ctx = contextOf(command);
        const records = await targets(ctx, product);
        return options.watch ? watch(ctx, records) : heartbeatOnce(ctx, records);
      }),
    );

  program
    .command('checkout [product]')
    .description('check out an offline lease (works without the server until it expires)')
    .requiredOption('--days <n>', 'days of offline use (at most what the server allows)', (v) => Number.parseInt(v, 10))
    .action((product: string | undefined, options: { days: number }, command: Command) =>
      run(async () => {
        const ctx = contextOf(command);
        if (!Number.isInteger(options.days) || options.days < 1) {
          throw new PorticoLicenseError('BAD_DAYS', '--days must be a whole number of days, at least 1');
        }
        const codes: number[] = [];
        for (const record of await targets(ctx, product)) {
          codes.push(report(ctx, record.product, await ctx.client.checkout(record.id, options.days)));
        }
        return worst(codes);
      }),
    );

  program
    .command('release [product]')
    .description('release (check in) the activation: the slot is free at once')
    .action((product: string | undefined, _options: unknown, command: Command) =>
      run(async () => {
        const ctx = contextOf(command);
        const codes: number[] = [];
        for (const record of await targets(ctx, product)) {
          const result = await ctx.client.release(record.id);
          const released = result.code === 'RELEASED' || result.valid;
          const lines = released
            ? [`${record.product}: released; the slot is free.`]
            : resultLines(result, record.product);
          ctx.print({ product: record.product, ...result }, lines);
          codes.push(released ? EXIT.ok : exitOf(result));
        }
        return worst(codes);
      }),
    );
}
