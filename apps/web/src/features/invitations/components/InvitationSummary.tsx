import { Blockquote, Stack, Text } from '@mantine/core';
import type { InvitationView } from '@portico/contracts';
import { formatDateTime } from '../../../lib/format';
import { rightsLabel } from '../problems';

/** Who invites whom to what, and what the administrator wrote: the invitee checks this before any step (SPEC §2.4). */
export function InvitationSummary({ invitation }: { invitation: InvitationView }) {
  const { organization, inviter, email, rights, expiresAt, message } = invitation;
  return (
    <Stack gap="sm">
      <Text style={{ overflowWrap: 'anywhere' }}>
        {inviter ? <strong>{inviter.name}</strong> : 'An administrator'} invites you to join{' '}
        <strong>{organization.name}</strong> as <strong>{rightsLabel[rights]}</strong>.
      </Text>
      {message && (
        <Blockquote
          color="gray"
          p="sm"
          cite={`— ${inviter?.name ?? 'Your administrator'}`}
          aria-label={`Message from ${inviter?.name ?? 'your administrator'}`}
          // Plain text as written: its line breaks kept, nothing interpreted as markup.
          style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}
        >
          {message}
        </Blockquote>
      )}
      <Text size="sm" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
        Sent to <strong>{email}</strong>. Valid until {formatDateTime(expiresAt)}.
      </Text>
    </Stack>
  );
}
