import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT, waitUntil } from '../helpers/child-process.js';
import { json } from '../helpers/factories.js';
import { approve, buildSdk, followRealTime, type SdkServer, startSdkServer } from './sdk-harness.js';

/**
 * `portico-license` (packages/sdk/bin) as a real process against the real server: login through the browser flow
 * (approved while the command waits), activate, status --json, the other device's refusal and takeover, heartbeat,
 * lease and verify, release, logout; exit codes 0 valid, 2 refused, 1 error; the state file readable by its owner
 * only. Each device is a state folder of its own with a fingerprint given in the environment.
 */
const BIN = join(REPO_ROOT, 'packages/sdk/bin/portico-license.mjs');

let server: SdkServer;
let stopClock: () => void;
const homes: string[] = [];

beforeAll(async () => {
  await buildSdk();
  server = await startSdkServer();
  stopClock = followRealTime(server.t);
}, 180_000);
afterAll(async () => {
  stopClock?.();
  await server?.close();
  for (const home of homes) rmSync(home, { recursive: true, force: true });
});

interface Device {
  home: string;
  env: Record<string, string>;
}

function device(name: string): Device {
  const home = join(mkdtempSync(join(tmpdir(), 'portico-license-')), 'state');
  homes.push(join(home, '..'));
  const fingerprint = JSON.stringify({ hostname: `h-${name}`, osInstallId: `o-${name}`, mac: `m-${name}` });
  return {
    home,
    env: {
      PORTICO_URL: server.url,
      PORTICO_LICENSE_HOME: home,
      PORTICO_LICENSE_FINGERPRINT: fingerprint,
      PORTICO_LICENSE_MACHINE_NAME: name,
    },
  };
}

interface Running {
  child: ChildProcess;
  stdout(): string;
  done: Promise<{ code: number | null; stdout: string; stderr: string }>;
}

function start(d: Device, args: string[]): Running {
  const child = spawn(process.execPath, [BIN, ...args], {
    env: { PATH: process.env.PATH, HOME: d.home, ...d.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (chunk: Buffer) => {
    stdout += chunk.toString('utf8');
  });
  child.stderr!.on('data', (chunk: Buffer) => {
    stderr += chunk.toString('utf8');
  });
  const timer = setTimeout(() => child.kill('SIGKILL'), 50_000);
  const done = new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) =>
    child.once('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    }),
  );
  return { child, stdout: () => stdout, done };
}

const run = (d: Device, args: string[]) => start(d, args).done;
const lines = (stdout: string) =>
  stdout
    .trim()
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l));

/** `login --json` until it prints the code, the person approves it, and the command ends. */
async function login(d: Device, member: number): Promise<void> {
  const running = start(d, ['login', '--json']);
  const code = await waitUntil('the user code', () => running.stdout().match(/"userCode":"([A-Z-]+)"/)?.[1], 20_000);
  await approve(server, server.world.members[member]!.cookie, code);
  const { code: exit, stdout } = await running.done;
  expect(exit).toBe(0);
  expect(lines(stdout).at(-1)).toMatchObject({ event: 'signed-in', server: server.url });
}

// Generous: each sign-in really waits the 5-second poll interval, and a busy machine slows the processes down.
describe('portico-license on two devices of one user', { timeout: 60_000 }, () => {
  const first = () => devices.first;
  const second = () => devices.second;
  const devices = {} as Record<'first' | 'second', Device>;

  it('logs in through the browser while the command waits, and keeps the token readable by its owner only', async () => {
    devices.first = device('cli-first');
    await login(first(), 0);
    expect(statSync(first().home).mode & 0o777).toBe(0o700);
    const files = readdirSync(first().home);
    expect(files).toEqual([`state-127.0.0.1_${new URL(server.url).port}.json`]);
    expect(statSync(join(first().home, files[0]!)).mode & 0o777).toBe(0o600);
  });

  it('activates, and status --json shows the license, the device in use and the transfers left', async () => {
    const activated = await run(first(), ['activate', 'PRM-2026', '--json']);
    expect(activated.code).toBe(0);
    expect(lines(activated.stdout)[0]).toMatchObject({ product: 'PRM-2026', valid: true, code: 'VALID' });
    const status = await run(first(), ['status', '--json']);
    expect(status.code).toBe(0);
    const view = lines(status.stdout)[0];
    expect(view.licenses).toEqual([expect.objectContaining({ product: 'PRM-2026', usable: true, state: 'online' })]);
    expect(view.products[0].devices).toEqual([expect.objectContaining({ name: 'cli-first', inUse: true })]);
    expect(view.products[0].transfers).toMatchObject({ remaining: 5 });
  });

  it('on the other device: names the device in use and suggests --takeover (exit 2), then takes it over', async () => {
    devices.second = device('cli-second');
    const started = await run(second(), ['login', '--no-wait']);
    expect(started.code).toBe(0);
    const userCode = started.stdout.match(/enter the code: ([A-Z-]+)/)?.[1];
    expect(started.stdout).toContain(`${server.url}/device`);
    await approve(server, server.world.members[0]!.cookie, userCode!);
    expect((await run(second(), ['login', '--resume'])).code).toBe(0);

    const refused = await run(second(), ['activate', 'PRM-2026']);
    expect(refused.code).toBe(2);
    expect(refused.stdout).toContain('in use on "cli-first"');
    expect(refused.stdout).toContain('--takeover');
    const taken = await run(second(), ['activate', 'PRM-2026', '--takeover']);
    expect(taken.code).toBe(0);
  });

  it('tells the first device at its next heartbeat (exit 2), and its status is no longer usable', async () => {
    const beat = await run(first(), ['heartbeat', '--json']);
    expect(beat.code).toBe(2);
    expect(lines(beat.stdout)[0]).toMatchObject({ valid: false, code: 'TRANSFERRED' });
    expect((await run(first(), ['status'])).code).toBe(2);
  });

  it('heartbeat --watch renews until stopped (Ctrl-C: exit 0), and ends at once on a refusal (exit 2)', async () => {
    const watching = start(second(), ['heartbeat', '--watch', '--json']);
    await waitUntil('the first heartbeat', () => watching.stdout().includes('"code":"VALID"'), 20_000);
    watching.child.kill('SIGINT');
    expect((await watching.done).code).toBe(0);
    const refused = await run(first(), ['heartbeat', '--watch']);
    expect(refused.code).toBe(2);
    expect(refused.stdout).toContain('TRANSFERRED');
  });

  it('writes the lease to a file and verifies it offline (exit 0), and refuses a tampered one (exit 2)', async () => {
    const file = join(second().home, '..', 'lease.jws');
    expect((await run(second(), ['lease', '--output', file])).code).toBe(0);
    const verified = await run(second(), ['verify', file, '--this-machine', '--json']);
    expect(verified.code).toBe(0);
    expect(lines(verified.stdout)[0]).toMatchObject({ valid: true, claims: { product: 'PRM-2026' } });
    const [header, payload, signature] = (await import('node:fs')).readFileSync(file, 'utf8').trim().split('.');
    const claims = JSON.parse(Buffer.from(payload!, 'base64url').toString());
    const forged = Buffer.from(JSON.stringify({ ...claims, exp: claims.exp + 86_400 })).toString('base64url');
    writeFileSync(file, `${header}.${forged}.${signature}`);
    expect((await run(second(), ['verify', file])).code).toBe(2);
  });

  it('releases (the slot is free on the server), then logs out', async () => {
    const released = await run(second(), ['release', 'PRM-2026']);
    expect(released.code).toBe(0);
    const view = await json(server.t, 'GET', '/api/v1/licensing/products', server.world.members[0]!.cookie);
    expect(view.json().items[0].activation).toBeNull();
    expect((await run(second(), ['logout'])).code).toBe(0);
    const status = await run(second(), ['status', '--json']);
    expect(lines(status.stdout)[0]).toMatchObject({ signedIn: false, licenses: [] });
  });

  it('on a third device: says which device would be replaced and the transfers left, then replaces it with --transfer', async () => {
    const third = device('cli-third');
    await login(third, 0);
    const asked = await run(third, ['activate', 'PRM-2026']);
    expect(asked.code).toBe(2);
    expect(asked.stdout).toContain('Registering it replaces "cli-first"');
    expect(asked.stdout).toContain('Transfers left: 5 of 5');
    expect(asked.stdout).toMatch(/activate PRM-2026 --transfer --replace \S+/);
    const replaced = await run(third, ['activate', 'PRM-2026', '--transfer', '--json']);
    expect(replaced.code).toBe(0);
    expect(lines(replaced.stdout)[0]).toMatchObject({ valid: true, answer: { transfers: { remaining: 4 } } });
  });

  it('exits 1 when the server cannot be reached', async () => {
    const result = await run(first(), ['--server', 'http://127.0.0.1:1', 'login', '--no-wait']);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('Cannot reach');
  });
});
