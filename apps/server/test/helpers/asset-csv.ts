import type { LightMyRequestResponse } from 'fastify';
import type { TestApp } from './test-app.js';

export const CSV_HEADER = 'organization,serial,product,seats,mode,starts,ends';

/** A CSV file: the header, then the rows, LF line ends and a final line break. */
export function csvFile(...rows: string[]): string {
  return `${[CSV_HEADER, ...rows].join('\n')}\n`;
}

/** `count` valid rows with distinct 24-character serials (`prefix` keeps files apart). */
export function generatedRows(
  count: number,
  options: { organization: string; product: string; prefix: string; start?: number },
): string[] {
  const start = options.start ?? 0;
  return Array.from({ length: count }, (_, i) => {
    const serial = `${options.prefix}${String(start + i).padStart(24 - options.prefix.length, '0')}`;
    return `${options.organization},${serial},${options.product},${1 + (i % 50)},online,2026-01-01,2027-01-01`;
  });
}

/** POST /api/v1/operator/assets/import with a CSV body. */
export function importCsv(
  t: TestApp,
  cookie: string | null,
  body: string,
  options: { mode?: string; contentType?: string } = {},
): Promise<LightMyRequestResponse> {
  return t.app.inject({
    method: 'POST',
    url: `/api/v1/operator/assets/import${options.mode ? `?mode=${options.mode}` : ''}`,
    headers: { 'content-type': options.contentType ?? 'text/csv', ...(cookie ? { cookie } : {}) },
    payload: body,
  });
}
