import { CsvError, parse } from 'csv-parse/sync';

/** One record of a CSV file and the line of the file it starts on (1-based), for messages people can act on. */
export interface CsvRecord {
  line: number;
  fields: string[];
}

export class CsvSyntaxError extends Error {
  constructor(
    readonly line: number,
    message: string,
  ) {
    super(message);
    this.name = 'CsvSyntaxError';
  }
}

/** Byte offsets where each line of the file starts: a line ends at LF, CRLF or a lone CR. */
function lineStarts(bytes: Buffer): number[] {
  const starts = [0];
  for (let i = 0; i < bytes.length; i++) {
    const byte = bytes[i];
    if (byte === 0x0a || (byte === 0x0d && bytes[i + 1] !== 0x0a)) starts.push(i + 1);
  }
  return starts;
}

/** The 1-based line that holds the byte at `offset`. */
function lineAt(starts: number[], offset: number): number {
  let low = 0;
  let high = starts.length - 1;
  while (low < high) {
    const middle = (low + high + 1) >> 1;
    if ((starts[middle] as number) <= offset) low = middle;
    else high = middle - 1;
  }
  return low + 1;
}

const MESSAGES: Record<string, string> = {
  CSV_QUOTE_NOT_CLOSED: 'a quoted field is not closed',
  CSV_NON_TRIMABLE_CHAR_AFTER_CLOSING_QUOTE: 'text follows the closing quote of a field',
  CSV_INVALID_CLOSING_QUOTE: 'text follows the closing quote of a field',
};

/** csv-parse's refusal, with the line its record starts on (csv-parse names the line where it stopped reading). */
function syntaxError(error: CsvError, bytes: Buffer, starts: number[]): CsvSyntaxError {
  const raw = (error as CsvError & { raw?: string }).raw;
  const line =
    error.code === 'CSV_QUOTE_NOT_CLOSED' && typeof raw === 'string'
      ? lineAt(starts, bytes.length - Buffer.byteLength(raw))
      : Number((error as CsvError & { lines?: number }).lines ?? 1);
  const message = MESSAGES[error.code] ?? 'the file is not valid CSV';
  return new CsvSyntaxError(line, `line ${line}: ${message}`);
}

/**
 * RFC 4180 records read by csv-parse: quoted fields may hold commas, line breaks and doubled quotes, lines end with
 * CRLF or LF, and a UTF-8 byte order mark is dropped (spreadsheets write one). Lenient where spreadsheets are: spaces
 * around fields are trimmed and a stray quote inside an unquoted field is kept. Records that are empty or hold only
 * empty fields (`,,,,` rows a spreadsheet leaves at the end) are left out; rows may differ in length (the import
 * names a row with the wrong number of fields).
 */
export function parseCsv(text: string): CsvRecord[] {
  const bytes = Buffer.from(text, 'utf8');
  const starts = lineStarts(bytes);
  let rows: { record: string[]; info: { bytes: number }; raw: string }[];
  try {
    // With `info` and `raw`, csv-parse answers objects; its types describe only the plain records.
    rows = parse(bytes, {
      bom: true,
      trim: true,
      relax_quotes: true,
      relax_column_count: true,
      skip_empty_lines: true,
      skip_records_with_empty_values: true,
      info: true,
      raw: true,
    }) as unknown as typeof rows;
  } catch (error) {
    if (error instanceof CsvError) throw syntaxError(error, bytes, starts);
    throw error;
  }
  // Where a record starts: where it ends, less its own raw text.
  return rows.map(({ record, info, raw }) => ({
    line: lineAt(starts, info.bytes - Buffer.byteLength(raw)),
    fields: record,
  }));
}
