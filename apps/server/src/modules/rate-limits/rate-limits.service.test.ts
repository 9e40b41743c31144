import { describe, expect, it } from 'vitest';
import { retryAfterSeconds } from './rate-limits.service.js';

describe('Retry-After of a rate limit', () => {
  it('is the time until the window that refused the request closes', () => {
    const rule = { limit: 20, windowMs: 3_600_000 };
    const opened = Date.parse('2026-11-29T12:00:00Z');
    expect(retryAfterSeconds(opened, rule, new Date(opened + 30_000))).toBe(3570);
    expect(retryAfterSeconds(opened, rule, new Date(opened + 3_599_500))).toBe(0.5);
  });
});
