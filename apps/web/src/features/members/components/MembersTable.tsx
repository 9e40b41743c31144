import { Box, Checkbox, Table, Text, VisuallyHidden } from '@mantine/core';
import type { MemberRow } from '@portico/contracts';
import { pageSelectionState, type Selection } from '../../../lib/use-selection';
import { lastSignIn, NameCell, ProductCodes, SelectCell, since } from './member-cells';
import { type RowAction, RowActions } from './RowActions';
import { UserRightsBadge } from './UserRightsBadge';

export interface MemberListProps {
  rows: MemberRow[];
  selection: Selection<MemberRow>;
  onOpen: (row: MemberRow) => void;
  onAction: (action: RowAction, row: MemberRow) => void;
}

/** Ticks every member shown (invitations cannot be selected). */
export function PageCheckbox({
  rows,
  selection,
  label,
}: Pick<MemberListProps, 'rows' | 'selection'> & { label?: string }) {
  const members = rows.filter((row) => row.kind === 'member');
  const state = pageSelectionState(members, selection);
  return (
    <Checkbox
      aria-label={label ? undefined : 'Select all members shown'}
      label={label}
      checked={state.checked}
      indeterminate={state.indeterminate}
      disabled={members.length === 0}
      onChange={(event) => selection.toggle(members, event.currentTarget.checked)}
    />
  );
}

export function MembersTable({ rows, selection, onOpen, onAction }: MemberListProps) {
  return (
    <Box visibleFrom="sm">
      <Table.ScrollContainer minWidth={900}>
        <Table verticalSpacing="sm" highlightOnHover aria-label="Members and invitations">
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col" w={40}>
                <PageCheckbox rows={rows} selection={selection} />
              </Table.Th>
              <Table.Th scope="col">Name</Table.Th>
              <Table.Th scope="col">Email</Table.Th>
              <Table.Th scope="col">User Rights</Table.Th>
              <Table.Th scope="col">Products</Table.Th>
              <Table.Th scope="col">Invited / joined</Table.Th>
              <Table.Th scope="col">Last sign-in</Table.Th>
              <Table.Th scope="col">
                <VisuallyHidden>Actions</VisuallyHidden>
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((row) => (
              <Table.Tr
                key={`${row.kind}-${row.id}`}
                bg={selection.has(row) ? 'var(--mantine-color-indigo-light)' : undefined}
              >
                <Table.Td>
                  <SelectCell row={row} selection={selection} />
                </Table.Td>
                <Table.Td>
                  <NameCell row={row} onOpen={onOpen} />
                </Table.Td>
                <Table.Td>
                  <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
                    {row.email}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <UserRightsBadge rights={row.userRights} />
                </Table.Td>
                <Table.Td>
                  <ProductCodes row={row} />
                </Table.Td>
                <Table.Td>
                  <Text size="sm">{since(row)}</Text>
                </Table.Td>
                <Table.Td>
                  <Text size="sm">{lastSignIn(row)}</Text>
                </Table.Td>
                <Table.Td ta="right">
                  <RowActions row={row} onAction={onAction} />
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Box>
  );
}
