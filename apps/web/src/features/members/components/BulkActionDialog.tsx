import { Button, Group, Modal, Stack, Text } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { useRef, useState } from 'react';
import { FormAlert } from '../../../components/FormAlert';
import { ResultsPanel } from '../../../components/ResultsPanel';
import type { BulkResults } from '../../../lib/results';
import { useBulkAction } from '../api';
import { applicableCount } from '../bulk-availability';
import { ACTION_COPY, bulkResults, confirmLabel, type ServerAction, toneSummary } from '../bulk-results';
import { type MemberSelection, selectedCount, toBulkSelection } from '../selection';
import { RemoveLicensesChoice, revokesLicenses } from './RemoveLicensesChoice';

const number = new Intl.NumberFormat();

interface BulkActionDialogProps {
  org: string;
  /** The action asked for; null when closed. */
  action: ServerAction | null;
  /** The selection as it was when the action was chosen. */
  selection: MemberSelection;
  self: string | null;
  /** `true` once the action was applied (the selection is spent), `false` when cancelled. */
  onClose: (applied: boolean) => void;
}

/**
 * Resend, Revoke invitation, Change to Admin / Member and Remove member for a whole selection: says how many rows
 * and what happens, is confirmed once, sends ONE request (the server applies it to the ids, or to every row the
 * filter matches), then shows what became of each row, as the invitation results do.
 */
export function BulkActionDialog({ org, action: asked, selection, self, onClose }: BulkActionDialogProps) {
  // The dialog keeps its content while it fades out, and stays mounted so the focus goes back to its opener.
  const last = useRef<ServerAction>('revoke');
  if (asked) last.current = asked;
  const action = asked ?? last.current;
  const phone = useMediaQuery('(max-width: 36em)');
  const bulk = useBulkAction(org);
  const [results, setResults] = useState<BulkResults | null>(null);
  const [revokeTicked, setRevokeTicked] = useState(false);

  const close = () => {
    if (bulk.isPending) return; // The request is on its way: its answer is worth waiting for.
    const applied = results !== null;
    bulk.reset();
    setResults(null);
    setRevokeTicked(false);
    onClose(applied);
  };
  const revokeLicenses = action === 'remove' && revokesLicenses(selection, revokeTicked);
  const count = { applicable: applicableCount(action, selection, self), selected: selectedCount(selection) };
  const label = `${confirmLabel(action, count)}${revokeLicenses && selection.mode === 'rows' ? ' and revoke licenses' : ''}`;
  const confirm = () =>
    bulk.mutate(
      action === 'remove'
        ? { action, selection: toBulkSelection(selection), revokeLicenses }
        : { action, selection: toBulkSelection(selection) },
      { onSuccess: (answer) => setResults(bulkResults(action, answer)) },
    );

  return (
    <Modal opened={asked !== null} onClose={close} title={confirmLabel(action, count)} fullScreen={phone} size="lg">
      {results ? (
        <Stack>
          <ResultsPanel
            title={results.title}
            results={results.items}
            summary={toneSummary(results.items)}
            listLabel="Results per row"
            listMaxHeight="min(24rem, 45vh)"
          />
          <Group justify="flex-end">
            <Button onClick={close} data-autofocus>
              Close
            </Button>
          </Group>
        </Stack>
      ) : (
        <Stack>
          <Text size="sm">
            {selection.mode === 'matching'
              ? `${number.format(count.selected)} rows selected: every row that matches the search and filters, also those not shown yet.`
              : `${number.format(count.selected)} ${count.selected === 1 ? 'row' : 'rows'} selected.`}{' '}
            {ACTION_COPY[action].explain}
            {/* Said only when some selected rows are not of the kind the action is for (or may not be). */}
            {(count.applicable === null || count.applicable < count.selected) && ` ${ACTION_COPY[action].others}`}
          </Text>
          {action === 'remove' && (
            <RemoveLicensesChoice selection={selection} revokeLicenses={revokeTicked} onChange={setRevokeTicked} />
          )}
          <FormAlert error={bulk.error} />
          <Group justify="flex-end">
            <Button variant="default" onClick={close} disabled={bulk.isPending} data-autofocus>
              Cancel
            </Button>
            <Button color={ACTION_COPY[action].danger ? 'red' : undefined} loading={bulk.isPending} onClick={confirm}>
              {label}
            </Button>
          </Group>
        </Stack>
      )}
    </Modal>
  );
}
