import { Button, Group, Stack, Text, TextInput } from '@mantine/core';
import { useDebouncedCallback } from '@mantine/hooks';
import type { Asset, Assignment } from '@portico/contracts';
import { getRouteApi } from '@tanstack/react-router';
import { useId, useState } from 'react';
import { LoadMoreButton } from '../../../components/LoadMoreButton';
import { heldOfflineText } from '../../../components/licensing/licensing-format';
import { LoadError, LoadingStatus } from '../../../components/QueryStatus';
import { ResultsPanel } from '../../../components/ResultsPanel';
import { Section } from '../../../components/Section';
import { SelectionBar } from '../../../components/SelectionBar';
import { useAssignments } from '../../../lib/assignments';
import type { BulkResults } from '../../../lib/results';
import { useSelection } from '../../../lib/use-selection';
import { AssignDialog } from './AssignDialog';
import { AssigneeList } from './AssigneeList';
import { useRevocation } from './use-revocation';

const route = getRouteApi('/orgs/$org/products/$asset');
const keyOf = (a: Assignment) => a.id;
const number = new Intl.NumberFormat();

/** Why no one can be assigned this license now, or null (SPEC §2.5: seats are never oversold). */
export function assignRefusal(asset: Asset): string | null {
  if (asset.status !== 'active') return `This license is ${asset.status}: it cannot be assigned.`;
  if (asset.seatsAvailable <= 0 && asset.seatsHeldOffline > 0) return `No seat is free: ${heldOfflineText(asset)}.`;
  if (asset.seatsAvailable <= 0) return `All ${number.format(asset.seats)} seats are assigned: revoke one first.`;
  return null;
}

/** The members an asset is assigned to: searched, paged, assigned to more, revoked one by one or by selection. */
export function Assignees({ org, asset }: { org: string; asset: Asset }) {
  const { q } = route.useSearch();
  const list = useAssignments(org, { asset: asset.id, q });
  const selection = useSelection(keyOf);
  const [assigning, setAssigning] = useState(false);
  const [results, setResults] = useState<BulkResults | null>(null);
  const revocation = useRevocation(org, asset.product, (revoked, answer) => {
    selection.toggle(revoked, false);
    if (answer) setResults(answer);
  });
  const rows = list.data?.pages.flatMap((page) => page.items) ?? [];

  return (
    <Section
      id="assignees"
      title="Assigned to"
      description="The members who hold a seat of this license, newest first."
      actions={<AssignButton asset={asset} onClick={() => setAssigning(true)} />}
    >
      {results && (
        <ResultsPanel
          title={results.title}
          results={results.items}
          listLabel="Results per member"
          closeLabel="Dismiss the results"
          onClose={() => setResults(null)}
        />
      )}
      <AssigneeSearch onSearch={selection.clear} />
      {selection.size > 0 && (
        <SelectionBar count={selection.size} noun="assignment" onClear={selection.clear}>
          <Button size="xs" color="red" onClick={() => revocation.ask(selection.items())}>
            Revoke selected
          </Button>
        </SelectionBar>
      )}
      {list.isPending ? (
        <LoadingStatus label="Loading assignees…" />
      ) : list.isError ? (
        <LoadError title="The assignees could not be loaded" error={list.error} />
      ) : rows.length === 0 ? (
        <Text size="sm" c="dimmed" role="status">
          {q ? 'Nobody assigned matches this search.' : 'Not assigned to anyone yet. Assign it to members with Assign.'}
        </Text>
      ) : (
        <AssigneeList rows={rows} selection={selection} onRevoke={(a) => revocation.ask([a])} />
      )}
      <LoadMoreButton query={list} />
      <AssignDialog
        org={org}
        asset={asset}
        opened={assigning}
        onClose={(answer) => {
          setAssigning(false);
          if (answer) setResults(answer);
        }}
      />
      {revocation.dialog}
    </Section>
  );
}

function AssignButton({ asset, onClick }: { asset: Asset; onClick: () => void }) {
  const reasonId = useId();
  const refusal = assignRefusal(asset);
  return (
    <Stack gap={2} align="flex-end">
      <Button
        onClick={() => !refusal && onClick()}
        data-disabled={refusal ? true : undefined}
        aria-disabled={refusal ? true : undefined}
        aria-describedby={refusal ? reasonId : undefined}
      >
        Assign
      </Button>
      {refusal && (
        <Text id={reasonId} size="xs" c="dimmed" ta="right" maw={260}>
          {refusal}
        </Text>
      )}
    </Stack>
  );
}

/** Search by the assignee's name or email, a moment after the last key; kept in the address. */
function AssigneeSearch({ onSearch }: { onSearch: () => void }) {
  const { q } = route.useSearch();
  const navigate = route.useNavigate();
  const [text, setText] = useState(q ?? '');
  // A selection is of what the list shows: a new search starts a new one.
  const search = useDebouncedCallback((value: string) => {
    onSearch();
    navigate({ search: { q: value.trim() || undefined }, replace: true, resetScroll: false });
  }, 300);
  return (
    <Group role="search" aria-label="Assignees">
      <TextInput
        label="Search assignees"
        placeholder="Name or email"
        type="search"
        value={text}
        onChange={(event) => {
          setText(event.currentTarget.value);
          search(event.currentTarget.value);
        }}
        style={{ flex: '1 1 16rem' }}
        maw={480}
      />
    </Group>
  );
}
