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

/** The longest Terms and Conditions an operator may set (about 40 pages of text). */
export const TERMS_MAX_LENGTH = 100_000;

/**
 * The Terms and Conditions the First Moment of Truth asks to accept (SPEC §2.3), shown at /terms as plain text: the
 * operator's text, or the default that ships (`isDefault`) until an operator sets one.
 */
export const Terms = z.object({ text: z.string(), isDefault: z.boolean(), updatedAt: z.string().nullable() });
export type Terms = z.infer<typeof Terms>;

/** The operator's text, or null to go back to the default: line breaks and tabs kept, other control characters refused. */
export const UpdateTermsRequest = z.strictObject({
  text: z
    .string()
    .max(TERMS_MAX_LENGTH, { message: `must be at most ${TERMS_MAX_LENGTH.toLocaleString('en-US')} characters` })
    .refine((text) => text.trim() !== '', { message: 'is required' })
    .refine((text) => !/[^\P{Cc}\n\r\t]/u.test(text), {
      message: 'must not hold control characters other than line breaks and tabs',
    })
    .nullable(),
});
