import { z } from 'zod';

/** Public facts about an instance, read by the web app before anyone signs in. */
export const Instance = z.object({ name: z.string(), version: z.string(), devMailbox: z.boolean() });
export type Instance = z.infer<typeof Instance>;
