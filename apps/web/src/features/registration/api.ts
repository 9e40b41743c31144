import { ClaimInfo, type ClaimRequest, ClaimResult, RegistrationResult, Terms } from '@portico/contracts';
import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { api } from '../../lib/api';
import { meQueryKey } from '../../lib/session';

// --- fetchers -------------------------------------------------------------------------------------------------

const orgPath = (org: string) => `/api/v1/orgs/${encodeURIComponent(org)}`;

export const registerSerial = (serial: string) => api.post('/api/v1/registrations', { serial }, RegistrationResult);
export const fetchClaimInfo = (org: string, signal?: AbortSignal) =>
  api.get(`${orgPath(org)}/claim`, ClaimInfo, signal);
export const claimOrganization = ({ org, ...body }: z.input<typeof ClaimRequest> & { org: string }) =>
  api.post(`${orgPath(org)}/claim`, body, ClaimResult);
export const fetchTerms = (signal?: AbortSignal) => api.get('/api/v1/terms', Terms, signal);

// --- query options --------------------------------------------------------------------------------------------

export const claimInfoQueryOptions = (org: string) =>
  queryOptions({
    queryKey: ['orgs', org, 'claim'],
    queryFn: ({ signal }) => fetchClaimInfo(org, signal),
  });

/** The Terms and Conditions the First Moment of Truth links to (the operator's, or the default text). */
export const termsQueryOptions = queryOptions({ queryKey: ['terms'], queryFn: ({ signal }) => fetchTerms(signal) });

// --- hooks ----------------------------------------------------------------------------------------------------

export function useRegisterSerial() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: registerSerial,
    // A link or a membership changes what /me lists (claimable organizations, the home page's cards).
    onSuccess: () => queryClient.invalidateQueries({ queryKey: meQueryKey }),
  });
}

export function useTerms() {
  return useQuery(termsQueryOptions);
}

export function useClaimInfo(org: string) {
  return useQuery(claimInfoQueryOptions(org));
}

export function useClaimOrganization() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: claimOrganization,
    // The new rights show in the header and on the home page; awaited so the next page already has them.
    onSuccess: () => queryClient.invalidateQueries({ queryKey: meQueryKey }),
    // Lost to someone else: the page reloads its facts and names the administrator.
    onError: (_error, { org }) => queryClient.invalidateQueries({ queryKey: claimInfoQueryOptions(org).queryKey }),
  });
}
