import type {
  MemberCountsAnswer,
  MemberList,
  MemberSort,
  MemberStatus,
  MemberStatusLabel,
  MembersFilter,
  Rights,
  UserRightsLabel,
} from '@portico/contracts';
import type { Deps } from '../../deps.js';
import { decodeCursor, encodeCursor } from '../../lib/cursor.js';
import { AppError } from '../../lib/errors.js';
import { toIsoString } from '../../lib/time.js';
import { productsHeldBy } from '../licensing/assignment-views.service.js';
import { type DirectoryRow, lastSignIns, listDirectory } from './directory.repository.js';
import { countDirectory, countMatching } from './directory-counts.repository.js';

const RIGHTS_LABELS: Record<Rights, UserRightsLabel> = { admin: 'Admin', member: 'Member' };
const STATUS_LABELS: Record<MemberStatus, MemberStatusLabel> = {
  active: 'Active',
  pending: 'PENDING',
  expired: 'Invitation expired',
};

const DATE_SORTS = new Set(['since', 'lastSignIn']);

/**
 * The cursor holds the sort it was made for and the last row's sort value (URI-encoded: names are any text) and
 * id; a cursor of another sort, or anything else, is refused like a forged one.
 */
function readCursor(cursor: string | undefined, sort: MemberSort): { value: string; id: string } | undefined {
  const key = decodeCursor(cursor);
  if (key === undefined) return undefined;
  const [cursorSort, encoded, id, ...rest] = key.split('\t');
  let value: string | undefined;
  try {
    value = encoded === undefined ? undefined : decodeURIComponent(encoded);
  } catch {
    value = undefined;
  }
  if (cursorSort !== sort || value === undefined || !id || rest.length > 0)
    throw AppError.validation('cursor', 'is not a cursor this server gave out for this sort order');
  return { value, id };
}

function cursorAfter(row: DirectoryRow, sort: MemberSort): string {
  const isDate = DATE_SORTS.has(sort.replace('-', ''));
  const value = isDate ? toIsoString(row.sort_key) : String(row.sort_key);
  return encodeCursor(`${sort}\t${encodeURIComponent(value)}\t${row.id}`);
}

export type MembersQuery = MembersFilter & { sort: MemberSort; cursor?: string; limit: number };

/** One page of the Members list. */
export async function listMembers(
  deps: Deps<'db' | 'clock'>,
  organizationId: string,
  query: MembersQuery,
): Promise<MemberList> {
  const now = deps.clock.now();
  const filter = { q: query.q, status: query.status, rights: query.rights };
  const after = readCursor(query.cursor, query.sort);
  const rows = await listDirectory(deps.db, organizationId, {
    ...filter,
    sort: query.sort,
    after,
    limit: query.limit,
    now,
  });
  const page = rows.slice(0, query.limit);
  const memberIds = page.filter((r) => r.kind === 'member').map((r) => r.id);
  const [signIns, products] = await Promise.all([
    lastSignIns(deps.db, memberIds),
    productsHeldBy(deps.db, organizationId, memberIds),
  ]);
  const last = page.at(-1);
  return {
    items: page.map((row) => toMemberRow(row, signIns.get(row.id), products.get(row.id) ?? [])),
    nextCursor: rows.length > query.limit && last ? cursorAfter(last, query.sort) : null,
  };
}

/**
 * The headline counts and the rows a filter matches. Without a filter the counts already say how many rows there
 * are; with one, the filter is counted (a search reads every row, as the search itself does).
 */
export async function countMembers(
  deps: Deps<'db' | 'clock'>,
  organizationId: string,
  filter: MembersFilter,
): Promise<MemberCountsAnswer> {
  const now = deps.clock.now();
  const counts = await countDirectory(deps.db, organizationId, now);
  const unfiltered = !filter.q && !filter.status && !filter.rights;
  const matching = unfiltered
    ? counts.members + counts.pending + counts.expired
    : await countMatching(deps.db, organizationId, filter, now);
  return { counts, matching };
}

function toMemberRow(row: DirectoryRow, signIn: unknown, products: MemberList['items'][number]['products']) {
  const status = row.status as MemberStatus;
  return {
    kind: row.kind,
    id: row.id,
    name: row.name,
    email: row.email,
    rights: row.rights,
    userRights: RIGHTS_LABELS[row.rights],
    status,
    statusLabel: STATUS_LABELS[status],
    since: toIsoString(row.since),
    lastSignInAt: signIn ? toIsoString(signIn) : null,
    expiresAt: row.expires_at === null ? null : toIsoString(row.expires_at),
    products,
  };
}
