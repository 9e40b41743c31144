import { describe, expect, it } from 'vitest';
import { componentsOf, fingerprintHash, sameMachine } from './fingerprints.js';

const laptop = { hostname: 'h1', osInstallId: 'o1', mac: 'm1', cpu: 'c1' };

describe('machine fingerprints', () => {
  it('recognises a renamed host and a VM resumed with a new network card as the same machine', () => {
    expect(sameMachine(laptop, { ...laptop, hostname: 'h2' })).toBe(true);
    expect(sameMachine(laptop, { ...laptop, mac: 'm2' })).toBe(true);
  });

  it('tells another machine apart even when it has the same CPU model', () => {
    expect(sameMachine(laptop, { hostname: 'h9', osInstallId: 'o9', mac: 'm9', cpu: 'c1' })).toBe(false);
    expect(sameMachine(laptop, { ...laptop, hostname: 'h2', mac: 'm2' })).toBe(false);
  });

  it('ignores components only one side reports, and never matches on nothing', () => {
    expect(sameMachine({ hostname: 'h1', osInstallId: 'o1' }, laptop)).toBe(true);
    expect(sameMachine({ disk: 'd1' }, laptop)).toBe(false);
  });

  it('reads a single string as one component, matched exactly', () => {
    expect(componentsOf('abc')).toEqual({ id: 'abc' });
    expect(sameMachine(componentsOf('abc'), componentsOf('abc'))).toBe(true);
    expect(sameMachine(componentsOf('abc'), componentsOf('abd'))).toBe(false);
  });

  it('hashes components independently of their order', () => {
    expect(fingerprintHash({ a: '1', b: '2' })).toBe(fingerprintHash({ b: '2', a: '1' }));
    expect(fingerprintHash({ a: '1', b: '2' })).toMatch(/^[0-9a-f]{64}$/);
    expect(fingerprintHash({ a: '1', b: '2' })).not.toBe(fingerprintHash({ a: '1', b: '3' }));
  });
});
