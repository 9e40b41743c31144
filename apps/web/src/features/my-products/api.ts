import { MyProducts } from '@portico/contracts';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '../../lib/api';

// --- fetchers -------------------------------------------------------------------------------------------------

export const fetchMyProducts = (org: string, signal?: AbortSignal) =>
  api.get(`/api/v1/orgs/${encodeURIComponent(org)}/my-products`, MyProducts, signal);

// --- query options --------------------------------------------------------------------------------------------

/** Under ['orgs', org]: an administrator assigning themself a product sees it here at once. */
export const myProductsQueryOptions = (org: string) =>
  queryOptions({ queryKey: ['orgs', org, 'my-products'], queryFn: ({ signal }) => fetchMyProducts(org, signal) });

// --- hooks ----------------------------------------------------------------------------------------------------

export function useMyProducts(org: string) {
  return useQuery(myProductsQueryOptions(org));
}
