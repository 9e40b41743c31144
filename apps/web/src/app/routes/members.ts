import {
  MEMBER_SORTS,
  MEMBER_STATUSES,
  type MemberSort,
  type MemberStatus,
  RIGHTS,
  type Rights,
} from '@portico/contracts';
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
  // Addresses from before User Rights had a filter of its own said `status=admin` or `status=member`.
  const legacy = (status as string | undefined) === 'admin' || (status as string | undefined) === 'member';
  const rights = (legacy ? status : stringParam(search.rights)) as Rights | undefined;
  return {
    q: stringParam(search.q),
    status: legacy ? 'active' : status && MEMBER_STATUSES.includes(status) ? status : undefined,
    rights: rights && RIGHTS.includes(rights) ? rights : undefined,
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
