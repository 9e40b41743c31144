import { USER_CODE_ALPHABET } from '@portico/contracts';
import { describe, expect, it } from 'vitest';
import { formatUserCode, generateUserCode, normalizeUserCode } from './user-code.js';

describe('user codes (RFC 8628 §6.1)', () => {
  it('are eight characters of the 20 consonants: no vowels, no digits, nothing easily confused', () => {
    expect(USER_CODE_ALPHABET).toHaveLength(20);
    expect(USER_CODE_ALPHABET).not.toMatch(/[AEIOUY0-9]/);
    const codes = Array.from({ length: 2_000 }, generateUserCode);
    for (const code of codes) expect(code).toMatch(new RegExp(`^[${USER_CODE_ALPHABET}]{8}$`));
    // Every letter of the alphabet turns up in 16,000 draws.
    expect(new Set(codes.join('')).size).toBe(20);
  });

  it('are shown as XXXX-XXXX', () => {
    expect(formatUserCode('BCDFGHJK')).toBe('BCDF-GHJK');
  });

  it('are read however a person types them', () => {
    for (const typed of ['BCDF-GHJK', 'bcdf-ghjk', 'BCDFGHJK', ' bcdf ghjk ', 'Bcdf - Ghjk'])
      expect(normalizeUserCode(typed)).toBe('BCDFGHJK');
  });

  it('refuses what cannot be a code: other letters, digits, wrong lengths', () => {
    for (const typed of ['ABCD-EFGH', 'BCDF-GHJ1', 'BCDF-GHJ', 'BCDF-GHJKL', '', 'BCDF_GHJK'])
      expect(normalizeUserCode(typed)).toBeNull();
  });
});
