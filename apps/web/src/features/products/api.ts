import { Asset, MemberList, type MemberRow } from '@portico/contracts';
import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { api, withQuery } from '../../lib/api';
import { orgKey, orgPath, useLicensingMutation } from '../../lib/assignments';
import { sendOnce } from '../../lib/batches';

/** How many members the Assign dialog offers for what was typed; typing more narrows it. */
const CHOICES = 20;

// --- fetchers -------------------------------------------------------------------------------------------------

/** Enable online licensing (SPEC §2.5): a machine-mode license becomes a named-user license. */
export const enableOnlineLicensing = (org: string, asset: string) =>
  sendOnce((idempotencyKey) =>
    api.patch(`${orgPath(org)}/assets/${encodeURIComponent(asset)}`, { mode: 'online' }, Asset, { idempotencyKey }),
  );

/** Members (Member or Admin, not invitations: Status Active) whose name or email matches, for the Assign dialog. */
export async function fetchMemberChoices(org: string, q: string, signal?: AbortSignal): Promise<MemberRow[]> {
  const path = withQuery(`${orgPath(org)}/members`, { q, status: 'active', limit: String(CHOICES) });
  return (await api.get(path, MemberList, signal)).items;
}

// --- query options --------------------------------------------------------------------------------------------

export const memberChoicesQueryOptions = (org: string, q: string) =>
  queryOptions({
    queryKey: [...orgKey(org), 'members', 'choices', q],
    queryFn: ({ signal }) => fetchMemberChoices(org, q, signal),
    // Typing back to an earlier search shows its answer at once.
    staleTime: 30_000,
  });

// --- hooks ----------------------------------------------------------------------------------------------------

export function useMemberChoices(org: string, q: string, enabled: boolean) {
  // The previous answer stays while the next search runs, so the list does not flash empty between keys.
  return useQuery({ ...memberChoicesQueryOptions(org, q), enabled, placeholderData: keepPreviousData });
}

export const useEnableOnlineLicensing = (org: string) =>
  useLicensingMutation(org, (asset: string) => enableOnlineLicensing(org, asset));
