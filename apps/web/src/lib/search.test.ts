import { describe, expect, it } from 'vitest';
import { safeRedirect, stringParam } from './search';

describe('stringParam', () => {
  it('keeps strings and turns parsed numbers back into text', () => {
    expect(stringParam('abc')).toBe('abc');
    expect(stringParam(123)).toBe('123');
    expect(stringParam('')).toBeUndefined();
    expect(stringParam({ a: 1 })).toBeUndefined();
  });
});

describe('safeRedirect', () => {
  it.each(['/account', '/dev/mailbox?x=1', '/account#sessions'])('allows the local path %s', (path) => {
    expect(safeRedirect(path)).toBe(path);
  });

  it.each(['//evil.example', '/\\evil.example', 'https://evil.example', 'account', undefined, 42])(
    'refuses %s',
    (value) => {
      expect(safeRedirect(value)).toBeUndefined();
    },
  );
});
