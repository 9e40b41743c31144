import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import type { MemberSort, MemberStatus, MembersFilter } from '../../features/members/api';
import { stringParam } from '../../lib/search';
import { requireSignedIn } from '../guards';
import { rootRoute } from './root';

const STATUSES: readonly MemberStatus[] = ['admin', 'member', 'pending', 'expired'];
const SORTS: readonly MemberSort[] = ['email', '-email', 'since', '-since'];

export interface MembersSearch extends MembersFilter {
  /** Opens Invite Member with this address: the link in a registration request email (SPEC §2.3). */
  invite?: string;
}

/** The list's search, filter and order live in the address, so a view can be bookmarked, shared and reloaded. */
function membersSearch(search: Record<string, unknown>): MembersSearch {
  const status = stringParam(search.status) as MemberStatus | undefined;
  const sort = stringParam(search.sort) as MemberSort | undefined;
  return {
    q: stringParam(search.q),
    status: status && STATUSES.includes(status) ? status : undefined,
    sort: sort && SORTS.includes(sort) ? sort : undefined,
    invite: stringParam(search.invite),
  };
}

export const membersRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/orgs/$org/members',
  validateSearch: membersSearch,
  beforeLoad: ({ context, location }) => requireSignedIn(context.queryClient, location.href),
  component: lazyRouteComponent(() => import('../../features/members/components/MembersPage'), 'MembersPage'),
});
