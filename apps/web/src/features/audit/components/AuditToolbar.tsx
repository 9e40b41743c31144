import { Group, Select, TextInput } from '@mantine/core';
import { useDebouncedCallback } from '@mantine/hooks';
import { useState } from 'react';
import { type AuditFilters, type AuditSource, useAuditActions } from '../api';
import { actionLabel } from '../describe';
import { rangeProblem } from '../range';

interface AuditToolbarProps {
  source: AuditSource;
  filters: AuditFilters;
  onChange: (filters: AuditFilters) => void;
}

/** The server takes an email address or a user id; anything else would only come back as an error. */
function actorProblem(text: string): string | null {
  const value = text.trim();
  if (!value || value.includes('@') || value.startsWith('usr_')) return null;
  return 'Enter an email address';
}

/** A text filter that applies a moment after the last key, so typing does not send a request per letter. */
function useDebouncedText(initial: string | undefined, apply: (value: string | undefined) => void) {
  const [text, setText] = useState(initial ?? '');
  const debounced = useDebouncedCallback((value: string) => apply(value.trim() || undefined), 400);
  const change = (value: string) => {
    setText(value);
    debounced(value);
  };
  return [text, change] as const;
}

/**
 * From and To: the reader's own days, both included (the browser's date picker, so keyboard and screen readers get
 * what they know). A range that ends before it starts is flagged here and not sent.
 */
function DateRange({ filters, onChange }: Pick<AuditToolbarProps, 'filters' | 'onChange'>) {
  const [range, setRange] = useState({ from: filters.from ?? '', to: filters.to ?? '' });
  const change = (next: { from: string; to: string }) => {
    setRange(next);
    if (!rangeProblem(next.from, next.to))
      onChange({ ...filters, from: next.from || undefined, to: next.to || undefined });
  };
  return (
    <Group gap="sm" align="flex-start" wrap="nowrap" style={{ flex: '1 1 18rem' }}>
      <TextInput
        label="From"
        type="date"
        value={range.from}
        max={range.to || undefined}
        onChange={(event) => change({ ...range, from: event.currentTarget.value })}
        style={{ flex: 1, minWidth: 0 }}
      />
      <TextInput
        label="To"
        type="date"
        value={range.to}
        min={range.from || undefined}
        error={rangeProblem(range.from, range.to)}
        onChange={(event) => change({ ...range, to: event.currentTarget.value })}
        style={{ flex: 1, minWidth: 0 }}
      />
    </Group>
  );
}

/** Filter by action, by who did it and by date (and, in the instance log, by organization). */
export function AuditToolbar({ source, filters, onChange }: AuditToolbarProps) {
  const actions = useAuditActions(source, filters.organization);
  const [actor, setActor] = useDebouncedText(filters.actor, (value) => {
    if (!actorProblem(value ?? '')) onChange({ ...filters, actor: value });
  });
  const [organization, setOrganization] = useDebouncedText(filters.organization, (value) =>
    onChange({ ...filters, organization: value }),
  );
  const options = (actions.data?.actions ?? []).map((value) => ({ value, label: actionLabel(value) }));
  // A filter from the address that this log has never recorded still shows as selected.
  if (filters.action && !options.some((o) => o.value === filters.action)) {
    options.push({ value: filters.action, label: actionLabel(filters.action) });
  }
  const problem = actorProblem(actor);

  return (
    <Group gap="sm" align="flex-start" wrap="wrap" role="search" aria-label="Audit log">
      {source.kind === 'instance' && (
        <TextInput
          label="Organization"
          placeholder="Code, e.g. acme-eu"
          value={organization}
          onChange={(event) => setOrganization(event.currentTarget.value)}
          style={{ flex: '1 1 12rem' }}
        />
      )}
      <Select
        label="Action"
        placeholder="Every action"
        data={options}
        value={filters.action ?? null}
        onChange={(value) => onChange({ ...filters, action: value ?? undefined })}
        clearable
        searchable
        nothingFoundMessage="No such action"
        style={{ flex: '1 1 14rem' }}
      />
      <TextInput
        label="Who"
        placeholder="Email address"
        type="search"
        inputMode="email"
        autoComplete="off"
        value={actor}
        error={problem}
        onChange={(event) => setActor(event.currentTarget.value)}
        style={{ flex: '1 1 14rem' }}
      />
      <DateRange filters={filters} onChange={onChange} />
    </Group>
  );
}
