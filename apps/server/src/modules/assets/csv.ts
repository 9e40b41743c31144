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

/**
 * RFC 4180 records: fields separated by commas, quoted fields may hold commas, line breaks and doubled quotes
 * (`""`), lines end with CRLF or LF. A UTF-8 byte order mark is dropped (spreadsheets write one). Lenient where
 * spreadsheets are: spaces before an opening quote are ignored and a stray quote inside an unquoted field is kept.
 * Records that are empty or hold only empty fields (`,,,,` rows a spreadsheet leaves at the end) are left out.
 */
export function parseCsv(text: string): CsvRecord[] {
  const records: CsvRecord[] = [];
  const n = text.length;
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  let line = 1;
  let recordLine = 1;
  let fields: string[] = [];
  let field = '';
  let quoted = false;

  const endRecord = () => {
    fields.push(field);
    if (fields.some((f) => f.trim() !== '')) records.push({ line: recordLine, fields });
    fields = [];
    field = '';
    quoted = false;
  };

  while (i < n) {
    const c = text[i];
    if (c === '"' && !quoted && field.trim() === '') {
      const close = closingQuote(text, i + 1);
      if (close < 0) throw new CsvSyntaxError(line, `line ${line}: a quoted field is not closed`);
      const inner = text.slice(i + 1, close);
      field = inner.replaceAll('""', '"');
      line += countLineBreaks(inner);
      quoted = true;
      i = close + 1;
    } else if (c === ',') {
      fields.push(field);
      field = '';
      quoted = false;
      i++;
    } else if (c === '\n' || c === '\r') {
      endRecord();
      i += c === '\r' && text[i + 1] === '\n' ? 2 : 1;
      line++;
      recordLine = line;
    } else {
      // Text up to the next delimiter or quote in one step: most fields have no quotes at all.
      const end = nextDelimiter(text, i);
      field += text.slice(i, end);
      i = end;
    }
  }
  if (fields.length > 0 || field !== '') endRecord();
  return records;
}

/** The index of the quote that closes a quoted field starting at `from`, skipping doubled quotes; -1 if none. */
function closingQuote(text: string, from: number): number {
  let at = from;
  for (;;) {
    const quote = text.indexOf('"', at);
    if (quote < 0) return -1;
    if (text[quote + 1] !== '"') return quote;
    at = quote + 2;
  }
}

function nextDelimiter(text: string, from: number): number {
  for (let i = from + 1; i < text.length; i++) {
    const c = text[i];
    if (c === ',' || c === '\n' || c === '\r' || c === '"') return i;
  }
  return text.length;
}

/** Line breaks inside a quoted field, counted as the file's lines (CRLF is one). */
function countLineBreaks(text: string): number {
  let count = 0;
  for (let i = 0; i < text.length; i++) {
    if (text[i] === '\n' || (text[i] === '\r' && text[i + 1] !== '\n')) count++;
  }
  return count;
}
