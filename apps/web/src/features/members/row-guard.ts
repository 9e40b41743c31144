import type { MemberRow } from '@portico/contracts';

/** What the row menus must know to say in advance what the server would refuse. */
export interface RowGuard {
  /** The signed-in user's id: nobody demotes or removes themselves here. */
  self: string | null;
  /** How many administrators the organization has (null while unknown). */
  administrators: number | null;
}

/** Why Change to Member and Remove member are refused for this member, or null when they are not. */
export function memberRefusal(row: MemberRow, guard: RowGuard): { demote: string | null; remove: string | null } {
  if (row.kind !== 'member') return { demote: null, remove: null };
  const last = row.rights === 'admin' && guard.administrators !== null && guard.administrators <= 1;
  if (row.id === guard.self && last) {
    const reason = 'You are the last administrator: make someone else Admin first.';
    return { demote: reason, remove: reason };
  }
  if (row.id === guard.self)
    return {
      demote: 'You cannot take away your own Admin rights: another administrator can.',
      remove: 'You cannot remove yourself: another administrator can.',
    };
  if (last)
    return {
      demote: 'The last administrator stays Admin: make someone else Admin first.',
      remove: 'The last administrator cannot be removed: make someone else Admin first.',
    };
  return { demote: null, remove: null };
}
