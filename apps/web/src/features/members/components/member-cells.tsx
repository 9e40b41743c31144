import { Anchor, Badge, Checkbox, Group, Text, VisuallyHidden } from '@mantine/core';
import type { MemberRow } from '@portico/contracts';
import { formatDate, formatRelative } from '../../../lib/format';
import type { MemberSelectionState } from '../selection';

// The cells the Members table and its phone cards share.

/** "Joined 3 Nov 2026" or "Invited 3 Nov 2026 · expires 10 Nov 2026". */
export function since(row: MemberRow): string {
  if (row.kind === 'member') return `Joined ${formatDate(row.since)}`;
  const expiry = row.expiresAt
    ? ` · ${row.status === 'pending' ? 'expires' : 'expired'} ${formatDate(row.expiresAt)}`
    : '';
  return `Invited ${formatDate(row.since)}${expiry}`;
}

export function lastSignIn(row: MemberRow): string {
  if (row.kind === 'invitation') return '—';
  return row.lastSignInAt ? formatRelative(row.lastSignInAt) : 'Never';
}

/**
 * A member's name opens their details. An invitation has a name when the CSV it came from gave one (shown, not a
 * link: there are no details to open), else none until someone accepts it.
 */
export function NameCell({ row, onOpen }: { row: MemberRow; onOpen: (row: MemberRow) => void }) {
  if (row.kind === 'member' && row.name)
    return (
      <Anchor
        component="button"
        type="button"
        size="sm"
        fw={600}
        ta="left"
        onClick={() => onOpen(row)}
        style={{ overflowWrap: 'anywhere' }}
        aria-haspopup="dialog"
      >
        {row.name}
      </Anchor>
    );
  if (row.name)
    return (
      <Text size="sm" fw={600} style={{ overflowWrap: 'anywhere' }}>
        {row.name}
      </Text>
    );
  return (
    <Text size="sm" c="dimmed">
      <span aria-hidden="true">—</span>
      <VisuallyHidden>{row.kind === 'member' ? 'No name' : 'Invitation, no name yet'}</VisuallyHidden>
    </Text>
  );
}

/** The codes of the products a member holds (SPEC §2.5), each named in full for a pointer and a screen reader. */
export function ProductCodes({ row }: { row: MemberRow }) {
  if (row.products.length === 0)
    return (
      <Text size="sm" c="dimmed">
        <span aria-hidden="true">—</span>
        <VisuallyHidden>No products</VisuallyHidden>
      </Text>
    );
  return (
    <Group gap={4}>
      {row.products.map((product) => (
        <Badge key={product.assignmentId} variant="outline" color="gray.8" tt="none" title={product.name}>
          {product.code}
        </Badge>
      ))}
    </Group>
  );
}

/** Members and invitations alike: the bar offers what applies to each kind. */
export function SelectCell({ row, selection }: { row: MemberRow; selection: MemberSelectionState }) {
  return (
    <Checkbox
      aria-label={`Select ${row.name ?? row.email}`}
      checked={selection.has(row)}
      onChange={(event) => selection.toggle([row], event.currentTarget.checked)}
    />
  );
}
