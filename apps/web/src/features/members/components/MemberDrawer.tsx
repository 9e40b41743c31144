import { Button, Drawer, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import type { Assignment, MemberRow } from '@portico/contracts';
import { useState } from 'react';
import { CardList } from '../../../components/CardList';
import { ConfirmModal } from '../../../components/ConfirmModal';
import { LoadMoreButton } from '../../../components/LoadMoreButton';
import { AnchorLink } from '../../../components/links';
import { LoadError, LoadingStatus } from '../../../components/QueryStatus';
import { ResultsPanel } from '../../../components/ResultsPanel';
import { useAssignments, useRevokeAssignment } from '../../../lib/assignments';
import { formatDate } from '../../../lib/format';
import type { BulkResults } from '../../../lib/results';
import { BulkProductDialog } from './BulkProductDialog';
import { lastSignIn, since } from './member-cells';
import { UserRightsBadge } from './UserRightsBadge';

interface MemberDrawerProps {
  org: string;
  /** The member whose details are open; null when closed. */
  member: MemberRow | null;
  onClose: () => void;
}

/** A member's details from the Members list: who they are, and the products they hold, each with Revoke. */
export function MemberDrawer({ org, member, onClose }: MemberDrawerProps) {
  return (
    <Drawer
      opened={member !== null}
      onClose={onClose}
      position="right"
      size="md"
      title={member?.name ?? member?.email}
      closeButtonProps={{ 'aria-label': 'Close the details' }}
    >
      {member && <MemberDetails key={member.id} org={org} member={member} />}
    </Drawer>
  );
}

function MemberDetails({ org, member }: { org: string; member: MemberRow }) {
  const [assigning, setAssigning] = useState(false);
  const [results, setResults] = useState<BulkResults | null>(null);
  return (
    <Stack gap="lg">
      <Stack gap={4}>
        <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
          {member.email}
        </Text>
        <Group gap="xs">
          <UserRightsBadge rights={member.userRights} />
        </Group>
        <Text size="xs" c="dimmed">
          {since(member)} · last sign-in {lastSignIn(member).toLowerCase()}
        </Text>
      </Stack>
      <Stack gap="sm" component="section" aria-labelledby="member-products">
        <Group justify="space-between" align="center">
          <Title order={2} size="h4" id="member-products">
            Products
          </Title>
          <Button size="xs" onClick={() => setAssigning(true)}>
            Assign product
          </Button>
        </Group>
        {results && (
          <ResultsPanel
            title={results.title}
            results={results.items}
            listLabel="Result"
            closeLabel="Dismiss the result"
            onClose={() => setResults(null)}
          />
        )}
        <HeldProducts org={org} member={member} />
        <AnchorLink to="/orgs/$org/activations" params={{ org }} search={{ user: member.id }} size="sm">
          Devices using their licenses (activations)
        </AnchorLink>
      </Stack>
      <BulkProductDialog
        org={org}
        action={assigning ? 'assign' : null}
        members={[member]}
        onClose={(answer) => {
          setAssigning(false);
          if (answer) setResults(answer);
        }}
      />
    </Stack>
  );
}

function HeldProducts({ org, member }: { org: string; member: MemberRow }) {
  const held = useAssignments(org, { user: member.id });
  const revoke = useRevokeAssignment(org);
  const [revoking, setRevoking] = useState<Assignment | null>(null);
  if (held.isPending) return <LoadingStatus label="Loading the products…" />;
  if (held.isError) return <LoadError title="The products could not be loaded" error={held.error} />;
  const items = held.data.pages.flatMap((page) => page.items);
  const confirm = (assignment: Assignment) =>
    revoke.mutate(assignment.id, {
      onSuccess: () => {
        setRevoking(null);
        notifications.show({
          color: 'teal',
          title: 'Revoked',
          message: `${member.name ?? member.email} no longer holds ${assignment.product.name}.`,
        });
      },
    });
  return (
    <>
      {items.length === 0 ? (
        <Text size="sm" c="dimmed">
          No products assigned.
        </Text>
      ) : (
        <CardList aria-label="Products held">
          {items.map((assignment) => (
            <HeldProduct key={assignment.id} assignment={assignment} onRevoke={setRevoking} />
          ))}
        </CardList>
      )}
      <LoadMoreButton query={held} />
      <ConfirmModal
        opened={revoking !== null}
        title="Revoke assignment"
        confirmLabel="Revoke assignment"
        pending={revoke.isPending}
        error={revoke.error}
        onConfirm={() => revoking && confirm(revoking)}
        onCancel={() => {
          revoke.reset();
          setRevoking(null);
        }}
      >
        {revoking && (
          <Text size="sm">
            {member.name ?? member.email} loses {revoking.product.name}. A copy in use stops at its next check with the
            server, and the seat is free for someone else. They get an email saying so.
          </Text>
        )}
      </ConfirmModal>
    </>
  );
}

function HeldProduct({ assignment, onRevoke }: { assignment: Assignment; onRevoke: (a: Assignment) => void }) {
  return (
    <Paper component="li" withBorder radius="md" p="sm">
      <Group justify="space-between" align="flex-start" wrap="nowrap" gap="sm">
        <Stack gap={2} style={{ minWidth: 0 }}>
          <Text size="sm" fw={600}>
            {assignment.product.name}
          </Text>
          <Text size="xs" c="dimmed">
            {assignment.product.code} · assigned {formatDate(assignment.assignedAt)}
          </Text>
          <Text size="xs" ff="monospace" style={{ overflowWrap: 'anywhere' }}>
            {assignment.asset.serialDisplay}
          </Text>
        </Stack>
        <Button
          size="xs"
          variant="light"
          color="red"
          onClick={() => onRevoke(assignment)}
          aria-label={`Revoke ${assignment.product.name}`}
          style={{ flexShrink: 0 }}
        >
          Revoke
        </Button>
      </Group>
    </Paper>
  );
}
