import { queryOptions, useQuery } from '@tanstack/react-query';
import { z } from 'zod';
import { api } from './api';

// Not in @portico/contracts yet; kept here until it is, loose on purpose so new fields do not break the page.
const Instance = z.object({
  name: z.string(),
  version: z.string(),
  devMailbox: z.boolean(),
});
export type Instance = z.infer<typeof Instance>;

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
