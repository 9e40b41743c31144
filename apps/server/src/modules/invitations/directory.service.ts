import type { AppDeps } from '../../deps.js';
import { AppError } from '../../http/errors.js';
import { decodeCursor, encodeCursor } from '../../lib/cursor.js';
import { toIsoString } from '../../lib/time.js';
import { type DirectoryStatus, lastSignIns, listDirectory } from './directory.repository.js';

const LABELS = { admin: 'Admin', member: 'Member', pending: 'PENDING', expired: 'Invitation expired' } as const;

/** The cursor holds the last row's email and id; anything else is refused like a forged cursor. */
function readCursor(cursor: string | undefined): { email: string; id: string } | undefined {
  const key = decodeCursor(cursor);
  if (key === undefined) return undefined;
  const tab = key.indexOf('\t');
  if (tab < 1) throw AppError.validation('cursor', 'is not a cursor this server gave out');
  return { email: key.slice(0, tab), id: key.slice(tab + 1) };
}

export async function listMembers(
  deps: AppDeps,
  organizationId: string,
  query: { q?: string; status?: DirectoryStatus; cursor?: string; limit: number },
) {
  const now = deps.clock.now();
  const rows = await listDirectory(deps.db, organizationId, {
    q: query.q,
    status: query.status,
    after: readCursor(query.cursor),
    limit: query.limit,
    now,
  });
  const page = rows.slice(0, query.limit);
  const signIns = await lastSignIns(
    deps.db,
    page.filter((r) => r.kind === 'member').map((r) => r.id),
  );
  const last = page.at(-1);
  return {
    items: page.map((row) => {
      const signIn = signIns.get(row.id);
      return {
        kind: row.kind,
        id: row.id,
        name: row.name,
        email: row.email,
        userRights: LABELS[row.status as keyof typeof LABELS],
        since: toIsoString(row.since),
        lastSignInAt: signIn ? toIsoString(signIn) : null,
        expiresAt: row.expires_at === null ? null : toIsoString(row.expires_at),
      };
    }),
    nextCursor: rows.length > query.limit && last ? encodeCursor(`${last.email}\t${last.id}`) : null,
  };
}
