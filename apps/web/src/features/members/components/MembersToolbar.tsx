import { Box, Button, Group, Select, TextInput } from '@mantine/core';
import { useDebouncedCallback } from '@mantine/hooks';
import {
  MEMBER_STATUSES,
  type MemberSort,
  type MemberStatus,
  type MemberStatusLabel,
  type Rights,
} from '@portico/contracts';
import { useState } from 'react';
import { type MembersFilter, membersCsvUrl } from '../api';

/** Each status is named as the Status column shows it. */
const STATUS_LABELS: Record<MemberStatus, MemberStatusLabel> = {
  active: 'Active',
  pending: 'PENDING',
  expired: 'Invitation expired',
};
const STATUS_OPTIONS = [
  { value: 'all', label: 'All' },
  ...MEMBER_STATUSES.map((value) => ({ value, label: STATUS_LABELS[value] })),
];
const RIGHTS_OPTIONS = [
  { value: 'all', label: 'All' },
  { value: 'admin', label: 'Admin' },
  { value: 'member', label: 'Member' },
];

/** On a phone there are no column headers to click: the order is chosen here. */
const SORT_OPTIONS: { value: MemberSort; label: string }[] = [
  { value: 'email', label: 'Email, A to Z' },
  { value: '-email', label: 'Email, Z to A' },
  { value: 'name', label: 'Name, A to Z' },
  { value: '-name', label: 'Name, Z to A' },
  { value: '-since', label: 'Newest first' },
  { value: 'since', label: 'Oldest first' },
  { value: '-lastSignIn', label: 'Signed in most recently' },
  { value: 'lastSignIn', label: 'Signed in longest ago' },
];

interface MembersToolbarProps {
  org: string;
  filter: MembersFilter;
  onChange: (filter: MembersFilter) => void;
}

const chosen = <T extends string>(value: string | null) => (value && value !== 'all' ? (value as T) : undefined);

/**
 * Search by name or email (as you type, a moment after the last key), filter by Status and by User Rights, and
 * Export what is shown — the same filter and order — as CSV.
 */
export function MembersToolbar({ org, filter, onChange }: MembersToolbarProps) {
  const [text, setText] = useState(filter.q ?? '');
  const search = useDebouncedCallback((q: string) => onChange({ ...filter, q: q.trim() || undefined }), 300);

  return (
    <Group gap="sm" align="flex-end" wrap="wrap">
      <Group gap="sm" align="flex-end" wrap="wrap" role="search" aria-label="Members" style={{ flex: '1 1 30rem' }}>
        <TextInput
          label="Search"
          placeholder="Name or email"
          type="search"
          value={text}
          onChange={(event) => {
            setText(event.currentTarget.value);
            search(event.currentTarget.value);
          }}
          style={{ flex: '2 1 14rem' }}
        />
        <Select
          label="Status"
          data={STATUS_OPTIONS}
          value={filter.status ?? 'all'}
          onChange={(value) => onChange({ ...filter, status: chosen<MemberStatus>(value) })}
          allowDeselect={false}
          style={{ flex: '1 1 9rem' }}
        />
        <Select
          label="User Rights"
          data={RIGHTS_OPTIONS}
          value={filter.rights ?? 'all'}
          onChange={(value) => onChange({ ...filter, rights: chosen<Rights>(value) })}
          allowDeselect={false}
          style={{ flex: '1 1 9rem' }}
        />
        <Box hiddenFrom="sm" style={{ flex: '1 1 12rem' }}>
          <Select
            label="Sort"
            data={SORT_OPTIONS}
            value={filter.sort ?? 'email'}
            onChange={(value) => onChange({ ...filter, sort: value === 'email' ? undefined : (value as MemberSort) })}
            allowDeselect={false}
          />
        </Box>
      </Group>
      {/* A plain link: same origin, so the session cookie goes along and the browser saves the file. */}
      <Button component="a" href={membersCsvUrl(org, filter)} download variant="default">
        Export CSV
      </Button>
    </Group>
  );
}
