import { createRoute, lazyRouteComponent, redirect } from '@tanstack/react-router';
import { requireOperator } from '../guards';
import { auditSearch } from './audit';
import { rootRoute } from './root';

// The operator area is for a handful of people: none of it is in the bundle everyone else downloads.

export const operatorRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/operator',
  beforeLoad: ({ context, location }) => requireOperator(context.queryClient, location.href),
  component: lazyRouteComponent(() => import('../../features/operator/components/OperatorLayout'), 'OperatorLayout'),
});

const operatorIndexRoute = createRoute({
  getParentRoute: () => operatorRoute,
  path: '/',
  beforeLoad: () => {
    throw redirect({ to: '/operator/organizations', replace: true });
  },
});

const organizationsRoute = createRoute({
  getParentRoute: () => operatorRoute,
  path: 'organizations',
  component: lazyRouteComponent(
    () => import('../../features/operator/components/OrganizationsPage'),
    'OrganizationsPage',
  ),
});

const organizationRoute = createRoute({
  getParentRoute: () => operatorRoute,
  path: 'organizations/$organization',
  component: lazyRouteComponent(
    () => import('../../features/operator/components/OrganizationPage'),
    'OrganizationPage',
  ),
});

const productsRoute = createRoute({
  getParentRoute: () => operatorRoute,
  path: 'products',
  component: lazyRouteComponent(() => import('../../features/operator/components/ProductsPage'), 'ProductsPage'),
});

const operatorsRoute = createRoute({
  getParentRoute: () => operatorRoute,
  path: 'operators',
  component: lazyRouteComponent(() => import('../../features/operator/components/OperatorsPage'), 'OperatorsPage'),
});

const importRoute = createRoute({
  getParentRoute: () => operatorRoute,
  path: 'import',
  component: lazyRouteComponent(() => import('../../features/operator/components/ImportPage'), 'ImportPage'),
});

const termsRoute = createRoute({
  getParentRoute: () => operatorRoute,
  path: 'terms',
  component: lazyRouteComponent(() => import('../../features/operator/components/TermsPage'), 'TermsPage'),
});

const auditRoute = createRoute({
  getParentRoute: () => operatorRoute,
  path: 'audit',
  validateSearch: auditSearch,
  component: lazyRouteComponent(() => import('../../features/audit/components/OperatorAuditPage'), 'OperatorAuditPage'),
});

export const operatorRouteTree = operatorRoute.addChildren([
  operatorIndexRoute,
  organizationsRoute,
  organizationRoute,
  productsRoute,
  operatorsRoute,
  importRoute,
  termsRoute,
  auditRoute,
]);
