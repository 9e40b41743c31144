import { Alert, Loader, Stack, Table, Text, Title } from '@mantine/core';
import type { AuditEvent } from '@portico/contracts';
import { LoadMoreButton } from '../../../components/LoadMoreButton';
import { type AuditSource, useAuditEventItems } from '../api';
import { bulkRows } from '../describe';

/**
 * A bulk event's rows, as recorded: who or what each one was (name over email, serial or code), and what happened to
 * it. Read a page at a time from the server while the dialog is open; a revoke of 10,000 invitations never loads at
 * once.
 */
export function BulkRows({ source, event }: { source: AuditSource; event: AuditEvent }) {
  const rows = useAuditEventItems(source, event.id);
  const label = `Rows: ${bulkRows(event.action, event.itemCount ?? 0)}`;
  if (rows.isPending) return <Loader size="sm" aria-label="Loading the rows" />;
  if (rows.isError) {
    return (
      <Alert role="alert" color="red" variant="light">
        {rows.error.message}
      </Alert>
    );
  }
  const items = rows.data.pages.flatMap((page) => page.items);
  return (
    <Stack gap={4}>
      <Title order={3} size="h5">
        Rows
      </Title>
      <Text size="sm" c="dimmed" role="status">
        {items.length < (event.itemCount ?? 0)
          ? `Showing ${items.length.toLocaleString()} of ${bulkRows(event.action, event.itemCount ?? 0)}`
          : bulkRows(event.action, items.length)}
      </Text>
      <Table layout="fixed" verticalSpacing="xs" aria-label={label}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">Who or what</Table.Th>
            <Table.Th scope="col" w="36%">
              Outcome
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((item) => (
            <Table.Tr key={item.position}>
              <Table.Td>
                <Stack gap={0}>
                  <Text size="sm" fw={500} style={{ overflowWrap: 'break-word' }}>
                    {item.target.name ?? item.target.detail ?? item.target.id ?? '—'}
                  </Text>
                  {item.target.name && item.target.detail && (
                    <Text size="xs" c="dimmed" style={{ overflowWrap: 'break-word' }}>
                      {item.target.detail}
                    </Text>
                  )}
                </Stack>
              </Table.Td>
              <Table.Td>
                <Text size="sm" style={{ overflowWrap: 'break-word' }}>
                  {item.outcome}
                </Text>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <LoadMoreButton query={rows} />
    </Stack>
  );
}
