import { describe, expect, it } from 'vitest';
import { AppError } from '../../lib/errors.js';
import { newId } from '../../lib/ids.js';
import { auditIdRange } from './audit-range.js';

/** Whether an event made at `iso` falls in the range, compared as the repository compares (string order). */
function inRange(range: ReturnType<typeof auditIdRange>, iso: string): boolean {
  const id = newId('auditEvent', Date.parse(iso));
  return (range.fromId === undefined || id >= range.fromId) && (range.untilId === undefined || id < range.untilId);
}

describe('auditIdRange', () => {
  it('takes whole UTC days for day bounds, both ends included', () => {
    const range = auditIdRange('2026-11-02', '2026-11-03');
    expect(inRange(range, '2026-11-01T23:59:59.999Z')).toBe(false);
    expect(inRange(range, '2026-11-02T00:00:00.000Z')).toBe(true);
    expect(inRange(range, '2026-11-03T23:59:59.999Z')).toBe(true);
    expect(inRange(range, '2026-11-04T00:00:00.000Z')).toBe(false);
  });

  it('takes instants to the millisecond, with their offset, both ends included', () => {
    const range = auditIdRange('2026-11-02T10:00:00+01:00', '2026-11-02T09:30:00.250Z');
    expect(inRange(range, '2026-11-02T08:59:59.999Z')).toBe(false);
    expect(inRange(range, '2026-11-02T09:00:00.000Z')).toBe(true);
    expect(inRange(range, '2026-11-02T09:30:00.250Z')).toBe(true);
    expect(inRange(range, '2026-11-02T09:30:00.251Z')).toBe(false);
  });

  it('leaves an open end open, and a one-day range is fine', () => {
    expect(auditIdRange(undefined, undefined)).toEqual({ fromId: undefined, untilId: undefined });
    const since = auditIdRange('2026-11-02', undefined);
    expect(inRange(since, '2999-01-01T00:00:00Z')).toBe(true);
    expect(inRange(since, '2026-11-01T00:00:00Z')).toBe(false);
    expect(inRange(auditIdRange('2026-11-02', '2026-11-02'), '2026-11-02T12:00:00Z')).toBe(true);
    // Before 1970 is before every event, not a broken id.
    expect(auditIdRange('0001-01-01', undefined).fromId).toBe('aud_0000000000');
  });

  it('refuses an end before the start, naming `to`', () => {
    for (const [from, to] of [
      ['2026-11-03', '2026-11-02'],
      ['2026-11-02T10:00:00Z', '2026-11-02T09:59:59.999Z'],
    ] as const) {
      const error = (() => {
        try {
          auditIdRange(from, to);
        } catch (e) {
          return e;
        }
      })();
      expect(error).toBeInstanceOf(AppError);
      expect((error as AppError).details).toEqual([{ path: 'to', message: 'must not be before from' }]);
    }
  });
});
