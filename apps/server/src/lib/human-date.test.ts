import { describe, expect, it } from 'vitest';
import { humanDate, humanDateTime } from './human-date.js';

describe('dates written for people', () => {
  it('names the weekday, the day, the month in words and the year', () => {
    expect(humanDate(new Date('2026-12-06T10:00:00Z'))).toBe('Sunday 6 December 2026');
    expect(humanDate(new Date('2027-01-01T00:00:00Z'))).toBe('Friday 1 January 2027');
    expect(humanDate(new Date('2028-02-29T12:00:00Z'))).toBe('Tuesday 29 February 2028');
  });

  it('takes the day in UTC, whatever the server’s time zone', () => {
    // 23:30 in New York on Saturday the 5th is already Sunday the 6th in UTC.
    expect(humanDate(new Date('2026-12-05T23:30:00-05:00'))).toBe('Sunday 6 December 2026');
    expect(humanDate(new Date('2026-12-06T23:59:59.999Z'))).toBe('Sunday 6 December 2026');
    expect(humanDate(new Date('2026-12-07T00:00:00Z'))).toBe('Monday 7 December 2026');
  });

  it('adds the time of day in UTC, to the minute, and says UTC', () => {
    expect(humanDateTime(new Date('2026-12-06T14:30:59Z'))).toBe('Sunday 6 December 2026, 14:30 UTC');
    expect(humanDateTime(new Date('2026-12-06T04:05:00Z'))).toBe('Sunday 6 December 2026, 04:05 UTC');
  });
});
