import { Stack, Text } from '@mantine/core';
import type { InvitationView } from '@portico/contracts';
import type { z } from 'zod';
import { formatDateTime } from '../../../lib/format';
import { rightsLabel } from '../problems';

/** Who invites whom to what: the invitee checks this before taking any step (SPEC §2.4). */
export function InvitationSummary({ invitation }: { invitation: z.infer<typeof InvitationView> }) {
  const { organization, inviter, email, rights, expiresAt } = invitation;
  return (
    <Stack gap="sm">
      <Text style={{ overflowWrap: 'anywhere' }}>
        {inviter ? <strong>{inviter.name}</strong> : 'An administrator'} invites you to join{' '}
        <strong>{organization.name}</strong> as <strong>{rightsLabel[rights]}</strong>.
      </Text>
      <Text size="sm" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
        Sent to <strong>{email}</strong>. Valid until {formatDateTime(expiresAt)}.
      </Text>
    </Stack>
  );
}
