import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, type Page } from '@playwright/test';
import { BASE_URL } from './fixtures';
import { PASSWORD } from './helpers';
import { accountFor, apiAs, assetFor, membersOf, operatorApi, type Person, productFor } from './licensing-setup';

// `portico-license` (packages/sdk/bin) as a real child process for the e2e suite: each simulated desktop is a state
// folder of its own (PORTICO_LICENSE_HOME) with a fingerprint and a machine name given in the environment.

const BIN = fileURLToPath(new URL('../packages/sdk/bin/portico-license.mjs', import.meta.url));
/** The state file the CLI keeps for this server (one per server: a token never goes to another one). */
export const STATE_FILE = `state-${new URL(BASE_URL).host.replace(':', '_')}.json`;

export interface Desktop {
  name: string;
  /** PORTICO_LICENSE_HOME; the CLI creates it (mode 0700) on its first write. */
  home: string;
  env: Record<string, string>;
}

const folders: string[] = [];
const running = new Set<ChildProcess>();

/** A simulated machine: its own state folder, a fingerprint of four components unique to this run. */
export function desktop(name: string, run: string): Desktop {
  const folder = mkdtempSync(join(tmpdir(), 'portico-license-e2e-'));
  folders.push(folder);
  const id = `${name.toLowerCase().replace(/\W+/g, '-')}-${run}`;
  const fingerprint = { hostname: id, osInstallId: `os-${id}`, mac: `mac-${id}`, cpu: 'e2e-cpu' };
  const home = join(folder, 'state');
  return {
    name,
    home,
    env: {
      PORTICO_LICENSE_HOME: home,
      PORTICO_LICENSE_FINGERPRINT: JSON.stringify(fingerprint),
      PORTICO_LICENSE_MACHINE_NAME: name,
    },
  };
}

/** Kills a command still running after a failed test (only the ones started here) and removes the state folders. */
export function cleanUpDesktops(): void {
  for (const child of running) child.kill('SIGKILL');
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
}

/** A licensing answer as `--json` prints it: the SDK's LicenseResult with the product. */
export interface CliResult {
  product: string;
  reachable: boolean;
  valid: boolean;
  code: string;
  answer: {
    holder: { deviceName: string } | null;
    devices: { id: string; name: string; inUse: boolean }[] | null;
    transfers: { remaining: number; used: number; windowDays: number; nextFreeAt: string | null } | null;
    activation: { id: string; machineName: string } | null;
  } | null;
}

export interface Finished {
  exit: number | null;
  /** Each stdout line parsed (`--json`: one object a line). */
  lines: Record<string, unknown>[];
  stderr: string;
}

export interface Command {
  /** The lines printed so far. */
  lines(): Record<string, unknown>[];
  done: Promise<Finished>;
}

const parse = (stdout: string) =>
  stdout
    .split('\n')
    .filter((line) => line.trim())
    .map((line) => JSON.parse(line) as Record<string, unknown>);

/** Starts `portico-license --server URL --json ARGS` on a desktop; killed after 50 s should it hang. */
export function startCli(machine: Desktop, args: string[]): Command {
  const child = spawn(process.execPath, [BIN, '--server', BASE_URL, '--json', ...args], {
    env: { PATH: process.env.PATH ?? '', HOME: machine.home, ...machine.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  running.add(child);
  let stdout = '';
  let stderr = '';
  child.stdout?.on('data', (chunk: Buffer) => {
    stdout += chunk.toString('utf8');
  });
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr += chunk.toString('utf8');
  });
  const timer = setTimeout(() => child.kill('SIGKILL'), 50_000);
  const done = new Promise<Finished>((resolve) =>
    child.once('close', (exit) => {
      clearTimeout(timer);
      running.delete(child);
      resolve({ exit, lines: parse(stdout), stderr });
    }),
  );
  return { lines: () => parse(stdout.slice(0, stdout.lastIndexOf('\n') + 1)), done };
}

/** One licensing command that prints one answer: its exit code and the answer. */
export async function licensing(machine: Desktop, ...args: string[]): Promise<CliResult & { exit: number | null }> {
  const { exit, lines, stderr } = await startCli(machine, args).done;
  expect(lines, `${args.join(' ')} on ${machine.name}: ${stderr}`).toHaveLength(1);
  return { exit, ...(lines[0] as unknown as CliResult) };
}

/** `login` prints its code first, then waits: the code and the link it prints, once printed. */
export async function loginCode(
  login: Command,
): Promise<{ userCode: string; verificationUri: string; verificationUriComplete: string }> {
  await expect.poll(() => login.lines().length, { timeout: 20_000, message: 'login prints its code' }).toBe(1);
  const [code] = login.lines();
  expect(code).toMatchObject({ event: 'code', userCode: expect.stringMatching(/^[A-Z]{4}-[A-Z]{4}$/) });
  return code as { userCode: string; verificationUri: string; verificationUriComplete: string };
}

/** A date as this browser writes it in words ("29 December 2026"), to compare with what the page says. */
export const dayInBrowser = (page: Page, iso: string) =>
  page.evaluate((value) => new Intl.DateTimeFormat(undefined, { dateStyle: 'long' }).format(new Date(value)), iso);

/** The server's clock (the dev clock: another spec may have moved it forward). */
export async function serverNow(page: Page): Promise<number> {
  const clock = (await (await page.request.get('/api/v1/dev/clock')).json()) as { now: string };
  return Date.parse(clock.now);
}

/**
 * An organization with an online asset of a license product (1 seat), an administrator, and a member who holds it;
 * through the operator and admin APIs. Answers the organization's id.
 */
export async function onlineLicenseHeldBy(setup: {
  organization: { name: string; code: string };
  admin: Person;
  member: Person;
  product: { code: string; name: string };
  serial: string;
}): Promise<string> {
  const { admin, member, product } = setup;
  for (const person of [admin, member]) await accountFor(person);
  const operator = await operatorApi();
  const created = await operator.post('/api/v1/operator/organizations', { data: setup.organization });
  expect(created.ok(), await created.text()).toBeTruthy();
  const org = (await created.json()).id as string;
  const appointed = await operator.post(`/api/v1/operator/organizations/${org}/administrators`, {
    data: { email: admin.email },
  });
  expect(appointed.ok()).toBeTruthy();
  await productFor(operator, { ...product, kind: 'license', type: 'cad' });
  await assetFor(operator, {
    organization: org,
    product: product.code,
    serial: setup.serial,
    seats: 1,
    mode: 'online',
  });

  const administrator = await apiAs(admin.email, PASSWORD);
  await membersOf(org, administrator, [member]);
  const members = (await (
    await administrator.get(`/api/v1/orgs/${org}/members?status=active&rights=member`)
  ).json()) as {
    items: { id: string; email: string }[];
  };
  const id = members.items.find((m) => m.email === member.email)?.id;
  const assigned = await administrator.post(`/api/v1/orgs/${org}/assignments`, {
    data: { product: product.code, users: [id] },
  });
  expect(assigned.ok(), await assigned.text()).toBeTruthy();
  await administrator.dispose();
  return org;
}
