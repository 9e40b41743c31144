import { INVITE_CSV_MAX_ADDRESSES, INVITE_MAX_ADDRESSES, type InviteOutcome, splitAddresses } from '@portico/contracts';

/** What became of one invited address. */
export interface AddressOutcome {
  email: string;
  outcome: InviteOutcome;
}

/**
 * The addresses of an uploaded CSV file: the `email` column when the first row names one, else every cell of every
 * row that looks like an address (a one-column list, or an export with names beside the addresses). Repeats are
 * dropped, ignoring case, so nobody is invited twice from one file.
 */
export function addressesFromCsv(text: string): string[] {
  const rows = text
    .replace(/^\uFEFF/, '')
    .split(/\r?\n/)
    .map((line) =>
      line.split(/[,;\t]/).map((cell) =>
        cell
          .trim()
          .replace(/^"(.*)"$/, '$1')
          .trim(),
      ),
    )
    .filter((cells) => cells.some(Boolean));
  const header = rows[0]?.map((cell) => cell.toLowerCase()) ?? [];
  const column = header.findIndex((cell) => cell === 'email' || cell === 'email address' || cell === 'e-mail');
  const cells =
    column >= 0 ? rows.slice(1).map((cells) => cells[column] ?? '') : rows.flat().filter((cell) => cell.includes('@'));
  return distinct(cells.filter(Boolean));
}

/** What the administrator typed: split on `;`, `,`, spaces and new lines (SPEC §2.4), repeats dropped. */
export function addressesFromText(text: string): string[] {
  return distinct(splitAddresses(text));
}

function distinct(addresses: string[]): string[] {
  const seen = new Set<string>();
  return addresses.filter((address) => {
    const key = address.toLowerCase();
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

export function tooManyForCsv(addresses: string[]): boolean {
  return addresses.length > INVITE_CSV_MAX_ADDRESSES;
}

/**
 * Sends the addresses INVITE_MAX_ADDRESSES at a time, one request after another, reporting progress after each:
 * the server takes at most 500 a request, and a 10,000-address file then shows its progress in twenty steps. Stops
 * at the first failed request and throws it; what was sent before it stays sent and is in `done`.
 */
export async function inviteInBatches(
  addresses: string[],
  send: (batch: string[]) => Promise<AddressOutcome[]>,
  onProgress: (sent: number, total: number, done: AddressOutcome[]) => void,
): Promise<AddressOutcome[]> {
  const done: AddressOutcome[] = [];
  onProgress(0, addresses.length, done);
  for (let start = 0; start < addresses.length; start += INVITE_MAX_ADDRESSES) {
    const batch = addresses.slice(start, start + INVITE_MAX_ADDRESSES);
    done.push(...(await send(batch)));
    onProgress(Math.min(start + batch.length, addresses.length), addresses.length, done);
  }
  return done;
}

/** How many addresses had each outcome, in the order the summary shows them. */
export function countOutcomes(results: AddressOutcome[]) {
  const counts: Record<InviteOutcome, number> = {
    invited: 0,
    'already a member': 0,
    'already invited': 0,
    'invalid address': 0,
  };
  for (const { outcome } of results) counts[outcome] += 1;
  return counts;
}
