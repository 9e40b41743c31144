import { Alert, Checkbox, List } from '@mantine/core';
import type { MemberRow } from '@portico/contracts';
import { personLabel } from '../../../lib/results';
import { holdersOf } from '../bulk-actions';
import type { MemberSelection } from '../selection';

const number = new Intl.NumberFormat();
/** How many license holders the confirmation names one by one; the count covers the rest. */
const LISTED = 20;

interface RemoveLicensesChoiceProps {
  selection: MemberSelection;
  revokeLicenses: boolean;
  onChange: (revokeLicenses: boolean) => void;
}

/**
 * Remove member for a selection (SPEC §2.4): members who hold licenses are removed only with their licenses
 * revoked, and only when the administrator says so here. For ticked rows the holders are known and listed (their
 * removal is what the confirm button says); for "all N matching" they are not, so a checkbox asks — left unticked,
 * holders stay members and are reported as such.
 */
export function RemoveLicensesChoice({ selection, revokeLicenses, onChange }: RemoveLicensesChoiceProps) {
  if (selection.mode === 'rows') {
    const holders = holdersOf([...selection.rows.values()].filter((row) => row.kind === 'member'));
    return holders.length > 0 ? <Holders holders={holders} /> : null;
  }
  return (
    <Checkbox
      label="Also remove members who hold licenses, revoking their licenses"
      description="Unticked, they stay members and the results list them."
      checked={revokeLicenses}
      onChange={(event) => onChange(event.currentTarget.checked)}
    />
  );
}

/** Whether the request revokes licenses: for ticked rows, when holders were listed; else the checkbox. */
export function revokesLicenses(selection: MemberSelection, ticked: boolean): boolean {
  if (selection.mode === 'matching') return ticked;
  return holdersOf([...selection.rows.values()].filter((row) => row.kind === 'member')).length > 0;
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
