import {
  InvitationHistory,
  InvitationLink,
  InviteResult,
  MemberList,
  type MemberSort,
  type MemberStatus,
  type Rights,
} from '@portico/contracts';
import {
  infiniteQueryOptions,
  queryOptions,
  useInfiniteQuery,
  useMutation,
  useQuery,
  useQueryClient,
} from '@tanstack/react-query';
import { z } from 'zod';
import { api, apiRequest, withQuery } from '../../lib/api';
import { useLicensingMutation } from '../../lib/assignments';
import { collectPages, sendOnce } from '../../lib/batches';
import { inviteInBatches } from './invite-batches';

export interface MembersFilter {
  q?: string;
  status?: MemberStatus;
  sort?: MemberSort;
}

const PAGE_SIZE = 50;
/** The most members one selection holds ("Select all matching"). */
export const MATCHING_MAX = 10_000;
const orgPath = (org: string) => `/api/v1/orgs/${encodeURIComponent(org)}`;
const invitationPath = (org: string, id: string) => `${orgPath(org)}/invitations/${encodeURIComponent(id)}`;

// --- fetchers -------------------------------------------------------------------------------------------------

export function fetchMembers(org: string, filter: MembersFilter, cursor: string | null, signal?: AbortSignal) {
  const params = { ...filter, cursor: cursor ?? undefined, limit: String(PAGE_SIZE) };
  return api.get(withQuery(`${orgPath(org)}/members`, params), MemberList, signal);
}

export const invite = (org: string, body: { emails: string[]; rights: Rights; message?: string }) =>
  api.post(`${orgPath(org)}/invitations`, body, InviteResult);
export const fetchInvitationLink = (org: string, id: string) =>
  api.get(`${invitationPath(org, id)}/link`, InvitationLink);
export const resendInvitation = (org: string, id: string) => api.post(`${invitationPath(org, id)}/resend`);
export const reissueInvitation = (org: string, id: string) =>
  api.post(`${invitationPath(org, id)}/reissue`, undefined, z.object({ id: z.string() }));
export const revokeInvitation = (org: string, id: string) => apiRequest(invitationPath(org, id), { method: 'DELETE' });
export const fetchInvitationHistory = (org: string, id: string, signal?: AbortSignal) =>
  api.get(`${invitationPath(org, id)}/history`, InvitationHistory, signal);
export const changeRights = (org: string, user: string, rights: Rights) =>
  api.patch(`${orgPath(org)}/members/${encodeURIComponent(user)}`, { rights });
/** Remove member; one who holds licenses only with revokeLicenses, which revokes them in the same step (SPEC §2.4). */
export const removeMember = (org: string, user: string, revokeLicenses = false) =>
  sendOnce((idempotencyKey) =>
    api.delete(
      withQuery(`${orgPath(org)}/members/${encodeURIComponent(user)}`, {
        revokeLicenses: revokeLicenses ? 'true' : undefined,
      }),
      undefined,
      { idempotencyKey },
    ),
  );

/** The members (not invitations) a search and filter match, up to MATCHING_MAX, read 200 a page. */
export async function fetchMatchingMembers(
  org: string,
  filter: MembersFilter,
  onProgress: (collected: number) => void,
  signal?: AbortSignal,
) {
  const read = async (cursor: string | null) => {
    const params = { ...filter, cursor: cursor ?? undefined, limit: '200' };
    const page = await api.get(withQuery(`${orgPath(org)}/members`, params), MemberList, signal);
    return { items: page.items.filter((row) => row.kind === 'member'), nextCursor: page.nextCursor };
  };
  return collectPages(read, { max: MATCHING_MAX, onProgress, signal });
}

// --- query options --------------------------------------------------------------------------------------------

/** Every members query of an organization starts with this key, so one invalidation refreshes them all. */
const membersKey = (org: string) => ['orgs', org, 'members'] as const;

export const membersQueryOptions = (org: string, filter: MembersFilter) =>
  infiniteQueryOptions({
    queryKey: [...membersKey(org), filter],
    queryFn: ({ pageParam, signal }) => fetchMembers(org, filter, pageParam, signal),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
  });

export const invitationHistoryQueryOptions = (org: string, id: string) =>
  queryOptions({
    queryKey: [...membersKey(org), 'history', id],
    queryFn: ({ signal }) => fetchInvitationHistory(org, id, signal),
  });

// --- hooks ----------------------------------------------------------------------------------------------------

export function useMembers(org: string, filter: MembersFilter) {
  return useInfiniteQuery(membersQueryOptions(org, filter));
}

export function useInvitationHistory(org: string, id: string) {
  return useQuery(invitationHistoryQueryOptions(org, id));
}

/** A change to a member or an invitation: afterwards every members list of the organization is read again. */
function useMembersMutation<Input, Output>(org: string, mutationFn: (input: Input) => Promise<Output>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn,
    onSettled: () => queryClient.invalidateQueries({ queryKey: membersKey(org) }),
  });
}

export const useResendInvitation = (org: string) => useMembersMutation(org, (id: string) => resendInvitation(org, id));
export const useReissueInvitation = (org: string) =>
  useMembersMutation(org, (id: string) => reissueInvitation(org, id));
export const useRevokeInvitation = (org: string) => useMembersMutation(org, (id: string) => revokeInvitation(org, id));
export const useChangeRights = (org: string) =>
  useMembersMutation(org, ({ user, rights }: { user: string; rights: Rights }) => changeRights(org, user, rights));
/** Removing a member may revoke their licenses: seats and product lists are read again too. */
export const useRemoveMember = (org: string) =>
  useLicensingMutation(org, ({ user, revokeLicenses }: { user: string; revokeLicenses?: boolean }) =>
    removeMember(org, user, revokeLicenses),
  );
/** Copying the link is recorded in the invitation's history, so it refreshes like the other actions. */
export const useInvitationLink = (org: string) => useMembersMutation(org, (id: string) => fetchInvitationLink(org, id));

/**
 * Invite Member for any number of addresses: INVITE_MAX_ADDRESSES a request with progress (a 10,000-address CSV
 * file is twenty requests); the list is read again afterwards, also when a batch failed half-way.
 */
export const useBulkInvite = (org: string) =>
  useMembersMutation(
    org,
    (input: {
      addresses: string[];
      rights: Rights;
      message?: string;
      onProgress: (sent: number, total: number) => void;
    }) =>
      inviteInBatches(
        input.addresses,
        async (batch) => (await invite(org, { emails: batch, rights: input.rights, message: input.message })).results,
        input.onProgress,
      ),
  );
