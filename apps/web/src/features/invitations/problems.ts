import type { InvitationView } from '@portico/contracts';
import type { z } from 'zod';
import { isApiError } from '../../lib/api';

/** Why an invitation link cannot be accepted; each has its own page (SPEC §2.4: "a page that says which"). */
export type InvitationProblem = 'expired' | 'replaced' | 'revoked' | 'used' | 'invalid';

type State = z.infer<typeof InvitationView>['state'];

export function problemOfState(state: State): InvitationProblem | undefined {
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

export const rightsLabel = { member: 'Member', admin: 'Admin' } as const;

/** Addresses are stored lower-cased by the server; compare the way it does. */
export const sameEmail = (a: string, b: string) => a.trim().toLowerCase() === b.trim().toLowerCase();
