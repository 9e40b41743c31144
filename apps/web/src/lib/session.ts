import { Me } from '@portico/contracts';
import { type QueryClient, queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
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

/** Drops every cached answer that belongs to a user; the instance's public facts and "me" itself stay. */
export function forgetUserData(queryClient: QueryClient): void {
  queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== 'instance' && query.queryKey[0] !== 'me' });
}

export const signOut = () => api.post('/api/auth/sign-out');

/** Here and not in features/auth: the header and the invitation page ("signed in as someone else") both sign out. */
export function useSignOut() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: signOut,
    // Drop the previous user's data even if the request failed: the UI must not keep showing it.
    onSettled: () => {
      forgetUserData(queryClient);
      queryClient.setQueryData(meQueryKey, null);
    },
  });
}
