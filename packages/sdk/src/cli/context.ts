import { homedir } from 'node:os';
import { join } from 'node:path';
import type { Command } from 'commander';
import { LicensingClient } from '../client.js';
import { PorticoLicenseError } from '../errors.js';
import { type MachineIdentity, machineFingerprint } from '../fingerprint.js';
import { normalizeServerUrl } from '../http.js';
import { FileStore } from '../store.js';
import type { Fingerprint } from '../types.js';

/** Exit codes: 0 the license is valid (or the command did what it was asked), 2 refused, 1 an error. */
export const EXIT = { ok: 0, error: 1, refused: 2 } as const;

export const DEFAULT_SERVER = 'http://localhost:3000';

/** The machine the CLI presents: detected, or given in the environment (a fingerprint may then be one string). */
export type CliMachine = Omit<MachineIdentity, 'fingerprint'> & { fingerprint: Fingerprint };

export interface CliContext {
  client: LicensingClient;
  json: boolean;
  /** The state folder (PORTICO_LICENSE_HOME). */
  home: string;
  stateFile: string;
  /** Prints `data` as one JSON line with --json, else the text lines. */
  print(data: unknown, text: string | string[]): void;
  /** This machine as the server sees it (PORTICO_LICENSE_FINGERPRINT / _MACHINE_NAME override the helper). */
  machine(): CliMachine;
}

export function stateHome(env: NodeJS.ProcessEnv = process.env): string {
  return env.PORTICO_LICENSE_HOME?.trim() || join(homedir(), '.config', 'portico-license');
}

/** One state file per server, so a token is never sent to a server it was not issued by. */
export function stateFileName(serverUrl: string): string {
  const url = new URL(serverUrl);
  const slug = `${url.host}${url.pathname === '/' ? '' : url.pathname}`.replace(/[^a-zA-Z0-9.-]+/g, '_');
  return `state-${slug}.json`;
}

function fingerprintFromEnv(raw: string): Fingerprint {
  const text = raw.trim();
  if (!text.startsWith('{')) return text;
  try {
    const parsed = JSON.parse(text) as Record<string, unknown>;
    return Object.fromEntries(Object.entries(parsed).map(([k, v]) => [k, String(v)]));
  } catch {
    throw new PorticoLicenseError('BAD_FINGERPRINT', 'PORTICO_LICENSE_FINGERPRINT is not a JSON object or a string');
  }
}

export function machineFromEnv(env: NodeJS.ProcessEnv = process.env): CliMachine {
  const detected = env.PORTICO_LICENSE_FINGERPRINT && env.PORTICO_LICENSE_MACHINE_NAME ? null : machineFingerprint();
  return {
    fingerprint: env.PORTICO_LICENSE_FINGERPRINT
      ? fingerprintFromEnv(env.PORTICO_LICENSE_FINGERPRINT)
      : detected!.fingerprint,
    name: env.PORTICO_LICENSE_MACHINE_NAME?.trim() || detected!.name,
    platform: detected?.platform ?? `${process.platform}-${process.arch}`,
  };
}

/** The context of one command run, from the global options. */
export function contextOf(command: Command): CliContext {
  const options = command.optsWithGlobals() as { server?: string; json?: boolean };
  let serverUrl: string;
  try {
    serverUrl = normalizeServerUrl(options.server || process.env.PORTICO_URL?.trim() || DEFAULT_SERVER);
  } catch {
    throw new PorticoLicenseError('BAD_SERVER', `Not a server URL: ${options.server ?? process.env.PORTICO_URL}`);
  }
  const home = stateHome();
  const stateFile = join(home, stateFileName(serverUrl));
  const client = new LicensingClient({ serverUrl, store: new FileStore(stateFile), userAgent: 'portico-license' });
  const json = options.json === true;
  let machine: CliMachine | null = null;
  return {
    client,
    json,
    home,
    stateFile,
    print(data, text) {
      if (json) process.stdout.write(`${JSON.stringify(data)}\n`);
      else process.stdout.write(`${[text].flat().join('\n')}\n`);
    },
    machine() {
      machine ??= machineFromEnv();
      return machine;
    },
  };
}

/** 0 valid, 2 refused by the server, 1 the server could not be reached. */
export function exitOf(result: { reachable: boolean; valid: boolean }): number {
  if (result.valid) return EXIT.ok;
  return result.reachable ? EXIT.refused : EXIT.error;
}
