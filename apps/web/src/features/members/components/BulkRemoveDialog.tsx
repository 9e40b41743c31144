import { Alert, Button, Group, List, Modal, Stack, Text } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import type { MemberRow } from '@portico/contracts';
import { useState } from 'react';
import { FormAlert } from '../../../components/FormAlert';
import { ProgressStatus } from '../../../components/ProgressStatus';
import { useLicensingMutation } from '../../../lib/assignments';
import { type BulkResults, personLabel } from '../../../lib/results';
import { removeMember } from '../api';
import { holdersOf, removeMembers } from '../bulk-actions';

const number = new Intl.NumberFormat();
/** How many license holders the confirmation names one by one; the count covers the rest. */
const LISTED = 20;

interface BulkRemoveDialogProps {
  org: string;
  opened: boolean;
  members: MemberRow[];
  onClose: (results: BulkResults | null) => void;
}

/**
 * Remove member for a selection (SPEC §2.4), confirmed once: the members who hold licenses are listed with them,
 * and only those are removed with their licenses revoked.
 */
export function BulkRemoveDialog({ org, opened, members, onClose }: BulkRemoveDialogProps) {
  const phone = useMediaQuery('(max-width: 36em)');
  const [progress, setProgress] = useState<{ done: number; total: number } | null>(null);
  const remove = useLicensingMutation(org, () =>
    removeMembers(
      members,
      (user, revoke) => removeMember(org, user, revoke),
      (done, total) => setProgress({ done, total }),
    ),
  );
  const holders = holdersOf(members);
  const count = `${number.format(members.length)} ${members.length === 1 ? 'member' : 'members'}`;

  const close = (results: BulkResults | null) => {
    if (remove.isPending) return;
    remove.reset();
    setProgress(null);
    onClose(results);
  };
  return (
    <Modal opened={opened} onClose={() => close(null)} title={`Remove ${count}`} fullScreen={phone} size="lg">
      <Stack>
        <Text size="sm">
          They lose access to this organization at once. Their accounts stay; you can invite them again later.
        </Text>
        {holders.length > 0 && <Holders holders={holders} />}
        {progress && remove.isPending && <ProgressStatus label="Removed" done={progress.done} total={progress.total} />}
        <FormAlert error={remove.error} />
        <Group justify="flex-end">
          <Button variant="default" onClick={() => close(null)} disabled={remove.isPending} data-autofocus>
            Cancel
          </Button>
          <Button color="red" loading={remove.isPending} onClick={() => remove.mutate(undefined, { onSuccess: close })}>
            {holders.length > 0 ? `Remove ${count} and revoke licenses` : `Remove ${count}`}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

function Holders({ holders }: { holders: MemberRow[] }) {
  const title =
    holders.length === 1
      ? '1 of them holds licenses, revoked with the removal'
      : `${number.format(holders.length)} of them hold licenses, revoked with the removal`;
  return (
    <Alert color="yellow" variant="light" title={title}>
      <List size="sm" spacing={2} aria-label="Members holding licenses">
        {holders.slice(0, LISTED).map((member) => (
          <List.Item key={member.id} style={{ overflowWrap: 'anywhere' }}>
            {personLabel(member)}: {member.products.map((p) => p.name).join(', ')}
          </List.Item>
        ))}
        {holders.length > LISTED && <List.Item>…and {number.format(holders.length - LISTED)} more</List.Item>}
      </List>
    </Alert>
  );
}
