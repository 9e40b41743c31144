import { Stack, Text } from '@mantine/core';
import type { MemberRow } from '@portico/contracts';
import { LoadMoreButton } from '../../../components/LoadMoreButton';
import { LoadError, LoadingStatus } from '../../../components/QueryStatus';
import type { Selection } from '../../../lib/use-selection';
import { type MembersFilter, useMembers } from '../api';
import { MembersCards } from './MembersCards';
import { MembersTable } from './MembersTable';
import { useRowActions } from './use-row-actions';

interface MembersDirectoryProps {
  org: string;
  filter: MembersFilter;
  selection: Selection<MemberRow>;
  /** Opens a member's details. */
  onOpen: (row: MemberRow) => void;
}

/** The list itself: a table on wide screens, cards on phones, 50 rows at a time with Load more. */
export function MembersDirectory({ org, filter, selection, onOpen }: MembersDirectoryProps) {
  const members = useMembers(org, filter);
  const actions = useRowActions(org, onOpen);

  if (members.isPending) return <LoadingStatus label="Loading members…" />;
  if (members.isError) return <LoadError title="The members list could not be loaded" error={members.error} />;
  const rows = members.data.pages.flatMap((page) => page.items);
  const filtered = Boolean(filter.q || filter.status);
  const list = { rows, selection, onOpen, onAction: actions.run };
  return (
    <Stack gap="md">
      {rows.length === 0 ? (
        <Text c="dimmed" role="status">
          {filtered ? 'Nobody matches this search.' : 'Nobody is here yet. Invite your colleagues with Invite Member.'}
        </Text>
      ) : (
        <>
          <MembersTable {...list} />
          <MembersCards {...list} />
        </>
      )}
      <LoadMoreButton query={members} />
      {actions.dialogs}
    </Stack>
  );
}
