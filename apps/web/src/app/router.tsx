import { createRoute, createRouter, lazyRouteComponent } from '@tanstack/react-router';
import { PendingPage } from '../components/PendingPage';
import { sessionsQueryOptions, signedInDevicesQueryOptions } from '../features/account/api';
import { CheckEmailPage } from '../features/auth/components/CheckEmailPage';
import { ForgotPasswordPage } from '../features/auth/components/ForgotPasswordPage';
import { ResetPasswordPage } from '../features/auth/components/ResetPasswordPage';
import { SignInPage } from '../features/auth/components/SignInPage';
import { SignUpPage } from '../features/auth/components/SignUpPage';
import { VerifyEmailPage } from '../features/auth/components/VerifyEmailPage';
import { HomePage } from '../features/home/components/HomePage';
import { safeRedirect, stringParam } from '../lib/search';
import { redirectIfSignedIn, requireSignedIn } from './guards';
import { queryClient } from './query-client';
import { auditRoute } from './routes/audit';
import { invitationRoute, invitationWelcomeRoute } from './routes/invitations';
import { membersRoute } from './routes/members';
import { operatorRouteTree } from './routes/operator';
import { claimRoute, portalRoute, registerRoute, termsRoute, welcomeAdminRoute } from './routes/organizations';
import { activationsRoute, myProductsRoute, productRoute, productsRoute } from './routes/products';
import { rootRoute } from './routes/root';

const homeRoute = createRoute({ getParentRoute: () => rootRoute, path: '/', component: HomePage });

/**
 * `email` prefills the form and `redirect` is where to go afterwards: an invitation link sends the invitee here with
 * both (SPEC §2.4), and sign-up carries them on through check-email to sign-in.
 */
const accountSearch = (search: Record<string, unknown>): { email?: string; redirect?: string } => ({
  email: stringParam(search.email),
  redirect: safeRedirect(search.redirect),
});

/** Sign-up opened from an invitation also carries its token: the invited address then needs no verification email. */
const signUpSearch = (search: Record<string, unknown>): { email?: string; redirect?: string; invitation?: string } => ({
  ...accountSearch(search),
  invitation: stringParam(search.invitation),
});

const signUpRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/sign-up',
  validateSearch: signUpSearch,
  beforeLoad: ({ context, search }) => redirectIfSignedIn(context.queryClient, search.redirect),
  component: SignUpPage,
});

const signInRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/sign-in',
  validateSearch: accountSearch,
  beforeLoad: ({ context, search }) => redirectIfSignedIn(context.queryClient, search.redirect),
  component: SignInPage,
});

const checkEmailRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/check-email',
  validateSearch: accountSearch,
  component: CheckEmailPage,
});

const tokenSearch = (search: Record<string, unknown>): { token?: string } => ({ token: stringParam(search.token) });

const verifyEmailRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/verify-email',
  validateSearch: tokenSearch,
  component: VerifyEmailPage,
});

const forgotPasswordRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/forgot-password',
  component: ForgotPasswordPage,
});

const resetPasswordRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/reset-password',
  validateSearch: tokenSearch,
  component: ResetPasswordPage,
});

// Account and mailbox are split off: most visits start at sign-in and never need them.
const accountRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/account',
  beforeLoad: ({ context, location }) => requireSignedIn(context.queryClient, location.href),
  // Loaded before the page shows, so /account#sessions and #devices scroll to sections that already have their
  // height. prefetchQuery never throws: a failure is shown inside the section, not as a broken page.
  loader: ({ context }) =>
    Promise.all([
      context.queryClient.prefetchQuery(sessionsQueryOptions),
      context.queryClient.prefetchQuery(signedInDevicesQueryOptions),
    ]),
  component: lazyRouteComponent(() => import('../features/account/components/AccountPage'), 'AccountPage'),
});

/**
 * Where a desktop application sends its user to approve its sign-in (RFC 8628 `verification_uri`), with the code
 * in `user_code` when it opens the browser itself; a signed-out visitor signs in first and comes back with it.
 */
const deviceRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/device',
  validateSearch: (search: Record<string, unknown>): { user_code?: string } => ({
    user_code: stringParam(search.user_code),
  }),
  beforeLoad: ({ context, location }) => requireSignedIn(context.queryClient, location.href),
  component: lazyRouteComponent(() => import('../features/device/components/DevicePage'), 'DevicePage'),
});

const mailboxRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/dev/mailbox',
  component: lazyRouteComponent(() => import('../features/mailbox/components/MailboxPage'), 'MailboxPage'),
});

const routeTree = rootRoute.addChildren([
  homeRoute,
  signUpRoute,
  signInRoute,
  checkEmailRoute,
  verifyEmailRoute,
  forgotPasswordRoute,
  resetPasswordRoute,
  accountRoute,
  deviceRoute,
  mailboxRoute,
  registerRoute,
  claimRoute,
  welcomeAdminRoute,
  termsRoute,
  portalRoute,
  membersRoute,
  productsRoute,
  productRoute,
  myProductsRoute,
  activationsRoute,
  invitationRoute,
  invitationWelcomeRoute,
  operatorRouteTree,
  auditRoute,
]);

export const router = createRouter({
  routeTree,
  context: { queryClient },
  defaultPreload: 'intent',
  // React Query owns freshness; the router should always ask it rather than keep its own copy.
  defaultPreloadStaleTime: 0,
  defaultPendingComponent: PendingPage,
  scrollRestoration: true,
});

declare module '@tanstack/react-router' {
  interface Register {
    router: typeof router;
  }
}
