import { Button, type ButtonProps, Group, Loader, Text, Tooltip, VisuallyHidden } from '@mantine/core';
import type { MemberRow } from '@portico/contracts';
import { useMutation } from '@tanstack/react-query';
import { type ReactNode, useEffect, useId, useRef, useState } from 'react';
import { SelectionBar } from '../../../components/SelectionBar';
import type { BulkResults } from '../../../lib/results';
import {
  fetchMatchingMembers,
  MATCHING_MAX,
  type MembersFilter,
  rowsFilter,
  useMemberCounts,
  useMembers,
} from '../api';
import { type Availability, availability, type BarAction } from '../bulk-availability';
import type { ServerAction } from '../bulk-results';
import { type MemberSelection, type MemberSelectionState, selectionSummary } from '../selection';
import { BulkActionDialog } from './BulkActionDialog';
import { BulkProductDialog } from './BulkProductDialog';

const number = new Intl.NumberFormat();

interface MemberSelectionBarProps {
  org: string;
  filter: MembersFilter;
  selection: MemberSelectionState;
  self: string | null;
  /** The results of Assign product and Revoke product, shown on the page. */
  onResults: (results: BulkResults) => void;
}

/** What a dialog works on: the selection as it was when the action was chosen, and its members when resolved. */
type Asked =
  | { kind: 'server'; action: ServerAction; selection: MemberSelection }
  | { kind: 'product'; action: 'assign' | 'revoke'; members: MemberRow[] };

/**
 * The selected rows and what can be done with them (SPEC §2.4, §2.5): Resend and Revoke invitation, Change to Admin
 * or Member, Assign and Revoke product, Remove member. An action that applies to nothing selected is shown
 * disabled, with the reason on hover, focus and touch and for screen readers.
 */
export function MemberSelectionBar({ org, filter, selection, self, onResults }: MemberSelectionBarProps) {
  const members = useMembers(org, filter);
  const [asked, setAsked] = useState<Asked | null>(null);
  const resolving = useResolveMembers(org);
  const answer = useMemberCounts(org, filter).data;
  const counts = answer?.counts ?? null;
  const offered = availability(selection.current, { self, counts });

  // The rows as last read, not as they were when ticked: an assignment since then shows in their products.
  const latest = new Map((members.data?.pages ?? []).flatMap((page) => page.items).map((row) => [row.id, row]));
  const chooseProduct = (action: 'assign' | 'revoke') => {
    const current = selection.current;
    if (current.mode === 'rows') {
      const rows = [...current.rows.values()].map((row) => latest.get(row.id) ?? row);
      setAsked({ kind: 'product', action, members: rows.filter((row) => row.kind === 'member') });
    } else resolving.run(current, (resolved) => setAsked({ kind: 'product', action, members: resolved }));
  };
  const button = (action: BarAction, label: string, props: ButtonProps = {}) => (
    <BarButton
      offered={offered[action]}
      onClick={() => {
        if (action === 'assign' || action === 'revoke-product')
          chooseProduct(action === 'assign' ? 'assign' : 'revoke');
        else setAsked({ kind: 'server', action, selection: selection.current });
      }}
      {...props}
    >
      {label}
    </BarButton>
  );
  const finishProduct = (results: BulkResults | null) => {
    setAsked(null);
    if (!results) return;
    selection.clear();
    onResults(results);
  };

  return (
    <>
      {selection.size > 0 && (
        <SelectionBar
          count={selection.size}
          noun="member"
          summary={selectionSummary(selection.current)}
          onClear={selection.clear}
          extra={resolving.status ?? <MatchingLine filter={filter} selection={selection} matching={answer?.matching} />}
        >
          {button('resend', 'Resend invitation', { variant: 'default' })}
          {button('revoke', 'Revoke invitation', { variant: 'light', color: 'red' })}
          {button('make-admin', 'Change to Admin', { variant: 'default' })}
          {button('make-member', 'Change to Member', { variant: 'default' })}
          {button('assign', 'Assign product')}
          {button('revoke-product', 'Revoke product', { variant: 'default' })}
          {button('remove', 'Remove member', { variant: 'light', color: 'red' })}
        </SelectionBar>
      )}
      <BulkActionDialog
        org={org}
        action={asked?.kind === 'server' ? asked.action : null}
        selection={asked?.kind === 'server' ? asked.selection : selection.current}
        self={self}
        onClose={(applied) => {
          setAsked(null);
          if (applied) selection.clear();
        }}
      />
      <BulkProductDialog
        org={org}
        action={asked?.kind === 'product' ? asked.action : null}
        members={asked?.kind === 'product' ? asked.members : []}
        onClose={finishProduct}
      />
    </>
  );
}

/**
 * A button that stays focusable when it does not apply (aria-disabled), so the keyboard and screen readers reach
 * it and hear why; the reason shows on hover, focus and touch.
 */
function BarButton({
  offered,
  onClick,
  children,
  ...props
}: ButtonProps & { offered: Availability; onClick: () => void }) {
  const reasonId = useId();
  if (offered.enabled)
    return (
      <Button size="xs" onClick={onClick} {...props}>
        {children}
      </Button>
    );
  return (
    <>
      <Tooltip label={offered.reason} events={{ hover: true, focus: true, touch: true }} multiline maw={260}>
        <Button size="xs" {...props} data-disabled aria-disabled aria-describedby={reasonId}>
          {children}
        </Button>
      </Tooltip>
      <VisuallyHidden id={reasonId}>{offered.reason}</VisuallyHidden>
    </>
  );
}

/** "Select all 1,204 matching", or what "all matching" holds once chosen. */
function MatchingLine(props: { filter: MembersFilter; selection: MemberSelectionState; matching?: number | null }) {
  const { filter, selection, matching } = props;
  const filtered = Boolean(filter.q || filter.status || filter.rights);
  const current = selection.current;
  if (current.mode === 'matching') {
    const except = current.except.size;
    return (
      <Text size="sm">
        All {number.format(current.matching)} {filtered ? 'matching rows' : 'rows'}
        {except > 0 ? ` but ${number.format(except)}` : ''}, also those on pages not shown.
      </Text>
    );
  }
  if (matching === undefined || matching === null || matching <= selection.size) return null;
  return (
    <Button
      variant="subtle"
      size="compact-sm"
      px={0}
      onClick={() => selection.selectMatching(rowsFilter(filter), matching)}
    >
      Select all {number.format(matching)}
      {filtered ? ' matching' : ''}
    </Button>
  );
}

/**
 * Assign and Revoke product work member by member: for "all N matching" the members are read first (up to
 * MATCHING_MAX, 200 a page), the unticked left out.
 */
function useResolveMembers(org: string) {
  const [collected, setCollected] = useState(0);
  // Leaving the page while the members are read stops reading.
  const reading = useRef<AbortController | null>(null);
  useEffect(() => () => reading.current?.abort(), []);
  const read = useMutation({
    mutationFn: async (selection: Extract<MemberSelection, { mode: 'matching' }>) => {
      reading.current = new AbortController();
      const { items } = await fetchMatchingMembers(org, selection.filter, setCollected, reading.current.signal);
      return items.filter((row) => !selection.except.has(row.id));
    },
  });
  let status: ReactNode = null;
  if (read.isPending)
    status = (
      <Group gap="xs" role="status">
        <Loader size="xs" />
        <Text size="sm">Reading the selected members… {number.format(collected)} so far</Text>
      </Group>
    );
  else if (read.isError)
    status = (
      <Text size="sm" c="red.8" role="alert">
        Could not read the selected members: {read.error.message}
      </Text>
    );
  const run = (selection: MemberSelection, then: (members: MemberRow[]) => void) => {
    if (selection.mode !== 'matching') return;
    read.mutate(selection, {
      onSuccess: (members) => {
        read.reset();
        then(members.slice(0, MATCHING_MAX));
      },
    });
  };
  return { run, status };
}
