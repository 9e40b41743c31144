import { Button, Group, Stack, Text } from '@mantine/core';
import type { MemberRow, MemberSort } from '@portico/contracts';
import { useState } from 'react';
import { LoadError, LoadingStatus } from '../../../components/QueryStatus';
import { type MembersFilter, useMemberCounts, useMembers } from '../api';
import type { MemberSelectionState } from '../selection';
import { MembersCards } from './MembersCards';
import { MembersTable } from './MembersTable';
import type { RowGuard } from './RowActions';
import { useRowActions } from './use-row-actions';

const number = new Intl.NumberFormat();

interface MembersDirectoryProps {
  org: string;
  filter: MembersFilter;
  selection: MemberSelectionState;
  guard: RowGuard;
  onSort: (sort: MemberSort) => void;
  /** Opens a member's details. */
  onOpen: (row: MemberRow) => void;
}

/**
 * The list itself: a table on wide screens, cards on phones, one page of 50 rows at a time, so a keyboard user
 * Tabs through 50 row menus and not through all that were loaded. Pages read once stay, so Previous is instant; the
 * selection lives outside and is kept from page to page. A new filter or sort starts again at page 1 (the page
 * gives this a key of the filter).
 */
export function MembersDirectory({ org, filter, selection, guard, onSort, onOpen }: MembersDirectoryProps) {
  const members = useMembers(org, filter);
  const counted = useMemberCounts(org, filter);
  const actions = useRowActions(org, onOpen);
  const [wanted, setWanted] = useState(0);

  if (members.isPending) return <LoadingStatus label="Loading members…" />;
  if (members.isError) return <LoadError title="The members list could not be loaded" error={members.error} />;
  const pages = members.data.pages;
  // After a change the list is read again and may have fewer pages than before.
  const index = Math.min(wanted, pages.length - 1);
  const rows = pages[index]?.items ?? [];
  const first = pages.slice(0, index).reduce((sum, page) => sum + page.items.length, 0);
  const matching = counted.data?.matching ?? null;
  const filtered = Boolean(filter.q || filter.status || filter.rights);
  const hasNext = index < pages.length - 1 || members.hasNextPage;
  const next = async () => {
    if (index === pages.length - 1) await members.fetchNextPage();
    setWanted(index + 1);
  };

  const list = { rows, selection, guard, sort: filter.sort ?? 'email', onSort, onOpen, onAction: actions.run };
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
      {(index > 0 || hasNext) && (
        <Group justify="space-between" wrap="wrap" gap="sm" component="nav" aria-label="Pages of the members list">
          <Text size="sm" role="status">
            Rows {number.format(first + 1)}–{number.format(first + rows.length)}
            {matching !== null && ` of ${number.format(matching)}`}
          </Text>
          <Group gap="xs">
            <PageButton label="Previous page" disabled={index === 0} onClick={() => setWanted(index - 1)} />
            <PageButton
              label="Next page"
              disabled={!hasNext}
              loading={members.isFetchingNextPage}
              onClick={() => void next()}
            />
          </Group>
        </Group>
      )}
      {actions.dialogs}
    </Stack>
  );
}

/**
 * Stays focusable when it does not apply (aria-disabled rather than disabled): on the last page, Next keeps the
 * keyboard focus instead of dropping it to the top of the document.
 */
function PageButton(props: { label: string; disabled: boolean; loading?: boolean; onClick: () => void }) {
  return (
    <Button
      variant="default"
      size="sm"
      data-disabled={props.disabled || undefined}
      aria-disabled={props.disabled || undefined}
      loading={props.loading}
      onClick={() => !props.disabled && props.onClick()}
    >
      {props.label}
    </Button>
  );
}
