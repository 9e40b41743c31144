import { randomInt } from 'node:crypto';
import { USER_CODE_ALPHABET } from '@portico/contracts';

// The code a person reads off the desktop application and types on the /device page (RFC 8628 §6.1).

export const USER_CODE_LENGTH = 8;

/**
 * Eight characters of the 20-consonant alphabet: 20^8 ≈ 2.6 × 10^10 codes, against at most 30 guesses per account
 * in 10 minutes and a 15-minute life. `randomInt` draws without modulo bias (256 is not a multiple of 20).
 */
export function generateUserCode(): string {
  let code = '';
  for (let i = 0; i < USER_CODE_LENGTH; i++) code += USER_CODE_ALPHABET[randomInt(USER_CODE_ALPHABET.length)];
  return code;
}

/** `BCDFGHJK` as a person reads it: `BCDF-GHJK`. */
export function formatUserCode(stored: string): string {
  return `${stored.slice(0, 4)}-${stored.slice(4)}`;
}

const WELL_FORMED = new RegExp(`^[${USER_CODE_ALPHABET}]{${USER_CODE_LENGTH}}$`);

/**
 * A code as typed (any case, with or without the dash or spaces) in its stored form, or null when it cannot be a
 * code at all (then there is nothing to look up).
 */
export function normalizeUserCode(typed: string): string | null {
  const code = typed.replace(/[\s-]/g, '').toUpperCase();
  return WELL_FORMED.test(code) ? code : null;
}
