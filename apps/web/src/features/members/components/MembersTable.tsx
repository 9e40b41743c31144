import { Box, Checkbox, Table, Text, UnstyledButton, VisuallyHidden } from '@mantine/core';
import type { MemberRow, MemberSort } from '@portico/contracts';
import type { ReactNode } from 'react';
import { type MemberSelectionState, pageState } from '../selection';
import { lastSignIn, NameCell, ProductCodes, SelectCell, since } from './member-cells';
import { type RowAction, RowActions, type RowGuard } from './RowActions';
import { StatusBadge, UserRightsBadge } from './UserRightsBadge';

export interface MemberListProps {
  rows: MemberRow[];
  selection: MemberSelectionState;
  guard: RowGuard;
  sort: MemberSort;
  onSort: (sort: MemberSort) => void;
  onOpen: (row: MemberRow) => void;
  onAction: (action: RowAction, row: MemberRow) => void;
}

/** Ticks every row of the page shown, members and invitations (the rows of other pages stay as they are). */
export function PageCheckbox({
  rows,
  selection,
  label,
}: Pick<MemberListProps, 'rows' | 'selection'> & { label?: string }) {
  const state = pageState(selection.current, rows);
  return (
    <Checkbox
      aria-label={label ? undefined : 'Select all on this page'}
      label={label}
      checked={state.checked}
      indeterminate={state.indeterminate}
      disabled={rows.length === 0}
      onChange={(event) => selection.toggle(rows, event.currentTarget.checked)}
    />
  );
}

type SortKey = 'name' | 'email' | 'since' | 'lastSignIn';

/**
 * A column header that sorts: a click sorts A→Z (oldest first), a second click Z→A; aria-sort tells a screen
 * reader which column orders the list and which way. Last sign-in starts with the most recent, as people look.
 */
function SortHeader({ column, sort, onSort, children }: { column: SortKey; children: ReactNode } & SortProps) {
  const ascending = sort === column;
  const descending = sort === `-${column}`;
  const firstClick = (column === 'lastSignIn' ? `-${column}` : column) as MemberSort;
  const next = ascending ? (`-${column}` as MemberSort) : descending ? (column as MemberSort) : firstClick;
  const arrow = ascending ? '↑' : descending ? '↓' : '↕';
  return (
    <Table.Th scope="col" aria-sort={ascending ? 'ascending' : descending ? 'descending' : 'none'}>
      <UnstyledButton onClick={() => onSort(next)} fw={700} fz="sm" style={{ whiteSpace: 'nowrap' }}>
        {children}{' '}
        <Text span c={ascending || descending ? undefined : 'dimmed'} aria-hidden="true">
          {arrow}
        </Text>
      </UnstyledButton>
    </Table.Th>
  );
}

type SortProps = Pick<MemberListProps, 'sort' | 'onSort'>;

export function MembersTable({ rows, selection, guard, sort, onSort, onOpen, onAction }: MemberListProps) {
  const sorting = { sort, onSort };
  return (
    <Box visibleFrom="sm">
      <Table.ScrollContainer minWidth={1000}>
        <Table verticalSpacing="sm" highlightOnHover aria-label="Members and invitations">
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col" w={40}>
                <PageCheckbox rows={rows} selection={selection} />
              </Table.Th>
              <SortHeader column="name" {...sorting}>
                Name
              </SortHeader>
              <SortHeader column="email" {...sorting}>
                Email
              </SortHeader>
              <Table.Th scope="col" style={{ whiteSpace: 'nowrap' }}>
                User Rights
              </Table.Th>
              <Table.Th scope="col" style={{ whiteSpace: 'nowrap' }}>
                Status
              </Table.Th>
              <SortHeader column="since" {...sorting}>
                Joined / invited
              </SortHeader>
              <SortHeader column="lastSignIn" {...sorting}>
                Last sign-in
              </SortHeader>
              <Table.Th scope="col" style={{ whiteSpace: 'nowrap' }}>
                Products
              </Table.Th>
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
                  <StatusBadge status={row.statusLabel} />
                </Table.Td>
                <Table.Td>
                  <Text size="sm">{since(row)}</Text>
                </Table.Td>
                <Table.Td>
                  <Text size="sm">{lastSignIn(row)}</Text>
                </Table.Td>
                <Table.Td>
                  <ProductCodes row={row} />
                </Table.Td>
                <Table.Td ta="right">
                  <RowActions row={row} guard={guard} onAction={onAction} />
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Box>
  );
}
