import {
  ASSIGN_MAX_USERS,
  type Asset,
  AssetList,
  AssignmentList,
  type AssignOutcome,
  AssignResult,
  REVOKE_MAX_ASSIGNMENTS,
  type RevokeOutcome,
  RevokeResult,
} from '@portico/contracts';
import {
  infiniteQueryOptions,
  queryOptions,
  useInfiniteQuery,
  useMutation,
  useQuery,
  useQueryClient,
} from '@tanstack/react-query';
import { api, isApiError, withQuery } from './api';
import { collectPages, inBatches, sendOnce } from './batches';

// Assets and assignments (SPEC §2.5), shared by the Products page and the Members page: both hand out and take back
// seats, and both need the organization's assets to say how many are left.

export const orgPath = (org: string) => `/api/v1/orgs/${encodeURIComponent(org)}`;

/** Every query about one organization starts with this key: a change to who holds what refreshes them all. */
export const orgKey = (org: string) => ['orgs', org] as const;

export interface AssignmentsFilter {
  asset?: string;
  user?: string;
  /** By id or code. */
  product?: string;
  /** The assignee's name or email. */
  q?: string;
}

/** Give seats of one asset, or of a product whose asset Portico picks. */
export type AssignTarget = { asset: string } | { product: string };

export interface UserAssignOutcome {
  user: string;
  outcome: AssignOutcome;
}

// --- fetchers -------------------------------------------------------------------------------------------------

/** An organization has a handful of assets: all of them, 200 a page. */
export async function fetchAssets(org: string, signal?: AbortSignal): Promise<Asset[]> {
  const { items } = await collectPages(
    (cursor) =>
      api.get(withQuery(`${orgPath(org)}/assets`, { cursor: cursor ?? undefined, limit: '200' }), AssetList, signal),
    { max: 10_000, signal },
  );
  return items;
}

export const fetchAssignments = (
  org: string,
  filter: AssignmentsFilter,
  cursor: string | null,
  options: { limit?: number; signal?: AbortSignal } = {},
) =>
  api.get(
    withQuery(`${orgPath(org)}/assignments`, {
      ...filter,
      cursor: cursor ?? undefined,
      limit: String(options.limit ?? 50),
    }),
    AssignmentList,
    options.signal,
  );

export const assign = (org: string, target: AssignTarget, users: string[], idempotencyKey: string) =>
  api.post(`${orgPath(org)}/assignments`, { ...target, users }, AssignResult, { idempotencyKey });

export const revokeAssignments = (org: string, assignments: string[], idempotencyKey: string) =>
  api.post(`${orgPath(org)}/assignments/revoke`, { assignments }, RevokeResult, { idempotencyKey });

export const revokeAssignment = (org: string, id: string) =>
  sendOnce((idempotencyKey) =>
    api.delete(`${orgPath(org)}/assignments/${encodeURIComponent(id)}`, undefined, { idempotencyKey }),
  );

// --- query options and hooks ----------------------------------------------------------------------------------

export const assetsQueryOptions = (org: string) =>
  queryOptions({ queryKey: [...orgKey(org), 'assets'], queryFn: ({ signal }) => fetchAssets(org, signal) });

export const assignmentsQueryOptions = (org: string, filter: AssignmentsFilter) =>
  infiniteQueryOptions({
    queryKey: [...orgKey(org), 'assignments', filter],
    queryFn: ({ pageParam, signal }) => fetchAssignments(org, filter, pageParam, { signal }),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
  });

export function useAssets(org: string) {
  return useQuery(assetsQueryOptions(org));
}

export function useAssignments(org: string, filter: AssignmentsFilter, enabled = true) {
  return useInfiniteQuery({ ...assignmentsQueryOptions(org, filter), enabled });
}

/** A change to who holds what: seats, both lists and My products are read again afterwards, also after a failure. */
export function useLicensingMutation<Input, Output>(org: string, mutationFn: (input: Input) => Promise<Output>) {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn, onSettled: () => queryClient.invalidateQueries({ queryKey: orgKey(org) }) });
}

// --- many at once ---------------------------------------------------------------------------------------------

/** The users a 404 names (`users.3`): members who left since the list was read. */
function strangersIn(error: unknown, batch: string[]): Set<string> {
  if (!isApiError(error, 'NOT_FOUND')) return new Set();
  const named = error.details.flatMap((d) => {
    const match = /^users\.(\d+)$/.exec(d.path);
    return match ? [batch[Number(match[1])]] : [];
  });
  return new Set(named.filter((user): user is string => user !== undefined));
}

/**
 * One request of Assign. A user who is no longer a member makes the server refuse the whole request (nothing is
 * assigned); they are answered `not a member` and the others are sent again without them.
 */
async function assignBatch(org: string, target: AssignTarget, batch: string[]): Promise<UserAssignOutcome[]> {
  try {
    return (await sendOnce((key) => assign(org, target, batch, key))).results;
  } catch (error) {
    const strangers = strangersIn(error, batch);
    if (strangers.size === 0) throw error;
    const rest = batch.filter((user) => !strangers.has(user));
    const refused = [...strangers].map((user) => ({ user, outcome: 'not a member' as const }));
    return [...refused, ...(rest.length > 0 ? await assignBatch(org, target, rest) : [])];
  }
}

/** Assign for any number of users, ASSIGN_MAX_USERS a request, with progress. */
export function assignInBatches(
  org: string,
  target: AssignTarget,
  users: string[],
  onProgress?: (done: number, total: number) => void,
): Promise<UserAssignOutcome[]> {
  return inBatches(users, ASSIGN_MAX_USERS, (batch) => assignBatch(org, target, batch), onProgress);
}

/** Revoke for any number of assignments, REVOKE_MAX_ASSIGNMENTS a request, with progress. */
export function revokeInBatches(
  org: string,
  assignments: string[],
  onProgress?: (done: number, total: number) => void,
): Promise<{ assignment: string; outcome: RevokeOutcome }[]> {
  return inBatches(
    assignments,
    REVOKE_MAX_ASSIGNMENTS,
    async (batch) => (await sendOnce((key) => revokeAssignments(org, batch, key))).results,
    onProgress,
  );
}

type Progress = (done: number, total: number) => void;

/** Assign to any number of users; the per-user outcomes in the order of the users. */
export const useAssign = (org: string) =>
  useLicensingMutation(org, (input: { target: AssignTarget; users: string[]; onProgress: Progress }) =>
    assignInBatches(org, input.target, input.users, input.onProgress),
  );

/** Revoke one assignment (404 when it is no longer active). */
export const useRevokeAssignment = (org: string) =>
  useLicensingMutation(org, (id: string) => revokeAssignment(org, id));

/** Revoke any number of assignments; the outcome of each. */
export const useRevokeMany = (org: string) =>
  useLicensingMutation(org, (input: { assignments: string[]; onProgress?: Progress }) =>
    revokeInBatches(org, input.assignments, input.onProgress),
  );

/** A license product the organization holds assets of, with the seats of all of them together. */
export interface LicenseProduct {
  id: string;
  code: string;
  name: string;
  type: string | null;
  seats: number;
  available: number;
}

/** The license products of the organization's assets, each once, by code; services have no seats to hand out. */
export function licenseProducts(assets: Asset[]): LicenseProduct[] {
  const byId = new Map<string, LicenseProduct>();
  for (const asset of assets) {
    if (asset.product.kind !== 'license') continue;
    const { id, code, name, type } = asset.product;
    const known = byId.get(id) ?? { id, code, name, type, seats: 0, available: 0 };
    known.seats += asset.seats;
    if (asset.status === 'active') known.available += asset.seatsAvailable;
    byId.set(id, known);
  }
  return [...byId.values()].sort((a, b) => a.code.localeCompare(b.code));
}
