import { MEMBER_SORTS, MEMBER_STATUSES, type MemberSort, type MemberStatus } from '@portico/contracts';
import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import type { MembersFilter } from '../../features/members/api';
import { stringParam } from '../../lib/search';
import { requireSignedIn } from '../guards';
import { rootRoute } from './root';

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
    status: status && MEMBER_STATUSES.includes(status) ? status : undefined,
    sort: sort && MEMBER_SORTS.includes(sort) ? sort : undefined,
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
