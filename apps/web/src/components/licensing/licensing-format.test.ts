import type { TransferBudget } from '@portico/contracts';
import { describe, expect, it } from 'vitest';
import {
  formatDay,
  heldOfflineText,
  platformText,
  stateLabel,
  transfersShort,
  transfersText,
} from './licensing-format';

const budget = (over: Partial<TransferBudget> = {}): TransferBudget => ({
  limit: 5,
  granted: 0,
  used: 0,
  remaining: 5,
  windowDays: 30,
  nextFreeAt: null,
  ...over,
});
const noon = '2026-12-29T12:00:00.000Z';

describe('transfersText', () => {
  it('says how many are left of the limit with the grants, and when the next one frees', () => {
    expect(transfersText(budget())).toBe('5 of 5 left');
    expect(transfersText(budget({ used: 1, remaining: 4, nextFreeAt: noon }))).toBe(
      `4 of 5 left · next frees on ${formatDay(noon)}`,
    );
    expect(transfersText(budget({ granted: 2, used: 5, remaining: 2, nextFreeAt: noon }))).toMatch(/^2 of 7 left · /);
  });

  it('has a short form for a table cell', () => {
    expect(transfersShort(budget({ used: 1, remaining: 4 }))).toBe('1 used, 4 left');
  });
});

describe('formatDay', () => {
  it('writes the month in words, so no reader takes 12/06 for June', () => {
    expect(formatDay(noon)).toMatch(/December/);
    expect(formatDay(noon)).toMatch(/2026/);
    expect(formatDay('not a date')).toBe('not a date');
  });
});

describe('stateLabel', () => {
  it('names each state in words, an offline one with its end', () => {
    expect(stateLabel({ state: 'online', offlineUntil: null })).toBe('Online');
    expect(stateLabel({ state: 'offline', offlineUntil: noon })).toMatch(/^Offline until .*December.*2026/);
    expect(stateLabel({ state: 'lapsed', offlineUntil: null })).toBe('Lapsed');
    expect(stateLabel({ state: 'ended', offlineUntil: null })).toBe('Ended');
  });
});

describe('heldOfflineText', () => {
  it('says how many seats offline leases hold and when the first frees; nothing when none', () => {
    expect(heldOfflineText({ seatsHeldOffline: 0, nextSeatFreeAt: null })).toBeNull();
    expect(heldOfflineText({ seatsHeldOffline: 1, nextSeatFreeAt: noon })).toBe(
      `1 seat held by an offline lease — free on ${formatDay(noon)}`,
    );
    expect(heldOfflineText({ seatsHeldOffline: 2, nextSeatFreeAt: noon })).toBe(
      `2 seats held by offline leases — the first frees on ${formatDay(noon)}`,
    );
  });
});

describe('platformText', () => {
  it('joins what the device said, leaving out what it did not', () => {
    expect(platformText({ platform: 'windows-x64', appVersion: '2026.1' })).toBe('windows-x64 · 2026.1');
    expect(platformText({ platform: 'linux-x64', appVersion: null })).toBe('linux-x64');
  });
});
