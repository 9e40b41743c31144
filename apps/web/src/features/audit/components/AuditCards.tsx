import { Group, Paper, Stack, Text } from '@mantine/core';
import type { AuditEvent } from '@portico/contracts';
import type { ReactNode } from 'react';
import { CardList } from '../../../components/CardList';
import type { AuditSource } from '../api';
import { Action, Address, OrganizationCell, Target, When, Who } from './AuditCells';
import { ChangesButton } from './ChangesDialog';

/** One labelled line of a card: the table's column header becomes the label. */
function Line({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Group gap="xs" align="flex-start" wrap="nowrap">
      <Text size="xs" c="dimmed" w="5.5rem" style={{ flexShrink: 0 }} pt={2}>
        {label}
      </Text>
      <div style={{ minWidth: 0 }}>{children}</div>
    </Group>
  );
}

/** The phone form of the audit table: one card per event, newest first. */
export function AuditCards({
  source,
  events,
  showOrganization,
}: {
  source: AuditSource;
  events: AuditEvent[];
  showOrganization: boolean;
}) {
  return (
    <CardList aria-label="Audit events">
      {events.map((event) => (
        <Paper component="li" key={event.id} withBorder radius="md" p="sm">
          <Stack gap={6}>
            <Action event={event} />
            <Line label="When">
              <When event={event} />
            </Line>
            <Line label="Who">
              <Who event={event} />
            </Line>
            <Line label="Target">
              <Target event={event} />
            </Line>
            {showOrganization && (
              <Line label="Organization">
                <OrganizationCell event={event} />
              </Line>
            )}
            <Line label="IP address">
              <Address event={event} />
            </Line>
            {(event.before || event.after || event.itemCount !== null) && (
              <Group>
                <ChangesButton event={event} source={source} />
              </Group>
            )}
          </Stack>
        </Paper>
      ))}
    </CardList>
  );
}
