import {
  BulkResult,
  type BulkSelection,
  InvitationHistory,
  InvitationLink,
  type Invitee,
  InviteResult,
  MemberCountsAnswer,
  MemberList,
  type MemberSort,
  type Rights,
  type MembersFilter as RowsFilter,
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

/** What the list shows: the rows a search and the Status and User Rights filters match, in an order. */
export interface MembersFilter extends RowsFilter {
  sort?: MemberSort;
}

/** The filter alone, without the order: what "all N matching" selects, and what changing it resets. */
export const rowsFilter = ({ q, status, rights }: MembersFilter): RowsFilter => ({ q, status, rights });

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

/** The headline counts and how many rows the filter matches, asked beside the list (never slowing a page). */
export function fetchMemberCounts(org: string, filter: RowsFilter, signal?: AbortSignal) {
  return api.get(withQuery(`${orgPath(org)}/members/counts`, { ...filter }), MemberCountsAnswer, signal);
}

/** The CSV export of the current filter and order: a plain link, so the session cookie goes along. */
export const membersCsvUrl = (org: string, filter: MembersFilter) =>
  withQuery(`${orgPath(org)}/members/export`, { ...filter });

/** The bulk actions the server applies to a whole selection in one request, each answering per row. */
export type BulkRequest =
  | { action: 'resend' | 'revoke'; selection: BulkSelection }
  | { action: 'make-admin' | 'make-member'; selection: BulkSelection }
  | { action: 'remove'; selection: BulkSelection; revokeLicenses: boolean };

const BULK_PATHS = {
  resend: 'invitations/resend',
  revoke: 'invitations/revoke',
  'make-admin': 'members/change-rights',
  'make-member': 'members/change-rights',
  remove: 'members/remove',
} as const;

function bulkBody(request: BulkRequest) {
  if (request.action === 'remove') return { selection: request.selection, revokeLicenses: request.revokeLicenses };
  if (request.action === 'make-admin') return { selection: request.selection, rights: 'admin' };
  if (request.action === 'make-member') return { selection: request.selection, rights: 'member' };
  return { selection: request.selection };
}

/** One request for the whole selection; sent again with the same Idempotency-Key if its answer was lost. */
export const sendBulk = (org: string, request: BulkRequest) =>
  sendOnce((idempotencyKey) =>
    api.post(`${orgPath(org)}/${BULK_PATHS[request.action]}`, bulkBody(request), BulkResult, { idempotencyKey }),
  );

/** Invite Member: addresses with the names a CSV gave them (issue 14), up to 500 a request. */
export const invite = (org: string, body: { invitees: Invitee[]; rights: Rights; message?: string }) =>
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
  filter: RowsFilter,
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

/** Under the members key: every change to a member or an invitation reads the counts again with the list. */
export function useMemberCounts(org: string, filter: MembersFilter) {
  const rows = rowsFilter(filter);
  return useQuery({
    queryKey: [...membersKey(org), 'counts', rows],
    queryFn: ({ signal }) => fetchMemberCounts(org, rows, signal),
    placeholderData: (previous) => previous,
  });
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
/** A bulk action: seats may be freed and the audit log grows, so everything of the organization is read again. */
export const useBulkAction = (org: string) =>
  useLicensingMutation(org, (request: BulkRequest) => sendBulk(org, request));
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
      invitees: Invitee[];
      rights: Rights;
      message?: string;
      onProgress: (sent: number, total: number) => void;
    }) =>
      inviteInBatches(
        input.invitees,
        async (batch) => (await invite(org, { invitees: batch, rights: input.rights, message: input.message })).results,
        input.onProgress,
      ),
  );
