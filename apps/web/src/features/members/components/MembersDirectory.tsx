import { Alert, Box, Group, Loader, Paper, Stack, Table, Text, VisuallyHidden } from '@mantine/core';
import type { MemberRow } from '@portico/contracts';
import { CardList } from '../../../components/CardList';
import { LoadMoreButton } from '../../../components/LoadMoreButton';
import { formatDate, formatRelative } from '../../../lib/format';
import { type MembersFilter, useMembers } from '../api';
import { RowActions } from './RowActions';
import { UserRightsBadge } from './UserRightsBadge';
import { useRowActions } from './use-row-actions';

/** "Joined 3 Nov 2026" or "Invited 3 Nov 2026 · expires 10 Nov 2026". */
function since(row: MemberRow): string {
  if (row.kind === 'member') return `Joined ${formatDate(row.since)}`;
  const expiry = row.expiresAt
    ? ` · ${row.userRights === 'PENDING' ? 'expires' : 'expired'} ${formatDate(row.expiresAt)}`
    : '';
  return `Invited ${formatDate(row.since)}${expiry}`;
}

function lastSignIn(row: MemberRow): string {
  if (row.kind === 'invitation') return '—';
  return row.lastSignInAt ? formatRelative(row.lastSignInAt) : 'Never';
}

/** The list itself: a table on wide screens, cards on phones, 50 rows at a time with Load more. */
export function MembersDirectory({ org, filter }: { org: string; filter: MembersFilter }) {
  const members = useMembers(org, filter);
  const actions = useRowActions(org);

  if (members.isPending) {
    return (
      <Group role="status" gap="sm" justify="center" py="xl">
        <Loader size="sm" />
        <Text>Loading members…</Text>
      </Group>
    );
  }
  if (members.isError) {
    return (
      <Alert role="alert" color="red" variant="light" title="The members list could not be loaded">
        {members.error.message}
      </Alert>
    );
  }
  const rows = members.data.pages.flatMap((page) => page.items);
  const filtered = Boolean(filter.q || filter.status);
  return (
    <Stack gap="md">
      {rows.length === 0 ? (
        <Text c="dimmed" role="status">
          {filtered ? 'Nobody matches this search.' : 'Nobody is here yet. Invite your colleagues with Invite Member.'}
        </Text>
      ) : (
        <>
          <MembersTable rows={rows} actions={actions} />
          <MembersCards rows={rows} actions={actions} />
        </>
      )}
      <LoadMoreButton query={members} />
      {actions.dialogs}
    </Stack>
  );
}

type Actions = ReturnType<typeof useRowActions>;

/** An invitation has no name until someone accepts it with an account. */
function NameCell({ row }: { row: MemberRow }) {
  return row.name ? (
    <Text size="sm" fw={600} style={{ overflowWrap: 'anywhere' }}>
      {row.name}
    </Text>
  ) : (
    <Text size="sm" c="dimmed">
      <span aria-hidden="true">—</span>
      <VisuallyHidden>Invitation, no name yet</VisuallyHidden>
    </Text>
  );
}

function MembersTable({ rows, actions }: { rows: MemberRow[]; actions: Actions }) {
  return (
    <Box visibleFrom="sm">
      <Table verticalSpacing="sm" highlightOnHover aria-label="Members and invitations">
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">Name</Table.Th>
            <Table.Th scope="col">Email</Table.Th>
            <Table.Th scope="col">User Rights</Table.Th>
            <Table.Th scope="col">Invited / joined</Table.Th>
            <Table.Th scope="col">Last sign-in</Table.Th>
            <Table.Th scope="col">
              <VisuallyHidden>Actions</VisuallyHidden>
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((row) => (
            <Table.Tr key={`${row.kind}-${row.id}`}>
              <Table.Td>
                <NameCell row={row} />
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
                <Text size="sm">{since(row)}</Text>
              </Table.Td>
              <Table.Td>
                <Text size="sm">{lastSignIn(row)}</Text>
              </Table.Td>
              <Table.Td ta="right">
                <RowActions row={row} onAction={actions.run} />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Box>
  );
}

function MembersCards({ rows, actions }: { rows: MemberRow[]; actions: Actions }) {
  return (
    <CardList hiddenFrom="sm" aria-label="Members and invitations">
      {rows.map((row) => (
        <Paper component="li" key={`${row.kind}-${row.id}`} withBorder radius="md" p="sm">
          <Group justify="space-between" align="flex-start" wrap="nowrap">
            <Stack gap={4} style={{ minWidth: 0 }}>
              <NameCell row={row} />
              <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
                {row.email}
              </Text>
              <Group gap="xs">
                <UserRightsBadge rights={row.userRights} />
              </Group>
              <Text size="xs" c="dimmed">
                {since(row)}
                {row.kind === 'member' && ` · last sign-in ${lastSignIn(row).toLowerCase()}`}
              </Text>
            </Stack>
            <RowActions row={row} onAction={actions.run} />
          </Group>
        </Paper>
      ))}
    </CardList>
  );
}
