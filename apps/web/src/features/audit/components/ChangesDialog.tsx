import { Button, Modal, Stack, Table, Text, Title } from '@mantine/core';
import { useDisclosure, useMediaQuery } from '@mantine/hooks';
import type { AuditEvent } from '@portico/contracts';
import { formatDateTime } from '../../../lib/format';
import type { AuditSource } from '../api';
import { changeRows, eventSummary, formatField, targetLines } from '../describe';
import { BulkRows } from './BulkRows';

function Value({ field, value }: { field: string; value: unknown }) {
  return (
    <Text
      size="sm"
      ff={typeof value === 'string' || value === undefined ? undefined : 'monospace'}
      c={value === undefined ? 'dimmed' : undefined}
      style={{ whiteSpace: 'pre-wrap', overflowWrap: 'break-word' }}
    >
      {formatField(field, value)}
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
              <Value field={row.field} value={row.before} />
            </Table.Td>
            <Table.Td>
              <Value field={row.field} value={row.after} />
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

/** Who did it and when, and what it was done to, above the details. */
function Context({ event }: { event: AuditEvent }) {
  const who = event.actor
    ? [event.actor.name ?? 'Deleted account', event.actor.email].filter(Boolean).join(' · ')
    : 'System';
  const { primary, secondary } = targetLines(event);
  return (
    <Stack gap={2}>
      <Text size="sm" c="dimmed">
        {formatDateTime(event.occurredAt)} · {who}
      </Text>
      {event.itemCount === null && primary && (
        <Text size="sm" style={{ overflowWrap: 'break-word' }}>
          {[primary, secondary].filter(Boolean).join(' · ')}
        </Text>
      )}
    </Stack>
  );
}

/**
 * "View changes" (before and after) or, for a bulk event, "View rows" (each address, member or license with its
 * outcome), in a dialog: focus moves in and back, Escape closes it, full-screen on a phone. Events that recorded
 * neither have no button.
 */
export function ChangesButton({ event, source }: { event: AuditEvent; source: AuditSource }) {
  const [opened, dialog] = useDisclosure(false);
  const phone = useMediaQuery('(max-width: 36em)');
  const bulk = event.itemCount !== null;
  const changes = Boolean(event.before || event.after);
  if (!bulk && !changes) {
    return (
      <Text size="sm" c="dimmed" aria-label="No recorded changes">
        —
      </Text>
    );
  }
  const label = eventSummary(event);
  const when = formatDateTime(event.occurredAt);
  const open = bulk ? 'View rows' : 'View changes';
  return (
    <>
      <Button variant="subtle" size="compact-sm" onClick={dialog.open} aria-label={`${open}: ${label}, ${when}`}>
        {open}
      </Button>
      <Modal opened={opened} onClose={dialog.close} title={label} fullScreen={phone} size="lg">
        <Stack gap="md">
          <Context event={event} />
          {changes && (
            <Stack gap={4}>
              {bulk && (
                <Title order={3} size="h5">
                  Details
                </Title>
              )}
              <ChangesTable event={event} />
            </Stack>
          )}
          {bulk && <BulkRows source={source} event={event} />}
        </Stack>
      </Modal>
    </>
  );
}
