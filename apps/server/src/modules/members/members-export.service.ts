import type { MemberSort, MembersFilter } from '@portico/contracts';
import type { Deps } from '../../deps.js';
import { BOM, csvRecords } from '../../lib/csv.js';
import { listMembers } from './directory.service.js';

/** The export's columns, in order (its header row). */
export const MEMBERS_CSV_COLUMNS = [
  'name',
  'email',
  'user_rights',
  'status',
  'joined_or_invited',
  'last_sign_in',
  'invitation_expires',
  'products',
] as const;

/** Rows read per page while exporting: the list's own keyset pages, so memory stays flat at 100,000 members. */
const BATCH = 200;

/**
 * Export (issue 14): the Members list as CSV, with the page's filter and sort, every matching row. Produced page by
 * page as the client reads it, never held whole.
 */
export async function* exportMembers(
  deps: Deps<'db' | 'clock'>,
  organizationId: string,
  query: MembersFilter & { sort: MemberSort },
): AsyncGenerator<string> {
  yield BOM + csvRecords([[...MEMBERS_CSV_COLUMNS]]);
  let cursor: string | undefined;
  do {
    const page = await listMembers(deps, organizationId, { ...query, cursor, limit: BATCH });
    const records = page.items.map((row) => [
      row.name,
      row.email,
      row.userRights,
      row.statusLabel,
      row.since,
      row.lastSignInAt,
      row.expiresAt,
      row.products.map((p) => p.code).join(' '),
    ]);
    if (records.length > 0) yield csvRecords(records);
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
}
