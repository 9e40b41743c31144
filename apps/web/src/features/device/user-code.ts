import { USER_CODE_ALPHABET } from '@portico/contracts';

// The code a desktop application shows for its browser sign-in (RFC 8628 §6.1), as a person types it.

const LENGTH = 8;
const WELL_FORMED = new RegExp(`^[${USER_CODE_ALPHABET}]{${LENGTH}}$`);

/** "wdjb mjht", "WDJBMJHT" and "wdjb-mjht" all become "WDJB-MJHT"; null when it cannot be a code at all. */
export function normalizeUserCode(typed: string): string | null {
  const code = typed.replace(/[\s-]/g, '').toUpperCase();
  return WELL_FORMED.test(code) ? `${code.slice(0, 4)}-${code.slice(4)}` : null;
}

/** Why a typed code cannot be right, before asking the server; null when it may be. */
export function userCodeProblem(typed: string): string | null {
  const code = typed.replace(/[\s-]/g, '').toUpperCase();
  if (!code) return 'Enter the code the application shows';
  if (code.length !== LENGTH) return `The code has ${LENGTH} letters, like BCDF-GHJK`;
  // The alphabet has no vowels (no words) and no digits: an O or a 0 was misread from the screen.
  if (!WELL_FORMED.test(code)) return 'The code has only consonants, no vowels or digits: check each letter';
  return null;
}
