import { AppError } from './errors.js';

/** Opaque cursors (SPEC §4.2): the last row's sort key, base64url-encoded so clients do not build them. */
export function encodeCursor(key: string): string {
  return Buffer.from(key, 'utf8').toString('base64url');
}

export function decodeCursor(cursor: string | undefined): string | undefined {
  if (cursor === undefined || cursor === '') return undefined;
  const key = Buffer.from(cursor, 'base64url').toString('utf8');
  if (!/^[\t\x20-\x7e]{1,600}$/.test(key)) throw AppError.validation('cursor', 'is not a cursor this server gave out');
  return key;
}

/** Takes one page from rows fetched with limit + 1, and the cursor of the next page when there is one. */
export function page<T extends { id: string }>(rows: T[], limit: number): { items: T[]; nextCursor: string | null } {
  const items = rows.slice(0, limit);
  const last = items.at(-1);
  return { items, nextCursor: rows.length > limit && last ? encodeCursor(last.id) : null };
}
