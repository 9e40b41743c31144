import { PASSWORD_MIN_LENGTH } from '@portico/contracts';
import { dictionary } from '@zxcvbn-ts/language-common';

/**
 * SPEC §2.1: passwords are checked against a list of common passwords. The list is zxcvbn's (≈49,000 leaked
 * passwords); only those long enough to pass the length rule matter, and the check ignores case.
 */
const COMMON = new Set(
  (dictionary['passwords-common'] as string[])
    .filter((p) => p.length >= PASSWORD_MIN_LENGTH)
    .map((p) => p.toLowerCase()),
);

export function isCommonPassword(password: string): boolean {
  const lowered = password.toLowerCase();
  if (COMMON.has(lowered)) return true;
  // One character repeated, or a run of the keyboard's digits, is as guessable as any listed password.
  return (
    /^(.)\1+$/.test(lowered) || '01234567890123456789'.includes(lowered) || '09876543210987654321'.includes(lowered)
  );
}
