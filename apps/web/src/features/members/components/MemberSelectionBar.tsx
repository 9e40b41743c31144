import { Button, Group, Loader, Text } from '@mantine/core';
import type { MemberRow } from '@portico/contracts';
import { useMutation } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { SelectionBar } from '../../../components/SelectionBar';
import type { BulkResults } from '../../../lib/results';
import type { Selection } from '../../../lib/use-selection';
import { fetchMatchingMembers, MATCHING_MAX, type MembersFilter, useMembers } from '../api';
import { BulkProductDialog } from './BulkProductDialog';
import { BulkRemoveDialog } from './BulkRemoveDialog';

const number = new Intl.NumberFormat();

interface MemberSelectionBarProps {
  org: string;
  filter: MembersFilter;
  selection: Selection<MemberRow>;
  onResults: (results: BulkResults) => void;
}

/** The selected members and what can be done with them: Assign product, Revoke product, Remove member. */
export function MemberSelectionBar({ org, filter, selection, onResults }: MemberSelectionBarProps) {
  const members = useMembers(org, filter);
  const [dialog, setDialog] = useState<'assign' | 'revoke' | 'remove' | null>(null);
  if (selection.size === 0) return null;

  // The rows as last read, not as they were when ticked: an assignment since then shows in their products.
  const latest = new Map((members.data?.pages ?? []).flatMap((page) => page.items).map((row) => [row.id, row]));
  const selected = selection.items().map((row) => latest.get(row.id) ?? row);
  const finish = (results: BulkResults | null) => {
    setDialog(null);
    if (!results) return;
    selection.clear();
    onResults(results);
  };
  return (
    <>
      <SelectionBar
        count={selection.size}
        noun="member"
        onClear={selection.clear}
        extra={<SelectAllMatching org={org} filter={filter} selection={selection} loaded={[...latest.values()]} />}
      >
        <Button size="xs" onClick={() => setDialog('assign')}>
          Assign product
        </Button>
        <Button size="xs" variant="default" onClick={() => setDialog('revoke')}>
          Revoke product
        </Button>
        <Button size="xs" variant="light" color="red" onClick={() => setDialog('remove')}>
          Remove member
        </Button>
      </SelectionBar>
      <BulkProductDialog
        org={org}
        action={dialog === 'assign' || dialog === 'revoke' ? dialog : null}
        members={selected}
        onClose={finish}
      />
      <BulkRemoveDialog org={org} opened={dialog === 'remove'} members={selected} onClose={finish} />
    </>
  );
}

interface SelectAllMatchingProps {
  org: string;
  filter: MembersFilter;
  selection: Selection<MemberRow>;
  /** The rows read so far. */
  loaded: MemberRow[];
}

/**
 * "Select all matching": once every member shown is ticked and more pages match, reads all of them (up to
 * MATCHING_MAX, 200 a page) and selects them. The API gives no count, so the number is known once read.
 */
function SelectAllMatching({ org, filter, selection, loaded }: SelectAllMatchingProps) {
  const members = useMembers(org, filter);
  const [collected, setCollected] = useState(0);
  const [matching, setMatching] = useState<{ count: number; complete: boolean } | null>(null);
  // Clearing the selection while its members are still being read unmounts this: stop reading, select nothing.
  const reading = useRef<AbortController | null>(null);
  useEffect(() => () => reading.current?.abort(), []);
  const collect = useMutation({
    mutationFn: () => {
      reading.current = new AbortController();
      return fetchMatchingMembers(org, filter, setCollected, reading.current.signal);
    },
    onSuccess: ({ items, complete }) => {
      selection.replace(items);
      setMatching({ count: items.length, complete });
    },
  });
  const shown = loaded.filter((row) => row.kind === 'member');
  const allShown = shown.length > 0 && shown.every((row) => selection.has(row));
  const what = filter.q || filter.status ? 'matching members' : 'members';

  if (collect.isPending)
    return (
      <Group gap="xs" role="status">
        <Loader size="xs" />
        <Text size="sm">
          Selecting all {what}… {number.format(collected)} so far
        </Text>
      </Group>
    );
  if (collect.isError)
    return (
      <Text size="sm" c="red.8" role="alert">
        Could not select them all: {collect.error.message}
      </Text>
    );
  if (matching && selection.size === matching.count)
    return (
      <Text size="sm">
        All {number.format(matching.count)} {what} are selected
        {matching.complete ? '.' : ` (the first ${number.format(MATCHING_MAX)}: one selection holds no more).`}
      </Text>
    );
  if (!allShown || !members.hasNextPage) return null;
  return (
    <Button variant="subtle" size="compact-sm" px={0} onClick={() => collect.mutate()}>
      Select all {what}
    </Button>
  );
}
