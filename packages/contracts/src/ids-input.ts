import { z } from 'zod';

/**
 * An id or code as a client sends it, in a path, a query or a body. Ids never hold control characters: refusing
 * them here answers a NUL byte the same on both databases (PostgreSQL refuses it in a text parameter, SQLite would
 * just find nothing), naming the field.
 */
export const IdInput = z
  .string()
  .trim()
  .min(1)
  .max(100)
  .regex(/^\P{Cc}*$/u, { message: 'must not contain control characters' });

/** The `{org}` of every `/orgs/{org}/…` route: an organization's id or code. */
export const OrgParams = z.object({ org: IdInput });

/** Text to search for (names, emails): printable only, for the same reason. */
export const SearchText = z
  .string()
  .trim()
  .max(200)
  .regex(/^\P{Cc}*$/u, { message: 'must not contain control characters' });
