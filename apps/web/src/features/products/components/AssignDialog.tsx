import { Alert, Button, Group, Modal, MultiSelect, Stack, Text } from '@mantine/core';
import { useDebouncedValue, useMediaQuery } from '@mantine/hooks';
import type { Asset, MemberRow } from '@portico/contracts';
import { useRef, useState } from 'react';
import { FormAlert } from '../../../components/FormAlert';
import { ProgressStatus } from '../../../components/ProgressStatus';
import { useAssign } from '../../../lib/assignments';
import { assignResults, type BulkResults, personLabel } from '../../../lib/results';
import { useMemberChoices } from '../api';

const number = new Intl.NumberFormat();

interface AssignDialogProps {
  org: string;
  asset: Asset;
  opened: boolean;
  /** With the per-member results once sent; with null when closed without sending. */
  onClose: (results: BulkResults | null) => void;
}

/** A member as an option: those who hold the product already are shown, but cannot be picked again. */
function optionOf(row: MemberRow, code: string) {
  const holds = row.products.some((p) => p.code === code);
  return { value: row.id, label: `${personLabel(row)}${holds ? ' — already assigned' : ''}`, disabled: holds };
}

/**
 * Assign (SPEC §2.5): pick one or several members, searched on the server by name or email as one types, and give
 * each a seat of this asset. The answer says per member whether they got one and why not.
 */
export function AssignDialog({ org, asset, opened, onClose }: AssignDialogProps) {
  const phone = useMediaQuery('(max-width: 36em)');
  const [picked, setPicked] = useState<MemberRow[]>([]);
  const [progress, setProgress] = useState<{ done: number; total: number } | null>(null);
  const assign = useAssign(org);

  const close = (results: BulkResults | null) => {
    if (assign.isPending) return; // Sent batches cannot be called back; the dialog stays until they finish.
    assign.reset();
    setPicked([]);
    setProgress(null);
    onClose(results);
  };
  const submit = () => {
    const people = new Map(picked.map((row) => [row.id, row]));
    assign.mutate(
      {
        target: { asset: asset.id },
        users: picked.map((row) => row.id),
        onProgress: (done, total) => setProgress({ done, total }),
      },
      { onSuccess: (outcomes) => close(assignResults(outcomes, people, asset.product.name)) },
    );
  };

  const over = picked.length - asset.seatsAvailable;
  return (
    <Modal
      opened={opened}
      onClose={() => close(null)}
      title={`Assign ${asset.product.name}`}
      size="lg"
      fullScreen={phone}
    >
      <Stack>
        <Text size="sm">
          Serial number{' '}
          <Text span ff="monospace" size="sm">
            {asset.serialDisplay}
          </Text>{' '}
          · {number.format(asset.seatsAvailable)} of {number.format(asset.seats)} seats available. Each member gets an
          email.
        </Text>
        <MemberPicker org={org} code={asset.product.code} enabled={opened} picked={picked} onChange={setPicked} />
        {over > 0 && (
          <Alert color="yellow" variant="light">
            {number.format(picked.length)} members picked and {number.format(asset.seatsAvailable)} seats available: the
            first {number.format(asset.seatsAvailable)} get a seat, the others are answered “no seat available”.
          </Alert>
        )}
        {progress && assign.isPending && (
          <ProgressStatus label="Assigned" done={progress.done} total={progress.total} />
        )}
        <FormAlert error={assign.error} />
        <Group justify="flex-end">
          <Button variant="default" onClick={() => close(null)} disabled={assign.isPending}>
            Cancel
          </Button>
          <Button onClick={submit} loading={assign.isPending} disabled={picked.length === 0}>
            {picked.length > 1 ? `Assign to ${number.format(picked.length)} members` : 'Assign'}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

interface MemberPickerProps {
  org: string;
  /** The product's code: members who hold it already cannot be picked. */
  code: string;
  enabled: boolean;
  picked: MemberRow[];
  onChange: (picked: MemberRow[]) => void;
}

/** A searchable multi-select of the organization's members; the server searches, a moment after the last key. */
function MemberPicker({ org, code, enabled, picked, onChange }: MemberPickerProps) {
  const [search, setSearch] = useState('');
  const [query] = useDebouncedValue(search.trim(), 250);
  const choices = useMemberChoices(org, query, enabled);
  // Closed after each pick, so it never hides the dialog's buttons; typing the next name opens it again.
  const [open, setOpen] = useState(false);
  const searching = choices.isFetching || query !== search.trim();
  // Every member offered so far, so a pick can be named after the search that found it has changed.
  const seen = useRef(new Map<string, MemberRow>());
  for (const row of choices.data ?? []) seen.current.set(row.id, row);
  const rows = new Map([...picked, ...(choices.data ?? [])].map((row) => [row.id, row]));
  return (
    <MultiSelect
      label="Members"
      description="Search by name or email, then pick one or several."
      placeholder={picked.length ? undefined : 'Type a name or an address'}
      searchable
      searchValue={search}
      onSearchChange={setSearch}
      data={[...rows.values()].map((row) => optionOf(row, code))}
      value={picked.map((row) => row.id)}
      onChange={(ids) => {
        setOpen(false);
        onChange(ids.flatMap((id) => rows.get(id) ?? seen.current.get(id) ?? []));
      }}
      dropdownOpened={open}
      onDropdownOpen={() => setOpen(true)}
      onDropdownClose={() => setOpen(false)}
      // The server has searched already; the list shows its answer as it is.
      filter={({ options }) => options}
      nothingFoundMessage={searching ? 'Searching…' : 'No member matches'}
      hidePickedOptions
      clearable
      maxDropdownHeight={260}
      data-autofocus
    />
  );
}
