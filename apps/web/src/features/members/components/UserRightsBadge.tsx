import { Badge } from '@mantine/core';
import type { MemberStatusLabel, UserRightsLabel } from '@portico/contracts';

const RIGHTS_COLORS: Record<UserRightsLabel, string> = { Admin: 'indigo', Member: 'gray' };
const STATUS_COLORS: Record<MemberStatusLabel, string> = {
  Active: 'teal',
  PENDING: 'yellow',
  'Invitation expired': 'red',
};

/**
 * A badge on a solid tint (shade 1) rather than the light variant's see-through one: its text, the theme's
 * light-variant colour, reads at 4.5:1 on shade 1 (app/theme.ts), also on a selected or hovered row, where a
 * see-through tint would mix with the row's own.
 */
function SolidBadge({ color, children }: { color: string; children: string }) {
  return (
    <Badge
      color={color}
      variant="light"
      tt="none"
      bg={`${color}.1`}
      // The edge keeps the badge's shape on a selected row, whose tint is close to the badge's own.
      // max-content: a squeezed table column must not cut the word to “PENDI…”.
      style={{ minWidth: 'max-content', border: `1px solid var(--mantine-color-${color}-3)` }}
    >
      {children}
    </Badge>
  );
}

/** The User Rights column (SPEC §2.4): what a member is, or what an invitation will make its invitee. */
export function UserRightsBadge({ rights }: { rights: UserRightsLabel }) {
  return <SolidBadge color={RIGHTS_COLORS[rights]}>{rights}</SolidBadge>;
}

/** The Status column: Active, PENDING, Invitation expired — the specification's words, so nobody translates. */
export function StatusBadge({ status }: { status: MemberStatusLabel }) {
  return <SolidBadge color={STATUS_COLORS[status]}>{status}</SolidBadge>;
}
