import { Box, Button, Checkbox, Group, Paper, Stack, Table, Text, VisuallyHidden } from '@mantine/core';
import type { Assignment } from '@portico/contracts';
import { CardList } from '../../../components/CardList';
import { formatDate } from '../../../lib/format';
import { pageSelectionState, type Selection } from '../../../lib/use-selection';

interface AssigneeListProps {
  rows: Assignment[];
  selection: Selection<Assignment>;
  onRevoke: (assignment: Assignment) => void;
}

/** The assignees of one asset: a table with a checkbox per row on wide screens, cards on phones. */
export function AssigneeList(props: AssigneeListProps) {
  return (
    <>
      <Box visibleFrom="sm">
        <AssigneeTable {...props} />
      </Box>
      <Box hiddenFrom="sm">
        <AssigneeCards {...props} />
      </Box>
    </>
  );
}

function PageCheckbox({ rows, selection }: Pick<AssigneeListProps, 'rows' | 'selection'>) {
  const state = pageSelectionState(rows, selection);
  return (
    <Checkbox
      aria-label="Select all assignees shown"
      checked={state.checked}
      indeterminate={state.indeterminate}
      onChange={(event) => selection.toggle(rows, event.currentTarget.checked)}
    />
  );
}

function RowCheckbox({ row, selection }: { row: Assignment; selection: Selection<Assignment> }) {
  return (
    <Checkbox
      aria-label={`Select ${row.user.name}`}
      checked={selection.has(row)}
      onChange={(event) => selection.toggle([row], event.currentTarget.checked)}
    />
  );
}

function RevokeButton({ row, onRevoke }: { row: Assignment; onRevoke: (a: Assignment) => void }) {
  return (
    <Button
      size="xs"
      variant="light"
      color="red"
      onClick={() => onRevoke(row)}
      aria-label={`Revoke ${row.product.code} from ${row.user.name}`}
      style={{ flexShrink: 0 }}
    >
      Revoke
    </Button>
  );
}

function AssigneeTable({ rows, selection, onRevoke }: AssigneeListProps) {
  return (
    <Table verticalSpacing="sm" highlightOnHover aria-label="Assignees">
      <Table.Thead>
        <Table.Tr>
          <Table.Th scope="col" w={40}>
            <PageCheckbox rows={rows} selection={selection} />
          </Table.Th>
          <Table.Th scope="col">Name</Table.Th>
          <Table.Th scope="col">Email</Table.Th>
          <Table.Th scope="col">Assigned</Table.Th>
          <Table.Th scope="col">
            <VisuallyHidden>Actions</VisuallyHidden>
          </Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {rows.map((row) => (
          <Table.Tr key={row.id} bg={selection.has(row) ? 'var(--mantine-color-indigo-light)' : undefined}>
            <Table.Td>
              <RowCheckbox row={row} selection={selection} />
            </Table.Td>
            <Table.Td>
              <Text size="sm" fw={600}>
                {row.user.name}
              </Text>
            </Table.Td>
            <Table.Td>
              <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
                {row.user.email}
              </Text>
            </Table.Td>
            <Table.Td>
              <Text size="sm">{formatDate(row.assignedAt)}</Text>
            </Table.Td>
            <Table.Td ta="right">
              <RevokeButton row={row} onRevoke={onRevoke} />
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

function AssigneeCards({ rows, selection, onRevoke }: AssigneeListProps) {
  return (
    <Stack gap="sm">
      <Checkbox
        label="Select all shown"
        checked={pageSelectionState(rows, selection).checked}
        indeterminate={pageSelectionState(rows, selection).indeterminate}
        onChange={(event) => selection.toggle(rows, event.currentTarget.checked)}
      />
      <CardList aria-label="Assignees">
        {rows.map((row) => (
          <Paper component="li" key={row.id} withBorder radius="md" p="sm">
            <Group justify="space-between" align="flex-start" wrap="nowrap" gap="sm">
              <Group align="flex-start" wrap="nowrap" gap="sm" style={{ minWidth: 0 }}>
                <RowCheckbox row={row} selection={selection} />
                <Stack gap={2} style={{ minWidth: 0 }}>
                  <Text size="sm" fw={600}>
                    {row.user.name}
                  </Text>
                  <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
                    {row.user.email}
                  </Text>
                  <Text size="xs" c="dimmed">
                    Assigned {formatDate(row.assignedAt)}
                  </Text>
                </Stack>
              </Group>
              <RevokeButton row={row} onRevoke={onRevoke} />
            </Group>
          </Paper>
        ))}
      </CardList>
    </Stack>
  );
}
