import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import { stringParam } from '../../lib/search';
import { requireSignedIn } from '../guards';
import { rootRoute } from './root';

// Products (administrators) and My products (everyone with a seat): loaded on demand like the rest of the portal.

export const productsRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/orgs/$org/products',
  beforeLoad: ({ context, location }) => requireSignedIn(context.queryClient, location.href),
  component: lazyRouteComponent(() => import('../../features/products/components/ProductsPage'), 'ProductsPage'),
});

/** One asset and its assignees; the search lives in the address, so a filtered view survives a reload. */
export const productRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/orgs/$org/products/$asset',
  validateSearch: (search: Record<string, unknown>): { q?: string } => ({ q: stringParam(search.q) }),
  beforeLoad: ({ context, location }) => requireSignedIn(context.queryClient, location.href),
  component: lazyRouteComponent(() => import('../../features/products/components/AssetPage'), 'AssetPage'),
});

export const myProductsRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/orgs/$org/my-products',
  beforeLoad: ({ context, location }) => requireSignedIn(context.queryClient, location.href),
  component: lazyRouteComponent(() => import('../../features/my-products/components/MyProductsPage'), 'MyProductsPage'),
});
