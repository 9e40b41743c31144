import type { MemberRow } from '@portico/contracts';

// Rows as the Members list answers them, for the unit tests of the selection and its bulk actions.

export function memberRow(id: string, overrides: Partial<MemberRow> = {}): MemberRow {
  return {
    kind: 'member',
    id,
    name: id.toUpperCase(),
    email: `${id}@example.com`,
    rights: 'member',
    userRights: 'Member',
    status: 'active',
    statusLabel: 'Active',
    since: '2026-01-01T00:00:00.000Z',
    lastSignInAt: null,
    expiresAt: null,
    products: [],
    ...overrides,
  };
}

export const adminRow = (id: string) => memberRow(id, { rights: 'admin', userRights: 'Admin' });

export function invitationRow(id: string, status: 'pending' | 'expired' = 'pending'): MemberRow {
  return memberRow(id, {
    kind: 'invitation',
    name: null,
    status,
    statusLabel: status === 'pending' ? 'PENDING' : 'Invitation expired',
    expiresAt: '2026-01-08T00:00:00.000Z',
  });
}
