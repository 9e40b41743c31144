import { DeviceRequestView } from '@portico/contracts';
import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, isApiError } from '../../lib/api';

const requestPath = (userCode: string) => `/api/v1/licensing/device/requests/${encodeURIComponent(userCode)}`;

// --- fetchers -------------------------------------------------------------------------------------------------

export const fetchDeviceRequest = (userCode: string, signal?: AbortSignal) =>
  api.get(requestPath(userCode), DeviceRequestView, signal);

export const decideDeviceRequest = (input: { userCode: string; decision: 'approve' | 'deny' }) =>
  api.post(requestPath(input.userCode), { decision: input.decision }, DeviceRequestView);

// --- query options --------------------------------------------------------------------------------------------

export const deviceRequestQueryOptions = (userCode: string) =>
  queryOptions({
    queryKey: ['device-requests', userCode],
    queryFn: ({ signal }) => fetchDeviceRequest(userCode, signal),
    // Every look-up counts against the account's budget (30 in 10 minutes), and a decided request answers 404:
    // read it once, never again behind the person's back.
    staleTime: Number.POSITIVE_INFINITY,
    refetchOnWindowFocus: false,
    retry: (count, error) => count < 2 && (isApiError(error, 'NETWORK_ERROR') || isApiError(error, 'UNAVAILABLE')),
  });

// --- hooks ----------------------------------------------------------------------------------------------------

export function useDeviceRequest(userCode: string | null) {
  return useQuery({ ...deviceRequestQueryOptions(userCode ?? ''), enabled: userCode !== null });
}

export function useDecideDeviceRequest() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: decideDeviceRequest,
    // A decided request is not pending any more: the cached look-up must not show it again as one. A new device
    // signed in shows on the account page.
    onSuccess: (_answer, { userCode }) => {
      queryClient.removeQueries({ queryKey: deviceRequestQueryOptions(userCode).queryKey });
      return queryClient.invalidateQueries({ queryKey: ['signed-in-devices'] });
    },
  });
}
