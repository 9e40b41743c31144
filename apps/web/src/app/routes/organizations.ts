import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import { overviewQueryOptions } from '../../features/portal/api';
import { claimInfoQueryOptions } from '../../features/registration/api';
import { requireSignedIn } from '../guards';
import { rootRoute } from './root';

// Registering and claiming happen once per person, and the portal is for administrators: all load on demand.

export const registerRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/register',
  beforeLoad: ({ context, location }) => requireSignedIn(context.queryClient, location.href),
  component: lazyRouteComponent(
    () => import('../../features/registration/components/RegisterProductPage'),
    'RegisterProductPage',
  ),
});

export const claimRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/orgs/$org/claim',
  beforeLoad: ({ context, location }) => requireSignedIn(context.queryClient, location.href),
  loader: ({ context, params }) => context.queryClient.prefetchQuery(claimInfoQueryOptions(params.org)),
  component: lazyRouteComponent(() => import('../../features/registration/components/ClaimPage'), 'ClaimPage'),
});

export const welcomeAdminRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/orgs/$org/welcome-admin',
  beforeLoad: ({ context, location }) => requireSignedIn(context.queryClient, location.href),
  component: lazyRouteComponent(
    () => import('../../features/registration/components/WelcomeAdminPage'),
    'WelcomeAdminPage',
  ),
});

export const portalRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/orgs/$org',
  beforeLoad: ({ context, location }) => requireSignedIn(context.queryClient, location.href),
  // Loaded before the page shows, so /orgs/…#services scrolls to a section that already has its height; a failure
  // (prefetchQuery never throws) is shown by the page itself.
  loader: ({ context, params }) => context.queryClient.prefetchQuery(overviewQueryOptions(params.org)),
  component: lazyRouteComponent(() => import('../../features/portal/components/PortalPage'), 'PortalPage'),
});

/** The Terms and Conditions the First Moment of Truth links to: public, for anyone to read before accepting. */
export const termsRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/terms',
  component: lazyRouteComponent(() => import('../../features/registration/components/TermsPage'), 'TermsPage'),
});
