import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import type { AuditFilters } from '../../features/audit/api';
import { stringParam } from '../../lib/search';
import { requireSignedIn } from '../guards';
import { rootRoute } from './root';

/** The log's filters live in the address, so a filtered view can be bookmarked, shared and reloaded. */
export function auditSearch(search: Record<string, unknown>): AuditFilters {
  return {
    action: stringParam(search.action),
    actor: stringParam(search.actor),
    organization: stringParam(search.organization),
    from: stringParam(search.from),
    to: stringParam(search.to),
  };
}

/** An organization's log, for its administrators and the operators; loaded on demand like the rest of the portal. */
export const auditRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/orgs/$org/audit',
  validateSearch: (search: Record<string, unknown>): Omit<AuditFilters, 'organization'> => {
    const { organization: _organization, ...filters } = auditSearch(search);
    return filters;
  },
  beforeLoad: ({ context, location }) => requireSignedIn(context.queryClient, location.href),
  component: lazyRouteComponent(() => import('../../features/audit/components/AuditLogPage'), 'AuditLogPage'),
});
