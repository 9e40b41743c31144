import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import { stringParam } from '../../lib/search';
import { requireSignedIn } from '../guards';
import { rootRoute } from './root';

// Products and Activations (administrators) and My products (everyone with a seat): loaded on demand like the rest
// of the portal.

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

export interface ActivationsSearch {
  /** One asset's activations (from the Products page)… */
  asset?: string;
  /** …or one member's (from Members). */
  user?: string;
  /** With the ended ones too; by default only the current ones. */
  status?: 'all';
}

/** The administrators' Activations view (SPEC §2.5); its filter lives in the address, so a view can be shared. */
export const activationsRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/orgs/$org/activations',
  validateSearch: (search: Record<string, unknown>): ActivationsSearch => ({
    asset: stringParam(search.asset),
    user: stringParam(search.user),
    status: stringParam(search.status) === 'all' ? 'all' : undefined,
  }),
  beforeLoad: ({ context, location }) => requireSignedIn(context.queryClient, location.href),
  component: lazyRouteComponent(
    () => import('../../features/activations/components/ActivationsPage'),
    'ActivationsPage',
  ),
});
