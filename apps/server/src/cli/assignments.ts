import {
  ASSIGN_MAX_USERS,
  type AssignResult,
  type ErrorCode,
  type ErrorDetail,
  formatSerial,
  REVOKE_MAX_ASSIGNMENTS,
} from '@portico/contracts';
import { type Command, Option } from 'commander';
import { loadConfig, resolveSecret } from '../config.js';
import type { Executor } from '../db/database.js';
import type { Deps } from '../deps.js';
import { SYSTEM_ACTOR } from '../lib/actor.js';
import { systemClock } from '../lib/clock.js';
import { normalizeEmail } from '../lib/email.js';
import { AppError } from '../lib/errors.js';
import { findUserByEmail } from '../modules/accounts/accounts.service.js';
import { findAsset } from '../modules/assets/assets.service.js';
import { findProduct } from '../modules/catalog/catalog.service.js';
import { listAssignments } from '../modules/licensing/assignment-views.service.js';
import { assign, revoke } from '../modules/licensing/assignments.service.js';
import { rightsOf } from '../modules/members/members.service.js';
import { findOrganization } from '../modules/organizations/organizations.service.js';
import { withDatabase } from './database.js';

// `portico assignment add | revoke | list` (SPEC §2.5): the licensing services the API calls, as the system actor.
// Members are named by email. The emails a command queues are sent by the server's mail worker (it polls the
// outbox), so `notifyMail` has nobody to wake here.

type LicensingDeps = Deps<'db' | 'clock' | 'config' | 'notifyMail'>;

/** Runs `work` on the configured database (migrated first) with what the licensing services need. */
function run<T>(work: (deps: LicensingDeps) => Promise<T>): Promise<T> {
  const config = loadConfig();
  return withDatabase(config, (handle) =>
    work({
      db: handle.db,
      clock: systemClock,
      // The emails link to PUBLIC_URL; the secret is the server's (SECRET, or the one kept in DATA_DIR).
      config: { ...config, secret: resolveSecret(config) },
      notifyMail: () => {},
    }),
  );
}

function refusal(code: ErrorCode, details: ErrorDetail[]): AppError {
  return new AppError(code, details.map((d) => `${d.path} ${d.message}`).join('; '), details);
}

async function organizationOf(db: Executor, idOrCode: string) {
  const organization = await findOrganization(db, idOrCode);
  if (!organization)
    throw refusal('NOT_FOUND', [{ path: '--org', message: `no organization has the id or code ${idOrCode}` }]);
  return organization;
}

/** `--users a@x.com,b@x.com`: addresses separated by commas, semicolons or spaces, normalized, each once. */
function readUserList(text: string): string[] {
  const emails = text
    .split(/[\s,;]+/)
    .filter(Boolean)
    .map(normalizeEmail);
  const repeated = [...new Set(emails.filter((email, index) => emails.indexOf(email) !== index))];
  const problems: ErrorDetail[] = repeated.map((email) => ({ path: '--users', message: `names ${email} twice` }));
  if (emails.length === 0) problems.push({ path: '--users', message: 'names no address' });
  if (emails.length > ASSIGN_MAX_USERS)
    problems.push({
      path: '--users',
      message: `names ${emails.length} addresses; at most ${ASSIGN_MAX_USERS} at once`,
    });
  if (problems.length > 0) throw refusal('VALIDATION_FAILED', problems);
  return emails;
}

/** The members these addresses belong to, in order, and a problem naming each unknown address or non-member. */
async function membersByEmail(db: Executor, organization: { id: string; name: string }, emails: string[]) {
  const ids: string[] = [];
  const problems: ErrorDetail[] = [];
  for (const email of emails) {
    const user = await findUserByEmail(db, email);
    if (!user) problems.push({ path: email, message: 'has no account' });
    else if ((await rightsOf(db, organization.id, user.id)) === null)
      problems.push({ path: email, message: `is not a member of ${organization.name}` });
    else ids.push(user.id);
  }
  return { ids, problems };
}

/** A refusal of the service, its paths named the way the command was given them (`users.3` is the 4th address). */
function inCommandTerms(error: unknown, emails: string[]): unknown {
  if (!(error instanceof AppError) || error.details.length === 0) return error;
  const option = (path: string) => {
    const user = /^users\.(\d+)$/.exec(path);
    if (user) return emails[Number(user[1])] ?? '--users';
    return path === 'asset' || path === 'product' ? `--${path}` : path;
  };
  return refusal(
    error.code,
    error.details.map((d) => ({ path: option(d.path), message: d.message })),
  );
}

const HELD = new Set(['assigned', 'already assigned']);

/** One line per user and a summary; how many users were left without the product. */
async function report(db: Executor, emails: string[], results: AssignResult['results'], what: string) {
  const serials = new Map<string, string>();
  for (const assetId of new Set(results.flatMap((r) => (r.assetId ? [r.assetId] : [])))) {
    const asset = await findAsset(db, assetId);
    if (asset) serials.set(assetId, formatSerial(asset.serial));
  }
  const width = Math.max(...emails.map((e) => e.length));
  const outcomeWidth = Math.max(...results.map((r) => r.outcome.length));
  const tally = new Map<string, number>();
  results.forEach((result, index) => {
    const serial = result.assetId && HELD.has(result.outcome) ? (serials.get(result.assetId) ?? '') : '';
    const line = `${(emails[index] ?? result.user).padEnd(width)}  ${result.outcome.padEnd(outcomeWidth)}  ${serial}`;
    console.log(line.trimEnd());
    tally.set(result.outcome, (tally.get(result.outcome) ?? 0) + 1);
  });
  const assigned = tally.get('assigned') ?? 0;
  tally.delete('assigned');
  const rest = [...tally].map(([outcome, n]) => `${n} ${outcome}`);
  const users = results.length === 1 ? 'user' : 'users';
  console.log(
    `Assigned ${what} to ${assigned} of ${results.length} ${users}${rest.length ? `; ${rest.join(', ')}` : ''}.`,
  );
  return results.filter((r) => !HELD.has(r.outcome)).length;
}

/** The product's code and name, for the summary (assign has checked that it exists). */
async function productLabel(db: Executor, input: { asset?: string; product?: string }) {
  if (input.asset) {
    const asset = await findAsset(db, input.asset);
    return asset ? `${asset.product_code} (${formatSerial(asset.serial)})` : input.asset;
  }
  const product = await findProduct(db, input.product as string);
  return product ? product.code : (input.product as string);
}

async function addCommand(options: { org: string; product?: string; asset?: string; users: string }) {
  if ((options.product === undefined) === (options.asset === undefined))
    throw refusal('VALIDATION_FAILED', [{ path: '--product', message: 'or --asset: give one of them' }]);
  const emails = readUserList(options.users);
  const input = options.asset !== undefined ? { asset: options.asset } : { product: options.product as string };
  const left = await run(async (deps) => {
    const organization = await organizationOf(deps.db, options.org);
    const { ids: users, problems } = await membersByEmail(deps.db, organization, emails);
    if (problems.length > 0) throw refusal('NOT_FOUND', problems);
    const { results } = await assign(deps, SYSTEM_ACTOR, organization.id, { ...input, users }).catch((error) => {
      throw inCommandTerms(error, emails);
    });
    return report(deps.db, emails, results, await productLabel(deps.db, input));
  });
  // A user left without the product is a failure for scripts, as a refused row of an import is.
  if (left > 0) process.exitCode = 1;
}

async function revokeCommand(ids: string[], options: { org: string }) {
  const repeated = [...new Set(ids.filter((id, index) => ids.indexOf(id) !== index))];
  const problems = repeated.map((id) => ({ path: id, message: 'is named twice' }));
  if (ids.length > REVOKE_MAX_ASSIGNMENTS)
    problems.push({ path: 'assignments', message: `${ids.length} given; at most ${REVOKE_MAX_ASSIGNMENTS} at once` });
  if (problems.length > 0) throw refusal('VALIDATION_FAILED', problems);
  const { results } = await run(async (deps) => {
    const organization = await organizationOf(deps.db, options.org);
    return revoke(deps, SYSTEM_ACTOR, organization.id, ids);
  });
  const width = Math.max(...ids.map((id) => id.length));
  for (const r of results) console.log(`${r.assignment.padEnd(width)}  ${r.outcome}`);
  const missing = results.filter((r) => r.outcome !== 'revoked').length;
  const revoked = results.length - missing;
  const notFound = missing ? `; ${missing} not found (unknown, already revoked, or of another organization)` : '';
  console.log(
    `Revoked ${revoked} of ${results.length} ${results.length === 1 ? 'assignment' : 'assignments'}${notFound}.`,
  );
  if (missing > 0) process.exitCode = 1;
}

async function listCommand(options: { org: string; product?: string; asset?: string; user?: string }) {
  const rows = await run(async (deps) => {
    const organization = await organizationOf(deps.db, options.org);
    const problems: ErrorDetail[] = [];
    if (options.product !== undefined && !(await findProduct(deps.db, options.product)))
      problems.push({ path: '--product', message: `no product has the id or code ${options.product}` });
    const member =
      options.user === undefined ? null : await membersByEmail(deps.db, organization, [normalizeEmail(options.user)]);
    problems.push(...(member?.problems ?? []));
    if (problems.length > 0) throw refusal('NOT_FOUND', problems);
    const filter = { product: options.product, asset: options.asset, user: member?.ids[0] };
    const items = [];
    let cursor: string | undefined;
    do {
      const page = await listAssignments(deps, organization.id, { ...filter, cursor, limit: 200 });
      items.push(...page.items);
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    return items;
  });
  const table = rows.map((a) => [
    a.id,
    a.product.code,
    a.asset.serialDisplay,
    a.user.email,
    a.user.name,
    a.assignedAt.slice(0, 10),
  ]);
  const widths = table[0]?.map((_, i) => Math.max(...table.map((cells) => (cells[i] as string).length))) ?? [];
  for (const cells of table)
    console.log(
      cells
        .map((c, i) => c.padEnd(widths[i] ?? 0))
        .join('  ')
        .trimEnd(),
    );
  console.log(
    rows.length === 0
      ? 'No active assignments.'
      : `${rows.length} active ${rows.length === 1 ? 'assignment' : 'assignments'}.`,
  );
}

/** `portico assignment add | revoke | list`. */
export function registerAssignmentCommands(program: Command): void {
  const assignment = program.command('assignment').description('assign products to members and revoke them');
  assignment
    .command('add')
    .description(`assign a product (or one asset) to up to ${ASSIGN_MAX_USERS} members, named by email`)
    .requiredOption('--org <org>', 'organization id or code')
    .addOption(new Option('--product <product>', 'product code or id: Portico picks the asset').conflicts('asset'))
    .addOption(new Option('--asset <id>', 'take the seats from this asset (ast_…)'))
    .requiredOption('--users <emails>', 'members’ addresses, separated by commas')
    .action(addCommand);
  assignment
    .command('revoke <assignment-id...>')
    .description('revoke assignments (asg_…) of the organization')
    .requiredOption('--org <org>', 'organization id or code')
    .action(revokeCommand);
  assignment
    .command('list')
    .description('the organization’s active assignments, newest first')
    .requiredOption('--org <org>', 'organization id or code')
    .option('--product <product>', 'only this product (code or id)')
    .option('--asset <id>', 'only this asset')
    .option('--user <email>', 'only this member')
    .action(listCommand);
}
