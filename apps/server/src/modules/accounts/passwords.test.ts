import { describe, expect, it } from 'vitest';
import { isCommonPassword } from './passwords.js';

describe('common passwords', () => {
  it.each(['password123', 'Password123', '1234567890', 'qwertyuiop', 'aaaaaaaaaaaa', '0987654321'])('refuses %s', (p) =>
    expect(isCommonPassword(p)).toBe(true),
  );
  it.each(['violet-harbour-lantern-42', 'correct horse battery', 'Tr0ub4dor&3xyz'])('accepts %s', (p) =>
    expect(isCommonPassword(p)).toBe(false),
  );
});
