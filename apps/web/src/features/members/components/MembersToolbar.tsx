import { Group, Select, TextInput } from '@mantine/core';
import { useDebouncedCallback } from '@mantine/hooks';
import { MEMBER_STATUSES, type MemberSort, type MemberStatus, type UserRightsLabel } from '@portico/contracts';
import { useState } from 'react';
import type { MembersFilter } from '../api';

/** Each status is named as the User Rights column shows it. */
const STATUS_LABELS: Record<MemberStatus, UserRightsLabel> = {
  admin: 'Admin',
  member: 'Member',
  pending: 'PENDING',
  expired: 'Invitation expired',
};

const STATUS_OPTIONS: { value: MemberStatus | 'all'; label: string }[] = [
  { value: 'all', label: 'Everyone' },
  ...MEMBER_STATUSES.map((value) => ({ value, label: STATUS_LABELS[value] })),
];

const SORT_OPTIONS: { value: MemberSort; label: string }[] = [
  { value: 'email', label: 'Email, A to Z' },
  { value: '-email', label: 'Email, Z to A' },
  { value: '-since', label: 'Newest first' },
  { value: 'since', label: 'Oldest first' },
];

interface MembersToolbarProps {
  filter: MembersFilter;
  onChange: (filter: MembersFilter) => void;
}

/** Search by name or email (as you type, a moment after the last key), filter by User Rights, and order. */
export function MembersToolbar({ filter, onChange }: MembersToolbarProps) {
  const [text, setText] = useState(filter.q ?? '');
  const search = useDebouncedCallback((q: string) => onChange({ ...filter, q: q.trim() || undefined }), 300);

  return (
    <Group gap="sm" align="flex-end" wrap="wrap" role="search" aria-label="Members">
      <TextInput
        label="Search"
        placeholder="Name or email"
        type="search"
        value={text}
        onChange={(event) => {
          setText(event.currentTarget.value);
          search(event.currentTarget.value);
        }}
        style={{ flex: '1 1 16rem' }}
      />
      <Select
        label="User Rights"
        data={STATUS_OPTIONS}
        value={filter.status ?? 'all'}
        onChange={(value) =>
          onChange({ ...filter, status: value && value !== 'all' ? (value as MemberStatus) : undefined })
        }
        allowDeselect={false}
        style={{ flex: '1 1 10rem' }}
      />
      <Select
        label="Sort"
        data={SORT_OPTIONS}
        value={filter.sort ?? 'email'}
        onChange={(value) => onChange({ ...filter, sort: value === 'email' ? undefined : (value as MemberSort) })}
        allowDeselect={false}
        style={{ flex: '1 1 10rem' }}
      />
    </Group>
  );
}
