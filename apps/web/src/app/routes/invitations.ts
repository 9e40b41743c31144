import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import { invitationQueryOptions } from '../../features/invitations/api';
import { stringParam } from '../../lib/search';
import { meQueryOptions } from '../../lib/session';
import { requireSignedIn } from '../guards';
import { rootRoute } from './root';

// Open by invitees only, once each: loaded on demand.

/** Public: the link is the key, and a signed-out invitee must see whom the invitation is from before signing in. */
export const invitationRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/invitations/$token',
  // Both are needed to choose what the page offers; prefetchQuery never throws, the page shows failures itself.
  loader: ({ context, params }) =>
    Promise.all([
      context.queryClient.prefetchQuery(invitationQueryOptions(params.token)),
      context.queryClient.prefetchQuery(meQueryOptions),
    ]),
  component: lazyRouteComponent(() => import('../../features/invitations/components/InvitationPage'), 'InvitationPage'),
});

export const invitationWelcomeRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/invitations/$token/welcome',
  validateSearch: (search: Record<string, unknown>): { org?: string } => ({ org: stringParam(search.org) }),
  beforeLoad: ({ context, location }) => requireSignedIn(context.queryClient, location.href),
  component: lazyRouteComponent(
    () => import('../../features/invitations/components/InvitationWelcomePage'),
    'InvitationWelcomePage',
  ),
});
