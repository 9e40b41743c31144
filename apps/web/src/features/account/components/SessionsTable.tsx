import { Badge, Group, Table, Text, Tooltip, VisuallyHidden } from '@mantine/core';
import type { Session } from '@portico/contracts';
import { formatDateTime, formatRelative } from '../../../lib/format';
import { describeUserAgent } from '../user-agent';
import { SignOutSessionButton } from './SignOutSessionButton';

export function SessionsTable({ sessions }: { sessions: Session[] }) {
  return (
    <Table verticalSpacing="sm" highlightOnHover>
      <Table.Thead>
        <Table.Tr>
          <Table.Th scope="col">Device</Table.Th>
          <Table.Th scope="col">IP address</Table.Th>
          <Table.Th scope="col">Signed in</Table.Th>
          <Table.Th scope="col">Last active</Table.Th>
          <Table.Th scope="col">
            <VisuallyHidden>Actions</VisuallyHidden>
          </Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {sessions.map((session) => (
          <SessionRow key={session.id} session={session} />
        ))}
      </Table.Tbody>
    </Table>
  );
}

function SessionRow({ session }: { session: Session }) {
  const device = describeUserAgent(session.userAgent);
  return (
    <Table.Tr>
      <Table.Td>
        <Group gap="xs" wrap="nowrap">
          {/* The full user agent on hover only: it helps the curious and would only be noise read aloud. */}
          <Tooltip label={session.userAgent ?? 'The browser did not say'} multiline maw={360} withArrow>
            <Text size="sm" fw={500}>
              {device}
            </Text>
          </Tooltip>
          {session.current && (
            <Badge variant="light" size="sm" style={{ flexShrink: 0 }}>
              This device
            </Badge>
          )}
        </Group>
      </Table.Td>
      <Table.Td>
        <Text size="sm">{session.ipAddress ?? '—'}</Text>
      </Table.Td>
      <Table.Td>
        <Text size="sm">{formatDateTime(session.createdAt)}</Text>
      </Table.Td>
      <Table.Td>
        <Tooltip label={formatDateTime(session.lastActiveAt)} withArrow>
          <Text size="sm">{session.current ? 'Now' : formatRelative(session.lastActiveAt)}</Text>
        </Tooltip>
      </Table.Td>
      <Table.Td ta="right">{!session.current && <SignOutSessionButton session={session} device={device} />}</Table.Td>
    </Table.Tr>
  );
}
