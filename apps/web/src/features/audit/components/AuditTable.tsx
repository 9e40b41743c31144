import { Table } from '@mantine/core';
import type { AuditEvent } from '@portico/contracts';
import type { AuditSource } from '../api';
import { Action, Address, OrganizationCell, Target, When, Who } from './AuditCells';
import { ChangesButton } from './ChangesDialog';

interface AuditListProps {
  source: AuditSource;
  events: AuditEvent[];
  /** The instance log spans organizations, so it says whose each event is. */
  showOrganization: boolean;
}

export function AuditTable({ source, events, showOrganization }: AuditListProps) {
  return (
    // Between phone and desktop widths the table scrolls sideways rather than squeezing names into slivers.
    <Table.ScrollContainer minWidth={showOrganization ? 1080 : 880}>
      <Table verticalSpacing="sm" highlightOnHover aria-label="Audit events">
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">When</Table.Th>
            <Table.Th scope="col">Who</Table.Th>
            <Table.Th scope="col">Action</Table.Th>
            <Table.Th scope="col">Target</Table.Th>
            {showOrganization && <Table.Th scope="col">Organization</Table.Th>}
            <Table.Th scope="col">IP address</Table.Th>
            <Table.Th scope="col">Changes</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {events.map((event) => (
            <Table.Tr key={event.id}>
              <Table.Td>
                <When event={event} />
              </Table.Td>
              <Table.Td>
                <Who event={event} />
              </Table.Td>
              <Table.Td>
                <Action event={event} />
              </Table.Td>
              <Table.Td>
                <Target event={event} />
              </Table.Td>
              {showOrganization && (
                <Table.Td>
                  <OrganizationCell event={event} />
                </Table.Td>
              )}
              <Table.Td>
                <Address event={event} />
              </Table.Td>
              <Table.Td>
                <ChangesButton event={event} source={source} />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
