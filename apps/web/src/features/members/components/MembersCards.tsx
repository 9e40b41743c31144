import { Group, Paper, Stack, Text } from '@mantine/core';
import { CardList } from '../../../components/CardList';
import { type MemberListProps, PageCheckbox } from './MembersTable';
import { lastSignIn, NameCell, ProductCodes, SelectCell, since } from './member-cells';
import { RowActions } from './RowActions';
import { StatusBadge, UserRightsBadge } from './UserRightsBadge';

/**
 * The phone form of the members table: one card a row with the same facts — the checkbox first, name and email,
 * User Rights and Status, the dates, the products. The order is the toolbar's Sort (there are no column headers).
 */
export function MembersCards({ rows, selection, guard, onOpen, onAction }: MemberListProps) {
  return (
    <Stack gap="sm" hiddenFrom="sm">
      <PageCheckbox rows={rows} selection={selection} label="Select all on this page" />
      <CardList aria-label="Members and invitations">
        {rows.map((row) => (
          <Paper
            component="li"
            key={`${row.kind}-${row.id}`}
            withBorder
            radius="md"
            p="sm"
            bg={selection.has(row) ? 'var(--mantine-color-indigo-light)' : undefined}
          >
            <Group justify="space-between" align="flex-start" wrap="nowrap">
              <Group align="flex-start" wrap="nowrap" gap="sm" style={{ minWidth: 0 }}>
                <SelectCell row={row} selection={selection} />
                <Stack gap={4} style={{ minWidth: 0 }}>
                  <NameCell row={row} onOpen={onOpen} />
                  <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
                    {row.email}
                  </Text>
                  <Group gap="xs">
                    <UserRightsBadge rights={row.userRights} />
                    <StatusBadge status={row.statusLabel} />
                  </Group>
                  {row.products.length > 0 && <ProductCodes row={row} />}
                  <Text size="xs" c="dimmed">
                    {since(row)}
                    {row.kind === 'member' && ` · last sign-in ${lastSignIn(row).toLowerCase()}`}
                  </Text>
                </Stack>
              </Group>
              <RowActions row={row} guard={guard} onAction={onAction} />
            </Group>
          </Paper>
        ))}
      </CardList>
    </Stack>
  );
}
