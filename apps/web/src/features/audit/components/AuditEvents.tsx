import { Alert, Box, Loader, Stack, Text } from '@mantine/core';
import { LoadMoreButton } from '../../../components/LoadMoreButton';
import { type AuditFilters, type AuditSource, useAuditEvents } from '../api';
import { AuditCards } from './AuditCards';
import { AuditTable } from './AuditTable';

function countText(count: number, more: boolean, filtered: boolean): string {
  if (count === 0) return filtered ? 'No events match these filters.' : 'Nothing has been recorded yet.';
  return `${count}${more ? '+' : ''} ${count === 1 ? 'event' : 'events'}, newest first`;
}

/** The events of the log with the current filters: a table on wide screens, cards on phones, and Load more. */
export function AuditEvents({ source, filters }: { source: AuditSource; filters: AuditFilters }) {
  const list = useAuditEvents(source, filters);
  if (list.isPending) return <Loader size="sm" aria-label="Loading the audit log" />;
  if (list.isError) {
    return (
      <Alert role="alert" color="red" variant="light">
        {list.error.message}
      </Alert>
    );
  }
  const events = list.data.pages.flatMap((page) => page.items);
  const filtered = Boolean(filters.action || filters.actor || filters.organization || filters.from || filters.to);
  const showOrganization = source.kind === 'instance';
  return (
    <Stack gap="sm">
      <Text size="sm" c="dimmed" role="status">
        {countText(events.length, list.hasNextPage, filtered)}
      </Text>
      {events.length > 0 && (
        <>
          <Box visibleFrom="sm">
            <AuditTable source={source} events={events} showOrganization={showOrganization} />
          </Box>
          <Box hiddenFrom="sm">
            <AuditCards source={source} events={events} showOrganization={showOrganization} />
          </Box>
        </>
      )}
      <LoadMoreButton query={list} />
    </Stack>
  );
}
