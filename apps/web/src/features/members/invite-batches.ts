import { INVITE_CSV_MAX_ADDRESSES, INVITE_MAX_ADDRESSES, type InviteOutcome, splitAddresses } from '@portico/contracts';
import { z } from 'zod';

/** What became of one invited address. */
export interface AddressOutcome {
  email: string;
  outcome: InviteOutcome;
}

const emailSchema = z.email();

/** As the server stores an address (SPEC §2.1): trimmed, lower case. */
export function normalizeAddress(address: string): string {
  return address.trim().toLowerCase();
}

/** The server's own test of an address (z.email on the normalized address): what it would answer `invalid address`. */
export function isValidAddress(address: string): boolean {
  return emailSchema.safeParse(normalizeAddress(address)).success;
}

/** What the administrator typed: split on `;`, `,`, spaces and new lines (SPEC §2.4), repeats dropped. */
export function addressesFromText(text: string): string[] {
  return distinct(splitAddresses(text));
}

/**
 * The typed addresses with the ones the server would refuse, checked as they are typed: while `typing`, the last
 * address is left alone until a separator follows it (it is probably not finished).
 */
export function checkTypedAddresses(text: string, typing = false): { addresses: string[]; invalid: string[] } {
  const addresses = addressesFromText(text);
  const unfinished = typing && !/[;,\s]$/.test(text) ? splitAddresses(text).at(-1) : undefined;
  const invalid = addresses.filter((address) => address !== unfinished && !isValidAddress(address));
  return { addresses, invalid };
}

/** "2 addresses are not valid: ann@, bob" — the list cut short after a few. */
export function invalidAddressesMessage(invalid: string[], shown = 5): string {
  const list =
    invalid.slice(0, shown).join(', ') + (invalid.length > shown ? `, and ${invalid.length - shown} more` : '');
  return invalid.length === 1
    ? `1 address is not valid: ${list}`
    : `${invalid.length} addresses are not valid: ${list}`;
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

export function tooManyForCsv(invitees: unknown[]): boolean {
  return invitees.length > INVITE_CSV_MAX_ADDRESSES;
}

/**
 * Sends the addresses (or invitees with names) INVITE_MAX_ADDRESSES at a time, one request after another, reporting progress after each:
 * the server takes at most 500 a request, and a 10,000-address file then shows its progress in twenty steps. Stops
 * at the first failed request and throws it; what was sent before it stays sent and is in `done`.
 */
export async function inviteInBatches<T>(
  addresses: T[],
  send: (batch: T[]) => Promise<AddressOutcome[]>,
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
