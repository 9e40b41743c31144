import {
  Accepted,
  AcceptResult,
  PasswordReset,
  type SignInRequest,
  SignInResponse,
  type SignUpRequest,
  Verified,
} from '@portico/contracts';
import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../lib/api';
import { forgetUserData, meQueryOptions } from '../../lib/session';

// Answers not (yet) in @portico/contracts.

// --- fetchers -------------------------------------------------------------------------------------------------

export const signUp = (body: SignUpRequest) => api.post('/api/auth/sign-up', body, Accepted);
/** Create account from an invitation link (docs/adr/0014): verified by the link, signed in, the invitation accepted. */
export const signUpFromInvitation = ({ token, ...body }: SignUpRequest & { token: string }) =>
  api.post(`/api/v1/invitations/${encodeURIComponent(token)}/sign-up`, body, AcceptResult);
export const signIn = (body: SignInRequest) => api.post('/api/auth/sign-in', body, SignInResponse);
export const verifyEmail = (token: string) => api.post('/api/auth/verify-email', { token }, Verified);
export const resendVerification = (email: string) => api.post('/api/auth/resend-verification', { email }, Accepted);
export const forgotPassword = (email: string) => api.post('/api/auth/forgot-password', { email }, Accepted);
export const resetPassword = (body: { token: string; newPassword: string }) =>
  api.post('/api/auth/reset-password', body, PasswordReset);

// --- query options --------------------------------------------------------------------------------------------

/**
 * Verifying is a POST, but it runs on page load, so it is a query: the query cache runs it once per token even when
 * React mounts the page twice (StrictMode, a re-render), and a single-use token is never spent twice.
 */
export const verifyEmailQueryOptions = (token: string) =>
  queryOptions({
    queryKey: ['verify-email', token],
    queryFn: () => verifyEmail(token),
    retry: false,
    staleTime: Number.POSITIVE_INFINITY,
    gcTime: Number.POSITIVE_INFINITY,
  });

// --- hooks ----------------------------------------------------------------------------------------------------

export function useSignUp() {
  return useMutation({ mutationFn: signUp });
}

export function useSignUpFromInvitation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: signUpFromInvitation,
    // Signed in now, also when joining failed (revoked a moment before): start over as the new account.
    onSettled: async () => {
      forgetUserData(queryClient);
      await queryClient.fetchQuery({ ...meQueryOptions, staleTime: 0 });
    },
  });
}

export function useSignIn() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: signIn,
    // Everything cached so far belongs to "signed out"; start over as the new user. The "me" query is refetched,
    // not removed: removing it would leave the header watching a query that no longer gets updates.
    onSuccess: async () => {
      forgetUserData(queryClient);
      await queryClient.fetchQuery({ ...meQueryOptions, staleTime: 0 });
    },
  });
}

export function useResendVerification() {
  return useMutation({ mutationFn: resendVerification });
}

export function useForgotPassword() {
  return useMutation({ mutationFn: forgotPassword });
}

export function useResetPassword() {
  return useMutation({ mutationFn: resetPassword });
}
