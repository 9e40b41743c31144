import { Instance } from '@portico/contracts';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from './api';

export const instanceQueryOptions = queryOptions({
  queryKey: ['instance'],
  queryFn: ({ signal }) => api.get('/api/v1/instance', Instance, signal),
  // The instance's settings only change with a restart.
  staleTime: Number.POSITIVE_INFINITY,
});

export function useInstance() {
  return useQuery(instanceQueryOptions);
}

/** True only when the instance says so; false while loading or when the call fails. */
export function useDevMailboxEnabled(): boolean {
  return useInstance().data?.devMailbox === true;
}
