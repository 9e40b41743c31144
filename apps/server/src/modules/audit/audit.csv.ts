import { AUDIT_CSV_COLUMNS } from '@portico/contracts';
import { stringify } from 'csv-stringify/sync';

/**
 * RFC 4180 records with CRLF, quoted where a value holds a quote, comma or line break. `escape_formulas` puts a `'`
 * before a value a spreadsheet would run as a formula (CSV injection, OWASP's list: `=`, `+`, `-`, `@`, tab,
 * carriage return, and their full-width forms): an actor's or a member's name typed as `=HYPERLINK(…)` must stay
 * text in the administrator's Excel.
 */
const OPTIONS = {
  record_delimiter: 'windows',
  // A lone \n or \r inside a value must be quoted too: the library only quotes the record delimiter (\r\n) once one
  // is named, and most readers end a record at either.
  quote_record_delimiter: true,
  escape_formulas: true,
} as const;

/** Records as CSV text; null is an empty field. */
export function csvRecords(records: (string | number | null)[][]): string {
  return stringify(
    records.map((values) => values.map((value) => (value === null ? '' : String(value)))),
    OPTIONS,
  );
}

/**
 * The export starts with a UTF-8 byte order mark: without it Excel reads the file as the machine's legacy code page
 * and garbles every non-ASCII name. Other readers (and the asset import here) skip it.
 */
export const CSV_HEADER = `\ufeff${csvRecords([[...AUDIT_CSV_COLUMNS]])}`;

export interface AuditCsvSource {
  id: string;
  occurredAt: string;
  action: string;
  actor: { id: string; name: string | null; email: string | null } | null;
  actorIp: string | null;
  target: { type: string; id: string | null; name: string | null; detail: string | null };
  itemCount: number | null;
  organizationId: string | null;
  organizationName: string | null;
  /** The stored JSON text, as recorded. */
  beforeJson: string | null;
  afterJson: string | null;
}

/** One event's values in the column order of AUDIT_CSV_COLUMNS. No actor: the system (CLI, worker), said so. */
export function auditCsvValues(event: AuditCsvSource): (string | number | null)[] {
  return [
    event.id,
    event.occurredAt,
    event.action,
    event.actor?.id ?? null,
    event.actor ? event.actor.name : 'System',
    event.actor?.email ?? null,
    event.actorIp,
    event.target.type,
    event.target.id,
    event.target.name,
    event.target.detail,
    event.itemCount,
    event.organizationId,
    event.organizationName,
    event.beforeJson,
    event.afterJson,
  ];
}

/** `audit-acme-2026-11-22.csv`: what the download is called; only safe characters reach the header. */
export function auditCsvFilename(scope: string, at: Date): string {
  const name = scope.replace(/[^a-z0-9-]/gi, '-');
  return `audit-${name}-${at.toISOString().slice(0, 10)}.csv`;
}
