import { Alert, Badge, Group, List, Stack, Text } from '@mantine/core';
import type { InviteOutcome } from '@portico/contracts';
import { type AddressOutcome, countOutcomes } from '../invite-batches';

/** How many addresses of a large upload are listed one by one; the counts above always cover all of them. */
const LISTED = 100;

const number = new Intl.NumberFormat();
const COLORS: Record<InviteOutcome, string> = {
  invited: 'teal',
  'already a member': 'gray',
  'already invited': 'yellow',
  'invalid address': 'red',
};

/**
 * What became of each address after Send Invitations (SPEC §2.4): counts per outcome, then every address that was
 * not invited and why — the ones that need the administrator's attention.
 */
export function InviteResultsPanel({ results, onClose }: { results: AddressOutcome[]; onClose: () => void }) {
  const counts = countOutcomes(results);
  const notInvited = results.filter((r) => r.outcome !== 'invited');
  const allInvited = notInvited.length === 0;
  return (
    <Alert
      role="status"
      color={allInvited ? 'teal' : 'yellow'}
      variant="light"
      title={`${number.format(counts.invited)} of ${number.format(results.length)} ${results.length === 1 ? 'address' : 'addresses'} invited`}
      withCloseButton
      closeButtonLabel="Dismiss the invitation results"
      onClose={onClose}
    >
      <Stack gap="xs">
        <Group gap="xs">
          {Object.entries(counts)
            .filter(([, n]) => n > 0)
            .map(([outcome, n]) => (
              <Badge key={outcome} color={COLORS[outcome as InviteOutcome]} variant="light" tt="none">
                {number.format(n)} {outcome}
              </Badge>
            ))}
        </Group>
        {!allInvited && (
          <List size="sm" spacing={2} aria-label="Addresses not invited">
            {notInvited.slice(0, LISTED).map((r) => (
              <List.Item key={r.email} style={{ overflowWrap: 'anywhere' }}>
                {r.email} — {r.outcome}
              </List.Item>
            ))}
          </List>
        )}
        {notInvited.length > LISTED && (
          <Text size="sm">…and {number.format(notInvited.length - LISTED)} more addresses that were not invited.</Text>
        )}
      </Stack>
    </Alert>
  );
}
