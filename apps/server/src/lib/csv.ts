import { stringify } from 'csv-stringify/sync';

/**
 * RFC 4180 records with CRLF, quoted where a value holds a quote, comma or line break. `escape_formulas` puts a `'`
 * before a value a spreadsheet would run as a formula (CSV injection, OWASP's list: `=`, `+`, `-`, `@`, tab,
 * carriage return): a name typed as `=HYPERLINK(…)` must stay text in the administrator's Excel.
 */
const OPTIONS = { record_delimiter: 'windows', escape_formulas: true } as const;

/** Records as CSV text; null is an empty field. */
export function csvRecords(records: (string | number | null)[][]): string {
  return stringify(
    records.map((values) => values.map((value) => (value === null ? '' : String(value)))),
    OPTIONS,
  );
}

/**
 * A download starts with a UTF-8 byte order mark: without it Excel reads the file in the machine's legacy code page
 * and garbles every non-ASCII name. Other readers skip it.
 */
export const BOM = '\ufeff';

/** A file name part made of letters, digits and dashes only (it goes into a Content-Disposition header). */
export function fileNamePart(text: string): string {
  return text.replace(/[^A-Za-z0-9-]+/g, '-').replace(/^-+|-+$/g, '') || 'export';
}
