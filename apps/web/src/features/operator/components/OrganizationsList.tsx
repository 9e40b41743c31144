import { Badge, Box, Paper, Stack, Table, Text } from '@mantine/core';
import type { Organization } from '@portico/contracts';
import { CardList } from '../../../components/CardList';
import { AnchorLink } from '../../../components/links';
import { formatDate } from '../../../lib/format';

function AdministratorBadge({ claimed }: { claimed: boolean }) {
  return claimed ? (
    <Badge color="teal" variant="light">
      Has administrator
    </Badge>
  ) : (
    <Badge color="gray" variant="light">
      No administrator
    </Badge>
  );
}

function OrganizationLink({ organization }: { organization: Organization }) {
  return (
    <AnchorLink
      to="/operator/organizations/$organization"
      params={{ organization: organization.id }}
      fw={600}
      size="sm"
      style={{ overflowWrap: 'anywhere' }}
    >
      {organization.name}
    </AnchorLink>
  );
}

/** A table on wide screens, cards on phones. */
export function OrganizationsList({ organizations }: { organizations: Organization[] }) {
  if (organizations.length === 0) return null;
  return (
    <>
      <Box visibleFrom="sm">
        <Table verticalSpacing="sm" highlightOnHover aria-label="Organizations">
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">Name</Table.Th>
              <Table.Th scope="col">Code</Table.Th>
              <Table.Th scope="col">Administrator</Table.Th>
              <Table.Th scope="col">Created</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {organizations.map((organization) => (
              <Table.Tr key={organization.id}>
                <Table.Td>
                  <OrganizationLink organization={organization} />
                </Table.Td>
                <Table.Td>
                  <Text size="sm" ff="monospace">
                    {organization.code}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <AdministratorBadge claimed={organization.hasAdministrator} />
                </Table.Td>
                <Table.Td>
                  <Text size="sm">{formatDate(organization.createdAt)}</Text>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Box>
      <CardList hiddenFrom="sm" aria-label="Organizations">
        {organizations.map((organization) => (
          <Paper component="li" key={organization.id} withBorder radius="md" p="sm">
            <Stack gap={4} align="flex-start">
              <OrganizationLink organization={organization} />
              <Text size="xs" c="dimmed">
                Code {organization.code} · created {formatDate(organization.createdAt)}
              </Text>
              <AdministratorBadge claimed={organization.hasAdministrator} />
            </Stack>
          </Paper>
        ))}
      </CardList>
    </>
  );
}
