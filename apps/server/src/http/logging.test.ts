import { describe, expect, it } from 'vitest';
import { redactUrl } from './logging.js';

describe('URLs in the log', () => {
  it('hide invitation tokens in paths and secrets in query strings', () => {
    expect(redactUrl('/invitations/inv_abc.SIGNATURE')).toBe('/invitations/[redacted]');
    expect(redactUrl('/api/v1/invitations/inv_abc.SIGNATURE/accept')).toBe('/api/v1/invitations/[redacted]/accept');
    expect(redactUrl('/verify-email?token=abc&next=%2F')).toBe('/verify-email?token=%5Bredacted%5D&next=%2F');
    expect(redactUrl('/api/v1/me')).toBe('/api/v1/me');
  });
});
