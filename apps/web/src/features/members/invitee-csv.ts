import { INVITEE_NAME_MAX, type Invitee } from '@portico/contracts';
import Papa from 'papaparse';
import { isValidAddress, normalizeAddress } from './invite-batches';

/** What the "Download CSV template" link gives: the header Invite Member reads, and two example rows. */
export const INVITEE_CSV_TEMPLATE =
  'email,first_name,last_name\r\npat.lee@example.com,Pat,Lee\r\nsam.diaz@example.com,Sam,Diaz\r\n';

/** A row of the file that will not be sent, by its line number in the file (the header is line 1). */
export interface RefusedRow {
  line: number;
  reason: string;
}

export interface InviteeCsv {
  invitees: Invitee[];
  refused: RefusedRow[];
  /** Whether the file had a header row naming an email column (and so could give names). */
  withHeader: boolean;
}

/** Header cells read as each column, compared trimmed and ignoring case. */
const COLUMNS = {
  email: ['email', 'email address', 'e-mail', 'e-mail address'],
  firstName: ['first_name', 'first name', 'firstname', 'given name'],
  lastName: ['last_name', 'last name', 'lastname', 'surname', 'family name'],
} as const;

interface Row {
  cells: string[];
  line: number;
}

/**
 * The rows of a CSV file with the line each starts on. Papaparse reads the quoting (a quoted cell may hold commas
 * and line breaks) and guesses the delimiter (`,`, `;` or tab) from the first rows; the line numbers are counted
 * here from where each row starts, so a refused row can be found in the file as the administrator sees it.
 */
function rowsOf(text: string): { rows: Row[]; problems: RefusedRow[] } {
  const delimiter = Papa.parse<string[]>(text, { preview: 50, skipEmptyLines: 'greedy' }).meta.delimiter;
  const rows: Row[] = [];
  const problems: RefusedRow[] = [];
  let start = 0;
  let line = 1;
  Papa.parse<string[]>(text, {
    delimiter,
    step: (result) => {
      const cells = result.data.map((cell) => cell.trim());
      if (result.errors.length > 0) problems.push({ line, reason: 'its quotes are not closed' });
      else if (cells.some(Boolean)) rows.push({ cells, line });
      const end = result.meta.cursor;
      for (let i = start; i < end; i++) if (text.charCodeAt(i) === 10) line++;
      start = end;
    },
  });
  return { rows, problems };
}

function columnOf(header: string[], names: readonly string[]): number {
  return header.findIndex((cell) => (names as readonly string[]).includes(cell.toLowerCase()));
}

/** Why a name cell cannot be sent, or null: the server takes up to 100 printable characters. */
function nameProblem(column: string, value: string): string | null {
  if (value.length > INVITEE_NAME_MAX) return `${column} is longer than ${INVITEE_NAME_MAX} characters`;
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what this looks for.
  if (/[\u0000-\u001f\u007f-\u009f]/.test(value)) return `${column} contains control characters`;
  return null;
}

/**
 * Reads an invitee file (issue 14): a header `email,first_name,last_name` (names optional, other columns ignored, in
 * any order), or a plain list of addresses without a header (every cell one address). Each row is checked as the
 * server will check it: a valid address, names it accepts, not a repeat of an earlier row. The rows that pass are
 * the invitees; the others are refused with their line number and the reason.
 */
export function readInviteeCsv(text: string): InviteeCsv {
  const { rows, problems } = rowsOf(text.replace(/^\uFEFF/, ''));
  const header = rows[0]?.cells ?? [];
  const email = columnOf(header, COLUMNS.email);
  const withHeader = email >= 0;
  const firstName = withHeader ? columnOf(header, COLUMNS.firstName) : -1;
  const lastName = withHeader ? columnOf(header, COLUMNS.lastName) : -1;
  const candidates = withHeader
    ? rows.slice(1).map(({ cells, line }) => ({
        line,
        email: cells[email] ?? '',
        firstName: cells[firstName] ?? '',
        lastName: cells[lastName] ?? '',
      }))
    : rows.flatMap(({ cells, line }) =>
        cells.filter(Boolean).map((cell) => ({ line, email: cell, firstName: '', lastName: '' })),
      );

  const invitees: Invitee[] = [];
  const refused: RefusedRow[] = [...problems];
  const seen = new Map<string, number>();
  for (const row of candidates) {
    const address = normalizeAddress(row.email);
    const problem = !address
      ? 'no email address'
      : !isValidAddress(address)
        ? `“${row.email}” is not a valid email address`
        : seen.has(address)
          ? `repeats the address of line ${seen.get(address)}`
          : (nameProblem('first_name', row.firstName) ?? nameProblem('last_name', row.lastName));
    if (problem) {
      refused.push({ line: row.line, reason: problem });
      continue;
    }
    seen.set(address, row.line);
    invitees.push({
      email: address,
      ...(row.firstName ? { firstName: row.firstName } : {}),
      ...(row.lastName ? { lastName: row.lastName } : {}),
    });
  }
  refused.sort((a, b) => a.line - b.line);
  return { invitees, refused, withHeader };
}
