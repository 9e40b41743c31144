import { describe, expect, it } from 'vitest';
import { formatImportReport, lineRanges } from './import-report.js';

describe('lineRanges', () => {
  it('joins runs of consecutive lines', () => {
    expect(lineRanges([2, 3, 4, 5, 7, 9, 10])).toBe('2–5, 7, 9–10');
    expect(lineRanges([])).toBe('');
  });
});

describe('formatImportReport', () => {
  const rows = [
    { line: 2, serial: '900000000000000000000002', outcome: 'skipped' as const, reasons: [] },
    {
      line: 10,
      serial: '12-34',
      outcome: 'refused' as const,
      reasons: [
        { field: 'serial', message: 'must be 6 to 40 letters and digits' },
        { field: 'seats', message: 'must be at least 1' },
      ],
    },
  ];

  it('names each refused row with its reasons and says nothing was created', () => {
    expect(formatImportReport({ mode: 'all-or-nothing', created: 0, refused: 1, rows })).toEqual([
      'line 10  12-34: serial must be 6 to 40 letters and digits; seats must be at least 1',
      'Nothing was created: 1 of 2 rows refused. Correct them, or run again with --skip-invalid to create the 1 valid row.',
    ]);
  });

  it('lists created lines as ranges in skip-invalid mode', () => {
    const created = rows.map((r) => (r.outcome === 'skipped' ? { ...r, outcome: 'created' as const } : r));
    expect(formatImportReport({ mode: 'skip-invalid', created: 1, refused: 1, rows: created }).slice(1)).toEqual([
      'created: line 2',
      'Created 1 asset; 1 of 2 rows refused.',
    ]);
  });
});
