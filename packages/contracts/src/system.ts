import { z } from 'zod';

/** Public facts about an instance, read by the web app before anyone signs in. */
export const Instance = z.object({ name: z.string(), version: z.string(), devMailbox: z.boolean() });
export type Instance = z.infer<typeof Instance>;

/** The dev clock (DEV_CLOCK=true only): how far the server's clock has been moved forward, and its time now. */
export const DevClock = z.object({ now: z.string(), offsetMs: z.number() });
export const AdvanceClockRequest = z.strictObject({
  /** A duration such as `7d`, `1h` or `90s`. */
  advance: z.string().regex(/^\d+(ms|s|m|h|d)$/, { message: 'must be a duration such as 7d, 1h or 90s' }),
});
