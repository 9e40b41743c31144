import { Alert, Group, Loader, Modal, Text, Timeline } from '@mantine/core';
import type { InvitationEvent, MemberRow } from '@portico/contracts';
import { formatDateTime } from '../../../lib/format';
import { useInvitationHistory } from '../api';

const ACTIONS: Record<InvitationEvent, string> = {
  sent: 'Sent',
  resent: 'Resent',
  'link copied': 'Link copied',
  expired: 'Expired',
  're-issued': 'Sent anew (new invitation)',
  revoked: 'Revoked',
  accepted: 'Accepted',
};

interface InvitationHistoryDialogProps {
  org: string;
  row: MemberRow | null;
  onClose: () => void;
}

/** Who did what to one invitation, and when (SPEC §2.4), oldest first. */
export function InvitationHistoryDialog({ org, row, onClose }: InvitationHistoryDialogProps) {
  return (
    <Modal opened={row !== null} onClose={onClose} title={row ? `Invitation history · ${row.email}` : ''}>
      {row && <History org={org} id={row.id} />}
    </Modal>
  );
}

function History({ org, id }: { org: string; id: string }) {
  const history = useInvitationHistory(org, id);
  if (history.isPending)
    return (
      <Group role="status" gap="sm">
        <Loader size="sm" />
        <Text size="sm">Loading the history…</Text>
      </Group>
    );
  if (history.isError)
    return (
      <Alert role="alert" color="red" variant="light">
        {history.error.message}
      </Alert>
    );
  const events = [...history.data.events].sort((a, b) => a.at.localeCompare(b.at));
  return (
    <Timeline bulletSize={12} lineWidth={2} active={events.length - 1} aria-label="Invitation history">
      {events.map((event) => (
        <Timeline.Item
          key={`${event.action}-${event.at}-${event.actor?.email ?? ''}`}
          title={ACTIONS[event.action] ?? event.action}
        >
          <Text size="sm" c="dimmed">
            {formatDateTime(event.at)}
            {event.actor ? ` · by ${event.actor.name} (${event.actor.email})` : ''}
          </Text>
        </Timeline.Item>
      ))}
    </Timeline>
  );
}
