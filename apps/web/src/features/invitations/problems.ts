import type { InvitationState, Rights } from '@portico/contracts';
import { isApiError } from '../../lib/api';

/**
 * Why an invitation link cannot be accepted; each has its own page (SPEC §2.4: "a page that says which"): the states
 * that end an invitation, with accepted named as used, and a link that matches no invitation at all.
 */
export type InvitationProblem = Exclude<InvitationState, 'pending' | 'accepted'> | 'used' | 'invalid';

export function problemOfState(state: InvitationState): InvitationProblem | undefined {
  if (state === 'pending') return undefined;
  return state === 'accepted' ? 'used' : state;
}

/** The same pages for a refusal at accept time as for the state the link showed when the page loaded. */
export function problemOfError(error: unknown): InvitationProblem | undefined {
  if (isApiError(error, 'NOT_FOUND')) return 'invalid';
  if (isApiError(error, 'INVITATION_EXPIRED')) return 'expired';
  if (isApiError(error, 'INVITATION_REVOKED')) return 'revoked';
  if (isApiError(error, 'INVITATION_USED')) return 'used';
  return undefined;
}

export const rightsLabel: Record<Rights, string> = { member: 'Member', admin: 'Admin' };

/** Addresses are stored lower-cased by the server; compare the way it does. */
export const sameEmail = (a: string, b: string) => a.trim().toLowerCase() === b.trim().toLowerCase();
