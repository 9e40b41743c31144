import type { QueryClient } from '@tanstack/react-query';
import { notFound, redirect } from '@tanstack/react-router';
import { meQueryOptions } from '../lib/session';

/** Pages of a signed-in user: a signed-out visitor signs in first and comes back here afterwards. */
export async function requireSignedIn(queryClient: QueryClient, returnTo: string): Promise<void> {
  const me = await queryClient.ensureQueryData(meQueryOptions);
  if (!me) throw redirect({ to: '/sign-in', search: { redirect: returnTo }, replace: true });
}

/**
 * Sign-in and sign-up make no sense when signed in: go where the user was headed. When /me cannot be loaded the
 * page opens anyway, since signing in is how one recovers from most of those failures.
 */
export async function redirectIfSignedIn(queryClient: QueryClient, to: string = '/'): Promise<void> {
  const me = await queryClient.ensureQueryData(meQueryOptions).catch(() => null);
  if (me) throw redirect({ to, replace: true });
}

/**
 * The operator area: anyone else gets the not-found page, as the API answers 403 to them anyway and the area's
 * existence is no secret worth a separate page.
 */
export async function requireOperator(queryClient: QueryClient, returnTo: string): Promise<void> {
  await requireSignedIn(queryClient, returnTo);
  const me = await queryClient.ensureQueryData(meQueryOptions);
  if (!me?.isOperator) throw notFound();
}
