import { describe, expect, it } from 'vitest';
import { dayBound, rangeProblem } from './range';

describe('dayBound', () => {
  it('sends the reader’s day as the instants it starts and ends, both included', () => {
    expect(dayBound('2026-03-04', 0)).toBe(new Date(2026, 2, 4, 0, 0, 0, 0).toISOString());
    expect(dayBound('2026-03-04', 1)).toBe(new Date(2026, 2, 4, 23, 59, 59, 999).toISOString());
    // The last day of a month and of a year roll over correctly.
    expect(dayBound('2026-12-31', 1)).toBe(new Date(2026, 11, 31, 23, 59, 59, 999).toISOString());
  });

  it('keeps early years as they are and passes anything else on for the server to refuse', () => {
    expect(new Date(dayBound('0050-01-01', 0) as string).getFullYear()).toBe(50);
    expect(dayBound('yesterday', 0)).toBe('yesterday');
    expect(dayBound('275760-09-14', 1)).toBe('275760-09-14');
    expect(dayBound('', 0)).toBeUndefined();
    expect(dayBound(undefined, 1)).toBeUndefined();
  });
});

describe('rangeProblem', () => {
  it('flags an end before the start, and only that', () => {
    expect(rangeProblem('2026-03-05', '2026-03-04')).toBe('Must be on or after the From date');
    expect(rangeProblem('2026-03-04', '2026-03-04')).toBeNull();
    expect(rangeProblem(undefined, '2026-03-04')).toBeNull();
    expect(rangeProblem('2026-03-04', '')).toBeNull();
  });
});
