import { MyOrganization, OrganizationOverview } from '@portico/contracts';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '../../lib/api';

// --- fetchers -------------------------------------------------------------------------------------------------

export const fetchOverview = (org: string, signal?: AbortSignal) =>
  api.get(`/api/v1/orgs/${encodeURIComponent(org)}/overview`, OrganizationOverview, signal);

export const fetchMyOrganization = (org: string, signal?: AbortSignal) =>
  api.get(`/api/v1/orgs/${encodeURIComponent(org)}`, MyOrganization, signal);

// --- query options --------------------------------------------------------------------------------------------

/** Keyed under ['orgs', org] so that a change to the organization's assets (operator area) can refresh it. */
export const overviewQueryOptions = (org: string) =>
  queryOptions({
    queryKey: ['orgs', org, 'overview'],
    queryFn: ({ signal }) => fetchOverview(org, signal),
  });

export const myOrganizationQueryOptions = (org: string) =>
  queryOptions({ queryKey: ['orgs', org, 'about'], queryFn: ({ signal }) => fetchMyOrganization(org, signal) });

// --- hooks ----------------------------------------------------------------------------------------------------

export function useOverview(org: string) {
  return useQuery(overviewQueryOptions(org));
}

export function useMyOrganization(org: string) {
  return useQuery(myOrganizationQueryOptions(org));
}
