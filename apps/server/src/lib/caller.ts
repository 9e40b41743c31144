import type { Rights } from '@portico/contracts';
import { toDate } from './time.js';

// Who calls a route, and their place in an organization: what the access guard (http/access.ts) works with.

/** The contact roles of SPEC §2.6, as stored. */
export const CONTACT_ROLES = ['security-administrator', 'support-administrator', 'support-restricted'] as const;
export type ContactRole = (typeof CONTACT_ROLES)[number];

/**
 * What a token or session may be used for. A browser session may do everything its account may; a bearer token only
 * what its scopes name (an API token `api`, a desktop application's `licensing`). Account and session management
 * (`account`) is for the browser only.
 */
export type Scope = 'api' | 'licensing' | 'account';

/** A caller's place in one organization: its User Rights there (null: not a member) and its contact roles. */
export interface Standing {
  organization: { id: string; name: string; code: string; claimed_by_user_id: string | null };
  rights: Rights | null;
  contactRoles: readonly ContactRole[];
}

/** Reads a caller's standing in an organization named by id or code; undefined when there is no such organization. */
export type StandingFinder = (
  organizationIdOrCode: string,
  userId: string,
  options: { contactRoles: boolean },
) => Promise<Standing | undefined>;

export interface SessionContext {
  sessionId: string;
  token: string;
  user: { id: string; name: string; email: string; emailVerified: boolean; isOperator: boolean; createdAt: Date };
}

/**
 * Who calls: a browser with its session (every scope its account has), or a bearer token with the scopes it was
 * issued for. Services that manage the browser session itself take a SessionContext.
 */
export type Caller =
  | (SessionContext & { via: 'session'; scopes: 'all' })
  | {
      via: 'bearer';
      sessionId: null;
      /** The token's row (a desktop application's sign-in: its activations end when it is signed out). */
      tokenId: string;
      token: string;
      user: SessionContext['user'];
      scopes: readonly Scope[];
    };

/** The account as a caller carries it, from the columns the session and token lookups both read. */
export function callerUser(row: {
  userId: string;
  name: string;
  email: string;
  emailVerified: unknown;
  isOperator: unknown;
  createdAt: unknown;
}): SessionContext['user'] {
  return {
    id: row.userId,
    name: row.name,
    email: row.email,
    emailVerified: Boolean(row.emailVerified),
    isOperator: Boolean(row.isOperator),
    createdAt: toDate(row.createdAt),
  };
}
