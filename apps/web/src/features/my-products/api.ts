import { MyProducts } from '@portico/contracts';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '../../lib/api';
import { orgPath, useLicensingMutation } from '../../lib/assignments';
import { sendOnce } from '../../lib/batches';

// --- fetchers -------------------------------------------------------------------------------------------------

export const fetchMyProducts = (org: string, signal?: AbortSignal) =>
  api.get(`/api/v1/orgs/${encodeURIComponent(org)}/my-products`, MyProducts, signal);

/** Release my own device: the license is free at once for my other device; the device learns at its heartbeat. */
export const releaseMyActivation = (org: string, id: string) =>
  sendOnce((idempotencyKey) =>
    api.delete(`${orgPath(org)}/my-products/activations/${encodeURIComponent(id)}`, undefined, { idempotencyKey }),
  );

// --- query options --------------------------------------------------------------------------------------------

/** Under ['orgs', org]: an administrator assigning themself a product sees it here at once. */
export const myProductsQueryOptions = (org: string) =>
  queryOptions({ queryKey: ['orgs', org, 'my-products'], queryFn: ({ signal }) => fetchMyProducts(org, signal) });

// --- hooks ----------------------------------------------------------------------------------------------------

export function useMyProducts(org: string) {
  return useQuery(myProductsQueryOptions(org));
}

export const useReleaseMyActivation = (org: string) =>
  useLicensingMutation(org, (id: string) => releaseMyActivation(org, id));
