import { ActivationList, type TransferGrantRequest, TransferGrantResult } from '@portico/contracts';
import { infiniteQueryOptions, useInfiniteQuery } from '@tanstack/react-query';
import { api, withQuery } from '../../lib/api';
import { orgKey, orgPath, useLicensingMutation } from '../../lib/assignments';
import { sendOnce } from '../../lib/batches';

export interface ActivationsFilter {
  asset?: string;
  user?: string;
  /** `all` lists ended activations too. */
  status?: 'all';
}

const PAGE_SIZE = 50;

// --- fetchers -------------------------------------------------------------------------------------------------

export const fetchActivations = (org: string, filter: ActivationsFilter, cursor: string | null, signal?: AbortSignal) =>
  api.get(
    withQuery(`${orgPath(org)}/activations`, {
      ...filter,
      cursor: cursor ?? undefined,
      limit: String(PAGE_SIZE),
    }),
    ActivationList,
    signal,
  );

/** Release: the seat is free at once; the device learns it at its next heartbeat (SPEC §2.5). */
export const releaseActivation = (org: string, id: string) =>
  sendOnce((idempotencyKey) =>
    api.delete(`${orgPath(org)}/activations/${encodeURIComponent(id)}`, undefined, { idempotencyKey }),
  );

export const grantTransfers = (org: string, body: TransferGrantRequest) =>
  sendOnce((idempotencyKey) =>
    api.post(`${orgPath(org)}/transfer-grants`, body, TransferGrantResult, { idempotencyKey }),
  );

// --- query options --------------------------------------------------------------------------------------------

/** Under ['orgs', org]: revoking, assigning and releasing anywhere refresh it. */
export const activationsQueryOptions = (org: string, filter: ActivationsFilter) =>
  infiniteQueryOptions({
    queryKey: [...orgKey(org), 'activations', filter],
    queryFn: ({ pageParam, signal }) => fetchActivations(org, filter, pageParam, signal),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
  });

// --- hooks ----------------------------------------------------------------------------------------------------

export function useActivations(org: string, filter: ActivationsFilter) {
  return useInfiniteQuery(activationsQueryOptions(org, filter));
}

export const useReleaseActivation = (org: string) =>
  useLicensingMutation(org, (id: string) => releaseActivation(org, id));

export const useGrantTransfers = (org: string) =>
  useLicensingMutation(org, (body: TransferGrantRequest) => grantTransfers(org, body));
