import { createHash } from 'node:crypto';
import { arch, hostname, platform } from 'node:os';
import {
  LEASE_AUDIENCE as CONTRACT_AUDIENCE,
  LICENSING_CODES as CONTRACT_CODES,
  DEVICE_GRANT_TYPE as CONTRACT_GRANT,
} from '@portico/contracts';
import { describe, expect, it } from 'vitest';
import { canonicalFingerprint, fingerprintHash, machineFingerprint } from './fingerprint.js';
import { DEVICE_GRANT_TYPE, LEASE_AUDIENCE, LICENSING_CODES } from './types.js';

const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

describe('fingerprints', () => {
  it('hashes the canonical JSON: keys sorted, values trimmed, no whitespace', () => {
    const components = { osInstallId: ' 22 ', cpu: '11', hostname: '33' };
    expect(canonicalFingerprint(components)).toBe('{"cpu":"11","hostname":"33","osInstallId":"22"}');
    expect(fingerprintHash(components)).toBe(sha256('{"cpu":"11","hostname":"33","osInstallId":"22"}'));
    expect(fingerprintHash({ hostname: '33', cpu: '11', osInstallId: '22' })).toBe(fingerprintHash(components));
    // One string is the component `id`, as the server reads it.
    expect(canonicalFingerprint(' one-string ')).toBe('{"id":"one-string"}');
  });

  it('describes this machine with hashed components only', () => {
    const machine = machineFingerprint();
    expect(machine.name).toBe(hostname());
    expect(machine.platform).toBe(`${platform()}-${arch()}`);
    expect(machine.fingerprint.hostname).toBe(sha256(hostname().toLowerCase()));
    for (const value of Object.values(machine.fingerprint)) expect(value).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.stringify(machine.fingerprint)).not.toContain(hostname());
    // The same machine gives the same fingerprint on every run.
    expect(machineFingerprint().fingerprint).toEqual(machine.fingerprint);
  });
});

describe('the copied contract', () => {
  it('keeps the same licensing codes and constants as packages/contracts (the source of truth)', () => {
    expect([...LICENSING_CODES]).toEqual([...CONTRACT_CODES]);
    expect(LEASE_AUDIENCE).toBe(CONTRACT_AUDIENCE);
    expect(DEVICE_GRANT_TYPE).toBe(CONTRACT_GRANT);
  });
});
