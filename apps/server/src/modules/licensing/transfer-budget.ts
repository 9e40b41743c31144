import type { TransferBudget } from '@portico/contracts';

export interface TransferPolicy {
  count: number;
  windowMs: number;
}

/**
 * The transfer budget of a user and product over the rolling window (SPEC §2.5: 5 per 30 days by default): the
 * limit plus the extra transfers administrators granted within the window, less the transfers made within it. The
 * next transfer frees when the oldest one in the window leaves it.
 */
export function transferBudget(
  policy: TransferPolicy,
  usage: { used: number; granted: number; oldestAt: Date | null },
): TransferBudget {
  const remaining = Math.max(0, policy.count + usage.granted - usage.used);
  return {
    limit: policy.count,
    granted: usage.granted,
    used: usage.used,
    remaining,
    windowDays: Math.round(policy.windowMs / 86_400_000),
    nextFreeAt: usage.oldestAt ? new Date(usage.oldestAt.getTime() + policy.windowMs).toISOString() : null,
  };
}
