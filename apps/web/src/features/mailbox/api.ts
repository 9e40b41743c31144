import { Mailbox } from '@portico/contracts';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, isApiError } from '../../lib/api';

const POLL_MS = 3000;

// --- fetchers -------------------------------------------------------------------------------------------------

export const fetchMailbox = (signal?: AbortSignal) => api.get('/api/v1/dev/mailbox', Mailbox, signal);

// --- query options --------------------------------------------------------------------------------------------

export const mailboxQueryOptions = queryOptions({
  queryKey: ['dev-mailbox'],
  queryFn: ({ signal }) => fetchMailbox(signal),
  // A 404 means the instance sends real email: asking again will not change that.
  retry: (failures, error) => !isApiError(error, 'NOT_FOUND') && failures < 2,
  // Poll so a message appears while the user waits for it (the sign-up page says "check your email").
  refetchInterval: (query) => (isApiError(query.state.error, 'NOT_FOUND') ? false : POLL_MS),
  refetchIntervalInBackground: false,
});

// --- hooks ----------------------------------------------------------------------------------------------------

export function useMailbox() {
  return useQuery(mailboxQueryOptions);
}
