import { useEffect, useState } from 'react';
import { ApiError } from './api';

/**
 * Seconds left before a rate-limited action may be tried again (0 when it may). Counts down from the Retry-After
 * of the latest 429, so the submit button stays disabled exactly as long as the server asked.
 */
export function useCooldown(error: unknown): number {
  const [remaining, setRemaining] = useState(0);

  useEffect(() => {
    const seconds = error instanceof ApiError && error.code === 'RATE_LIMITED' ? (error.retryAfter ?? 0) : 0;
    setRemaining(seconds);
    if (seconds <= 0) return;
    const until = Date.now() + seconds * 1000;
    const timer = setInterval(() => {
      const left = Math.max(0, Math.ceil((until - Date.now()) / 1000));
      setRemaining(left);
      if (left === 0) clearInterval(timer);
    }, 1000);
    return () => clearInterval(timer);
  }, [error]);

  return remaining;
}
