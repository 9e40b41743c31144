import {
  type ChangePasswordRequest,
  Me,
  PasswordChanged,
  SessionList,
  SessionsRevoked,
  SignedInDevices,
} from '@portico/contracts';
import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../lib/api';
import { meQueryKey } from '../../lib/session';

// Answers not (yet) in @portico/contracts.

// --- fetchers -------------------------------------------------------------------------------------------------

export const updateMe = (body: { name: string }) => api.patch('/api/v1/me', body, Me);
export const changePassword = (body: ChangePasswordRequest) =>
  api.post('/api/auth/change-password', body, PasswordChanged);
export const fetchSessions = (signal?: AbortSignal) => api.get('/api/auth/sessions', SessionList, signal);
export const revokeSession = (id: string) => api.delete(`/api/auth/sessions/${encodeURIComponent(id)}`);
export const signOutOtherSessions = () => api.post('/api/auth/sessions/sign-out-others', undefined, SessionsRevoked);
export const fetchSignedInDevices = (signal?: AbortSignal) => api.get('/api/v1/me/devices', SignedInDevices, signal);
/** Signs a desktop application out: its token stops working and its activations are released (SPEC §2.5). */
export const signOutDevice = (id: string) => api.delete(`/api/v1/me/devices/${encodeURIComponent(id)}`);

// --- query options --------------------------------------------------------------------------------------------

export const sessionsQueryOptions = queryOptions({
  queryKey: ['sessions'],
  queryFn: ({ signal }) => fetchSessions(signal),
});

/** Not under ['me']: that key outlives signing out, and these are one user's. */
export const signedInDevicesQueryOptions = queryOptions({
  queryKey: ['signed-in-devices'],
  queryFn: ({ signal }) => fetchSignedInDevices(signal),
});

// --- hooks ----------------------------------------------------------------------------------------------------

export function useUpdateMe() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: updateMe,
    // The answer is the new "me": the header and the home page show the new name at once.
    onSuccess: (me) => queryClient.setQueryData(meQueryKey, me),
  });
}

export function useChangePassword() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: changePassword,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: sessionsQueryOptions.queryKey }),
  });
}

export function useSessions() {
  return useQuery(sessionsQueryOptions);
}

export function useRevokeSession() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: revokeSession,
    onSettled: () => queryClient.invalidateQueries({ queryKey: sessionsQueryOptions.queryKey }),
  });
}

export function useSignOutOtherSessions() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: signOutOtherSessions,
    onSettled: () => queryClient.invalidateQueries({ queryKey: sessionsQueryOptions.queryKey }),
  });
}

export function useSignedInDevices() {
  return useQuery(signedInDevicesQueryOptions);
}

export function useSignOutDevice() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: signOutDevice,
    // Its activations are released too: My products and the Activations view read them again.
    onSettled: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: signedInDevicesQueryOptions.queryKey }),
        queryClient.invalidateQueries({ queryKey: ['orgs'] }),
      ]),
  });
}
