import { describe, expect, it } from 'vitest';
import { transferBudget } from './transfer-budget.js';

const policy = { count: 5, windowMs: 30 * 86_400_000 };

describe('transfer budget', () => {
  it('starts full, with no date to wait for', () => {
    expect(transferBudget(policy, { used: 0, granted: 0, oldestAt: null })).toEqual({
      limit: 5,
      granted: 0,
      used: 0,
      remaining: 5,
      windowDays: 30,
      nextFreeAt: null,
    });
  });

  it('frees the next transfer 30 days after the oldest one in the window', () => {
    const budget = transferBudget(policy, { used: 1, granted: 0, oldestAt: new Date('2026-11-29T10:00:00Z') });
    expect(budget).toMatchObject({ remaining: 4, nextFreeAt: '2026-12-29T10:00:00.000Z' });
  });

  it('adds granted transfers and never goes below zero', () => {
    expect(transferBudget(policy, { used: 6, granted: 2, oldestAt: new Date() }).remaining).toBe(1);
    expect(transferBudget(policy, { used: 9, granted: 0, oldestAt: new Date() }).remaining).toBe(0);
  });
});
