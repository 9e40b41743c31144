import { readFile } from 'node:fs/promises';
import {
  ASSET_CSV_COLUMNS,
  AssetCsvRow,
  CreateAssetRequest,
  CreateOrganizationRequest,
  CreateProductRequest,
  LICENSING_MODES,
  PRODUCT_KINDS,
} from '@portico/contracts';
import { type Command, Option } from 'commander';
import { loadConfig } from '../config.js';
import { SYSTEM_ACTOR } from '../lib/actor.js';
import { AppError } from '../lib/errors.js';
import { importAssets } from '../modules/assets/asset-import.service.js';
import { createAsset } from '../modules/assets/assets.service.js';
import { createProduct } from '../modules/catalog/catalog.service.js';
import { createOrganization } from '../modules/organizations/organizations.service.js';
import { serviceDeps, withDatabase } from './database.js';
import { formatImportReport } from './import-report.js';
import { parseInput } from './input.js';

/** Runs one service call on the configured database (migrated first), as the system actor. */
function run<T>(work: (deps: ReturnType<typeof serviceDeps>) => Promise<T>): Promise<T> {
  return withDatabase(loadConfig(), (handle) => work(serviceDeps(handle)));
}

const day = (iso: string | null) => (iso ? iso.slice(0, 10) : null);
const ASSET_OPTION_NAMES = {
  organization: '--org',
  product: '--product',
  serial: '--serial',
  startsAt: '--starts',
  endsAt: '--ends',
};

async function createOrganizationCommand(name: string, code: string) {
  const input = parseInput(CreateOrganizationRequest, { name, code });
  const org = await run((deps) => createOrganization(deps, SYSTEM_ACTOR, input));
  console.log(`Created organization ${org.name} (${org.code}), id ${org.id}`);
}

async function createProductCommand(code: string, name: string, options: { kind: string; type?: string }) {
  const input = parseInput(CreateProductRequest, { code, name, ...options }, { type: '--type' });
  const product = await run((deps) => createProduct(deps, SYSTEM_ACTOR, input));
  const kind = product.type ? `${product.kind}, ${product.type}` : product.kind;
  console.log(`Created product ${product.code} ${product.name} (${kind}), id ${product.id}`);
}

async function addAssetCommand(options: Record<string, string | undefined>) {
  // Seats arrive as text: the CSV import's rule for a seat count written as text, then the API's request schema.
  // Left out for a service: services have no seats.
  const seats = options.seats === undefined ? undefined : AssetCsvRow.shape.seats.safeParse(options.seats);
  const candidate = {
    organization: options.org,
    product: options.product,
    serial: options.serial,
    ...(seats ? { seats: seats.success ? seats.data : 1 } : {}),
    startsAt: options.starts,
    // Left out when not given, so that the schema's defaults apply (machine mode, a perpetual license).
    ...(options.mode ? { mode: options.mode } : {}),
    ...(options.ends ? { endsAt: options.ends } : {}),
  };
  const seatsProblem =
    !seats || seats.success ? [] : [{ path: '--seats', message: seats.error.issues[0]?.message ?? '' }];
  const input = parseInput(CreateAssetRequest, candidate, ASSET_OPTION_NAMES, seatsProblem);
  const asset = await run((deps) => createAsset(deps, SYSTEM_ACTOR, input));
  const term = asset.endsAt
    ? `${day(asset.startsAt)} to ${day(asset.endsAt)}`
    : `perpetual from ${day(asset.startsAt)}`;
  const mode = asset.mode ? `, ${asset.mode}` : '';
  const seatsText = asset.product.kind === 'service' ? 'service' : `${asset.seats} seats`;
  const what = `${asset.product.code}, ${seatsText}${mode}, ${term}`;
  console.log(`Created asset ${asset.serialDisplay}: ${what}, id ${asset.id}`);
}

async function importAssetsCommand(file: string, options: { skipInvalid?: boolean }) {
  const text = await readFile(file, 'utf8').catch((error: NodeJS.ErrnoException) => {
    const why = error.code === 'ENOENT' ? 'no such file' : error.message;
    throw new AppError('NOT_FOUND', `Cannot read ${file}: ${why}`);
  });
  const mode = options.skipInvalid ? 'skip-invalid' : 'all-or-nothing';
  const report = await run((deps) => importAssets(deps, SYSTEM_ACTOR, text, mode));
  for (const line of formatImportReport(report)) console.log(line);
  // Refused rows are a failure for scripts, also when the valid ones were created (--skip-invalid).
  if (report.refused > 0) process.exitCode = 1;
}

/** `portico org create`, `product create`, `asset add` and `asset import` (SPEC §4.4): the operator API's services. */
export function registerCatalogCommands(program: Command): void {
  program
    .command('org')
    .description('organizations')
    .command('create <name> <code>')
    .description('create an organization with a name and a unique short code (e.g. "Acme Engineering" acme)')
    .action(createOrganizationCommand);

  program
    .command('product')
    .description('the product catalogue')
    .command('create <code> <name>')
    .description('add a product to the catalogue (e.g. PRM-2026 "Premium 2026" --kind license --type cad)')
    .addOption(new Option('--kind <kind>', 'license or service').choices(PRODUCT_KINDS).makeOptionMandatory())
    .option('--type <type>', 'product type of a license product, e.g. cad, simulation, electrical')
    .action(createProductCommand);

  const asset = program.command('asset').description('assets (serial numbers with seats and terms)');
  asset
    .command('add')
    .description('add one asset to an organization')
    .requiredOption('--org <org>', 'organization id or code')
    .requiredOption('--serial <serial>', 'serial number (spaces and dashes are ignored)')
    .requiredOption('--product <product>', 'product code or id')
    .option('--seats <n>', 'number of seats of a license product (services have none)')
    .addOption(
      new Option('--mode <mode>', 'licensing mode (license products; default machine)').choices(LICENSING_MODES),
    )
    .requiredOption('--starts <date>', 'start date, e.g. 2026-01-01')
    .option('--ends <date>', 'end of the subscription; leave out for a perpetual license')
    .action(addAssetCommand);

  asset
    .command('import <file>')
    .description(`import assets from a CSV file with the header ${ASSET_CSV_COLUMNS.join(',')}`)
    .option('--skip-invalid', 'create the valid rows even when others are refused (default: all or nothing)')
    .action(importAssetsCommand);
}
