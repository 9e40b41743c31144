import { AcceptResult, InvitationView } from '@portico/contracts';
import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../lib/api';
import { meQueryKey } from '../../lib/session';

// --- fetchers -------------------------------------------------------------------------------------------------

const invitationPath = (token: string) => `/api/v1/invitations/${encodeURIComponent(token)}`;

export const fetchInvitation = (token: string, signal?: AbortSignal) =>
  api.get(invitationPath(token), InvitationView, signal);
export const acceptInvitation = (token: string) => api.post(`${invitationPath(token)}/accept`, undefined, AcceptResult);

// --- query options --------------------------------------------------------------------------------------------

export const invitationQueryOptions = (token: string) =>
  queryOptions({
    queryKey: ['invitations', token],
    queryFn: ({ signal }) => fetchInvitation(token, signal),
    // A bad token stays bad: asking three times only delays the "not valid" page.
    retry: false,
  });

// --- hooks ----------------------------------------------------------------------------------------------------

export function useInvitation(token: string) {
  return useQuery(invitationQueryOptions(token));
}

export function useAcceptInvitation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: acceptInvitation,
    // The new membership shows in the header and on the Welcome screen; awaited so that page already has it.
    onSuccess: () => queryClient.invalidateQueries({ queryKey: meQueryKey }),
    // Accepted, revoked or expired meanwhile: the page's view of the invitation is stale either way.
    onError: (_error, token) => queryClient.invalidateQueries({ queryKey: invitationQueryOptions(token).queryKey }),
  });
}
