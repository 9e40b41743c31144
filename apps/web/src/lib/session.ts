import { Me } from '@portico/contracts';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { ApiError, api } from './api';

/**
 * Who is signed in, shared by the layout, the route guards and every feature. `null` means signed out: a 401 is
 * an answer here, not a failure.
 */
export const meQueryKey = ['me'] as const;

export async function fetchMe(signal?: AbortSignal): Promise<Me | null> {
  try {
    return await api.get('/api/v1/me', Me, signal);
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) return null;
    throw error;
  }
}

export const meQueryOptions = queryOptions({
  queryKey: meQueryKey,
  queryFn: ({ signal }) => fetchMe(signal),
  staleTime: 30_000,
});

export function useMe() {
  return useQuery(meQueryOptions);
}
