import { Alert, Box, Button, Group, Loader, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import type { Session } from '@portico/contracts';
import { useSessions, useSignOutOtherSessions } from '../api';
import { SessionCards } from './SessionCards';
import { SessionsTable } from './SessionsTable';

/** The current session first, then the most recently used. */
function ordered(sessions: Session[]): Session[] {
  return [...sessions].sort(
    (a, b) => Number(b.current) - Number(a.current) || b.lastActiveAt.localeCompare(a.lastActiveAt),
  );
}

export function SessionsPanel() {
  const sessions = useSessions();
  const signOutOthers = useSignOutOtherSessions();

  if (sessions.isPending) return <Loader size="sm" aria-label="Loading sessions" />;
  if (sessions.isError) {
    return (
      <Alert role="alert" color="red" variant="light">
        {sessions.error.message}
      </Alert>
    );
  }

  const rows = ordered(sessions.data.sessions);
  const others = rows.filter((session) => !session.current).length;

  const signOutAll = () =>
    signOutOthers.mutate(undefined, {
      onSuccess: ({ revoked }) =>
        notifications.show({
          color: 'teal',
          message: revoked === 1 ? 'Signed out 1 other session.' : `Signed out ${revoked} other sessions.`,
        }),
      onError: (error) => notifications.show({ color: 'red', message: error.message }),
    });

  return (
    <Stack gap="md">
      {/* A table is too wide for a phone; there each session is a small card instead. */}
      <Box visibleFrom="sm">
        <SessionsTable sessions={rows} />
      </Box>
      <Box hiddenFrom="sm">
        <SessionCards sessions={rows} />
      </Box>
      <Group justify="space-between" gap="sm">
        <Text size="sm" c="dimmed">
          {others === 0
            ? 'You are signed in on this device only.'
            : `${others} other ${others === 1 ? 'session' : 'sessions'}.`}
        </Text>
        <Button variant="default" onClick={signOutAll} loading={signOutOthers.isPending} disabled={others === 0}>
          Sign out other sessions
        </Button>
      </Group>
    </Stack>
  );
}
