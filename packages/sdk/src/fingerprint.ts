import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { arch, cpus, hostname, networkInterfaces, platform } from 'node:os';
import type { Fingerprint } from './types.js';

export interface MachineIdentity {
  /** Component name → SHA-256 (hex) of its value: raw identifiers never leave the machine. */
  fingerprint: Record<string, string>;
  /** What the user calls this machine (the host name), shown on the devices list. */
  name: string;
  /** `${os.platform()}-${os.arch()}`, e.g. `linux-x64`. */
  platform: string;
}

const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

/**
 * The canonical text of a fingerprint: `JSON.stringify` of its components with the keys sorted by UTF-16 code
 * units and each value trimmed, no whitespace. A fingerprint given as one string is the one component `id`. The
 * server trims what it receives, so trimming here keeps both sides on the same bytes.
 */
export function canonicalFingerprint(fingerprint: Fingerprint): string {
  const components = typeof fingerprint === 'string' ? { id: fingerprint } : fingerprint;
  const sorted: Record<string, string> = {};
  for (const key of Object.keys(components).sort()) sorted[key] = String(components[key]).trim();
  return JSON.stringify(sorted);
}

/**
 * SHA-256 (lowercase hex) of the canonical fingerprint. The server computes a lease's `fingerprint` claim the same
 * way from the fingerprint sent at activation (docs/sdk.md, "Fingerprints"), so a lease copied to another machine
 * fails verification there.
 */
export function fingerprintHash(fingerprint: Fingerprint): string {
  return sha256(canonicalFingerprint(fingerprint));
}

function firstLine(text: string): string | null {
  const line = text.split(/\r?\n/)[0]?.trim();
  return line ? line : null;
}

function run(command: string, args: string[]): string | null {
  try {
    return execFileSync(command, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'], timeout: 3000 });
  } catch {
    return null;
  }
}

/** The operating system's installation id, best effort: null when it cannot be read. */
export function osInstallId(os: NodeJS.Platform = platform()): string | null {
  if (os === 'linux') {
    for (const file of ['/etc/machine-id', '/var/lib/dbus/machine-id']) {
      try {
        const id = firstLine(readFileSync(file, 'utf8'));
        if (id) return id;
      } catch {
        // next candidate
      }
    }
    return null;
  }
  if (os === 'darwin') {
    const out = run('ioreg', ['-rd1', '-c', 'IOPlatformExpertDevice']);
    return out?.match(/"IOPlatformUUID"\s*=\s*"([^"]+)"/)?.[1] ?? null;
  }
  if (os === 'win32') {
    const out = run('reg', ['query', 'HKLM\\SOFTWARE\\Microsoft\\Cryptography', '/v', 'MachineGuid']);
    return out?.match(/MachineGuid\s+REG_SZ\s+(\S+)/)?.[1] ?? null;
  }
  return null;
}

/** The first non-internal, non-zero MAC address, by interface name so the choice is stable between runs. */
export function primaryMac(): string | null {
  const interfaces = networkInterfaces();
  for (const name of Object.keys(interfaces).sort()) {
    for (const address of interfaces[name] ?? []) {
      if (!address.internal && address.mac && address.mac !== '00:00:00:00:00:00') return address.mac.toLowerCase();
    }
  }
  return null;
}

/**
 * This machine's identity: several components (host name, OS installation id, MAC address, CPU model), each
 * hashed, so that the server can recognise the device when one of them changes (a renamed host, a new network
 * card). Components that cannot be read are left out.
 */
export function machineFingerprint(): MachineIdentity {
  const host = hostname();
  const raw: Record<string, string | null> = {
    hostname: host.toLowerCase(),
    osInstallId: osInstallId(),
    mac: primaryMac(),
    cpu: cpus()[0]?.model.trim() || null,
  };
  const fingerprint: Record<string, string> = {};
  for (const [name, value] of Object.entries(raw)) if (value) fingerprint[name] = sha256(value);
  return { fingerprint, name: host, platform: `${platform()}-${arch()}` };
}
