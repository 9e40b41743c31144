import type { MemberSort, MemberStatus, UserRightsLabel } from '@portico/contracts';
import type { Deps } from '../../deps.js';
import { decodeCursor, encodeCursor } from '../../lib/cursor.js';
import { AppError } from '../../lib/errors.js';
import { toIsoString } from '../../lib/time.js';
import { productsHeldBy } from '../licensing/assignment-views.service.js';
import { type DirectoryRow, lastSignIns, listDirectory } from './directory.repository.js';

const LABELS: Record<MemberStatus, UserRightsLabel> = {
  admin: 'Admin',
  member: 'Member',
  pending: 'PENDING',
  expired: 'Invitation expired',
};

/**
 * The cursor holds the sort it was made for and the last row's sort value and id; a cursor of another sort, or
 * anything else, is refused like a forged one.
 */
function readCursor(cursor: string | undefined, sort: MemberSort): { value: string; id: string } | undefined {
  const key = decodeCursor(cursor);
  if (key === undefined) return undefined;
  const [cursorSort, value, id, ...rest] = key.split('\t');
  if (cursorSort !== sort || !value || !id || rest.length > 0)
    throw AppError.validation('cursor', 'is not a cursor this server gave out for this sort order');
  return { value, id };
}

function cursorAfter(row: DirectoryRow, sort: MemberSort): string {
  const value = sort.endsWith('email') ? row.email : toIsoString(row.since);
  return encodeCursor(`${sort}\t${value}\t${row.id}`);
}

export async function listMembers(
  deps: Deps<'db' | 'clock'>,
  organizationId: string,
  query: { q?: string; status?: MemberStatus; sort: MemberSort; cursor?: string; limit: number },
) {
  const now = deps.clock.now();
  const rows = await listDirectory(deps.db, organizationId, {
    q: query.q,
    status: query.status,
    sort: query.sort,
    after: readCursor(query.cursor, query.sort),
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
    items: page.map((row) => {
      const signIn = signIns.get(row.id);
      return {
        kind: row.kind,
        id: row.id,
        name: row.name,
        email: row.email,
        userRights: LABELS[row.status as MemberStatus],
        since: toIsoString(row.since),
        lastSignInAt: signIn ? toIsoString(signIn) : null,
        expiresAt: row.expires_at === null ? null : toIsoString(row.expires_at),
        products: products.get(row.id) ?? [],
      };
    }),
    nextCursor: rows.length > query.limit && last ? cursorAfter(last, query.sort) : null,
  };
}
