import { Button, Modal, Stack, Table, Text } from '@mantine/core';
import { useDisclosure, useMediaQuery } from '@mantine/hooks';
import type { AuditEvent } from '@portico/contracts';
import { formatDateTime } from '../../../lib/format';
import { actionLabel, changeRows, formatValue } from '../describe';

function Value({ value }: { value: unknown }) {
  return (
    <Text
      size="sm"
      ff={typeof value === 'string' || value === undefined ? undefined : 'monospace'}
      c={value === undefined ? 'dimmed' : undefined}
      style={{ whiteSpace: 'pre-wrap', overflowWrap: 'break-word' }}
    >
      {formatValue(value)}
    </Text>
  );
}

function ChangesTable({ event }: { event: AuditEvent }) {
  return (
    <Table layout="fixed" verticalSpacing="xs" aria-label="Before and after">
      <Table.Thead>
        <Table.Tr>
          <Table.Th scope="col" w="28%">
            Field
          </Table.Th>
          <Table.Th scope="col">Before</Table.Th>
          <Table.Th scope="col">After</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {changeRows(event).map((row) => (
          <Table.Tr key={row.field}>
            <Table.Th scope="row" fw={500} style={{ overflowWrap: 'break-word' }}>
              {row.field}
            </Table.Th>
            <Table.Td>
              <Value value={row.before} />
            </Table.Td>
            <Table.Td>
              <Value value={row.after} />
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

/**
 * "View changes": the state before and after, in a dialog (focus moves in and back, Escape closes it), full-screen on
 * a phone where a three-column table needs the whole width. Events that recorded no state have no button.
 */
export function ChangesButton({ event }: { event: AuditEvent }) {
  const [opened, dialog] = useDisclosure(false);
  const phone = useMediaQuery('(max-width: 36em)');
  if (!event.before && !event.after) {
    return (
      <Text size="sm" c="dimmed" aria-label="No recorded changes">
        —
      </Text>
    );
  }
  const label = actionLabel(event.action);
  const when = formatDateTime(event.occurredAt);
  return (
    <>
      <Button variant="subtle" size="compact-sm" onClick={dialog.open} aria-label={`View changes: ${label}, ${when}`}>
        View changes
      </Button>
      <Modal opened={opened} onClose={dialog.close} title={label} fullScreen={phone} size="lg">
        <Stack gap="sm">
          <Text size="sm" c="dimmed">
            {when}
            {event.actor ? ` · ${event.actor.name ?? event.actor.id}` : ' · System'}
          </Text>
          <ChangesTable event={event} />
        </Stack>
      </Modal>
    </>
  );
}
