import { describe, expect, it } from 'vitest';
import { normalizeUserCode, userCodeProblem } from './user-code';

describe('normalizeUserCode', () => {
  it('accepts any case, with or without the dash or spaces', () => {
    expect(normalizeUserCode('wdjb-mjht')).toBe('WDJB-MJHT');
    expect(normalizeUserCode('WDJBMJHT')).toBe('WDJB-MJHT');
    expect(normalizeUserCode(' wdjb mjht ')).toBe('WDJB-MJHT');
  });

  it('refuses what cannot be a code', () => {
    expect(normalizeUserCode('WDJB-MJH')).toBeNull();
    expect(normalizeUserCode('WDJB-MJH0')).toBeNull();
    expect(normalizeUserCode('AEIO-UBCD')).toBeNull();
  });
});

describe('userCodeProblem', () => {
  it('says what is wrong with a typed code', () => {
    expect(userCodeProblem('')).toMatch(/Enter the code/);
    expect(userCodeProblem('BCDF')).toMatch(/8 letters/);
    expect(userCodeProblem('BCDF-GHJO')).toMatch(/no vowels or digits/);
    expect(userCodeProblem('bcdf ghjk')).toBeNull();
  });
});
