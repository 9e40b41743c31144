import { describe, expect, it } from 'vitest';
import { formatEnds, formatTerm, modeLabel } from './asset-format';

const now = Date.parse('2026-11-21T10:00:00Z');

describe('formatTerm', () => {
  it('calls a license without an end date perpetual', () => {
    expect(formatTerm({ startsAt: '2026-01-01T00:00:00.000Z', endsAt: null })).toBe('Perpetual');
  });
  it('shows the stored calendar days, whatever the reader’s time zone', () => {
    const term = formatTerm({ startsAt: '2026-01-31T00:00:00.000Z', endsAt: '2026-12-31T00:00:00.000Z' });
    expect(term).toMatch(/31.*2026 – .*31.*2026/);
  });
});

describe('formatEnds', () => {
  it('says how many days are left', () => {
    expect(formatEnds({ endsAt: '2026-12-31T00:00:00.000Z' }, now)).toMatch(/· in 40 days$/);
    expect(formatEnds({ endsAt: '2026-11-22T00:00:00.000Z' }, now)).toMatch(/· tomorrow$/);
    expect(formatEnds({ endsAt: '2026-11-21T00:00:00.000Z' }, now)).toMatch(/· today$/);
  });
});

describe('modeLabel', () => {
  it('names the licensing mode, and nothing for services', () => {
    expect(modeLabel('online')).toBe('Online');
    expect(modeLabel(null)).toBe('—');
  });
});
