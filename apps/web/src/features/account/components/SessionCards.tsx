import { Badge, Box, Group, Paper, Stack, Text } from '@mantine/core';
import type { Session } from '@portico/contracts';
import { CardList } from '../../../components/CardList';
import { formatDateTime, formatRelative } from '../../../lib/format';
import { describeUserAgent } from '../user-agent';
import { SignOutSessionButton } from './SignOutSessionButton';

export function SessionCards({ sessions }: { sessions: Session[] }) {
  return (
    <CardList>
      {sessions.map((session) => {
        const device = describeUserAgent(session.userAgent);
        return (
          <Paper component="li" key={session.id} withBorder radius="md" p="sm">
            <Group justify="space-between" align="flex-start" wrap="nowrap" gap="xs">
              <Stack gap={2}>
                <Group gap="xs">
                  <Text size="sm" fw={600}>
                    {device}
                  </Text>
                  {session.current && (
                    <Badge variant="light" size="sm">
                      This device
                    </Badge>
                  )}
                </Group>
                <Text size="xs" c="dimmed">
                  IP address {session.ipAddress ?? 'unknown'}
                </Text>
                <Text size="xs" c="dimmed">
                  Signed in {formatDateTime(session.createdAt)}
                </Text>
                <Text size="xs" c="dimmed">
                  Last active {session.current ? 'now' : formatRelative(session.lastActiveAt)}
                </Text>
              </Stack>
              {!session.current && (
                <Box style={{ flexShrink: 0 }}>
                  <SignOutSessionButton session={session} device={device} />
                </Box>
              )}
            </Group>
          </Paper>
        );
      })}
    </CardList>
  );
}
