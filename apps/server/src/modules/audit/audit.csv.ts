import { AUDIT_CSV_COLUMNS } from '@portico/contracts';

/**
 * A spreadsheet runs a cell that starts with one of these as a formula (CSV injection): an actor's name or an
 * organization's name typed as `=HYPERLINK(…)` would become a live link or worse in the administrator's Excel.
 * Tab and carriage return start formulas in some spreadsheets too (OWASP's list).
 */
const FORMULA_START = /^[=+\-@\t\r]/;

/** One RFC 4180 field: formula starts neutralized with a leading `'`, quoted when it holds a quote, comma or newline. */
export function csvField(value: string | null): string {
  if (value === null || value === '') return '';
  const safe = FORMULA_START.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

/** One record, ended with CRLF as RFC 4180 asks. */
export function csvRecord(values: (string | null)[]): string {
  return `${values.map(csvField).join(',')}\r\n`;
}

/**
 * The export starts with a UTF-8 byte order mark: without it Excel reads the file as the machine's legacy code page
 * and garbles every non-ASCII name. Other readers (and the asset import here) skip it.
 */
export const CSV_HEADER = `\ufeff${csvRecord([...AUDIT_CSV_COLUMNS])}`;

export interface AuditCsvSource {
  id: string;
  occurredAt: string;
  action: string;
  actor: { id: string; name: string | null; email: string | null } | null;
  actorIp: string | null;
  targetType: string;
  targetId: string | null;
  organizationId: string | null;
  organizationName: string | null;
  /** The stored JSON text, as recorded. */
  beforeJson: string | null;
  afterJson: string | null;
}

/** One event as a record in the column order of AUDIT_CSV_COLUMNS. */
export function auditCsvRecord(event: AuditCsvSource): string {
  return csvRecord([
    event.id,
    event.occurredAt,
    event.action,
    event.actor?.id ?? null,
    event.actor?.name ?? null,
    event.actor?.email ?? null,
    event.actorIp,
    event.targetType,
    event.targetId,
    event.organizationId,
    event.organizationName,
    event.beforeJson,
    event.afterJson,
  ]);
}

/** `audit-acme-2026-11-22.csv`: what the download is called; only safe characters reach the header. */
export function auditCsvFilename(scope: string, at: Date): string {
  const name = scope.replace(/[^a-z0-9-]/gi, '-');
  return `audit-${name}-${at.toISOString().slice(0, 10)}.csv`;
}
