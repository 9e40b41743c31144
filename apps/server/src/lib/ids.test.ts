import { ID_PATTERN } from '@portico/contracts';
import { describe, expect, it } from 'vitest';
import { parseDuration } from './durations.js';
import { newId } from './ids.js';

describe('ids', () => {
  it('are prefixed and match the contract pattern', () => {
    expect(newId('user')).toMatch(/^usr_/);
    expect(newId('organization')).toMatch(ID_PATTERN);
  });

  it('sort by creation time', () => {
    const times = [1, 2, 1_000, 1_700_000_000_000, 1_800_000_000_000];
    const ids = times.map((ms) => newId('user', ms));
    expect([...ids].sort()).toEqual(ids);
  });

  it('made in one millisecond, sort in the order they were made', () => {
    const ids = Array.from({ length: 1_000 }, () => newId('auditEvent', 1_800_000_000_123));
    expect([...ids].sort()).toEqual(ids);
    expect(new Set(ids).size).toBe(1_000);
  });

  it('do not repeat', () => {
    const ids = new Set(Array.from({ length: 10_000 }, () => newId('session', 0)));
    expect(ids.size).toBe(10_000);
  });
});

describe('durations', () => {
  it.each([
    ['90s', 90_000],
    ['10m', 600_000],
    ['7d', 604_800_000],
    ['2h', 7_200_000],
  ])('reads %s', (text, ms) => expect(parseDuration(text)).toBe(ms));
  it.each(['', '7', 'd', '-1d', '0s', '1.5h', '7 days'])('refuses %j', (text) =>
    expect(parseDuration(text)).toBeNull(),
  );
});
