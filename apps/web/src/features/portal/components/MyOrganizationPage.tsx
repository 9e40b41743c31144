import { Alert, Anchor, Group, Loader, Paper, Stack, Text, Title } from '@mantine/core';
import { CardList } from '../../../components/CardList';
import { usePageTitle } from '../../../lib/page-title';
import { useMyOrganization } from '../api';

/**
 * My organization (SPEC §2.4): what a member sees — the organization's name and whom to ask. Nothing of the members
 * list: the API keeps that from members too.
 */
export function MyOrganizationPage({ org, name }: { org: string; name: string }) {
  usePageTitle(name);
  const about = useMyOrganization(org);
  return (
    <Stack gap="lg" maw={720}>
      <Stack gap={2}>
        <Text size="sm" c="dimmed" fw={600}>
          My organization
        </Text>
        <Title order={1} style={{ overflowWrap: 'anywhere' }}>
          {about.data?.organization.name ?? name}
        </Title>
        {about.data && (
          <Text size="sm" c="dimmed">
            Organization code {about.data.organization.code} · your User Rights: Member
          </Text>
        )}
      </Stack>
      <Alert color="blue" variant="light" title="You are a member of this organization">
        Its administrators manage its products and hand out seats. Ask one of them when you need a license or want a
        colleague invited.
      </Alert>
      <Stack gap="sm" component="section" aria-labelledby="administrators">
        <Title order={2} size="h3" id="administrators">
          Administrators
        </Title>
        {about.isPending && (
          <Group role="status" gap="sm">
            <Loader size="sm" />
            <Text size="sm">Loading…</Text>
          </Group>
        )}
        {about.isError && (
          <Alert role="alert" color="red" variant="light">
            {about.error.message}
          </Alert>
        )}
        {about.data && (
          <CardList aria-label="Administrators">
            {about.data.administrators.map((person) => (
              <Paper component="li" key={person.email} withBorder radius="md" p="sm">
                <Text fw={600} size="sm">
                  {person.name}
                </Text>
                <Anchor href={`mailto:${person.email}`} size="sm" style={{ overflowWrap: 'anywhere' }}>
                  {person.email}
                </Anchor>
              </Paper>
            ))}
          </CardList>
        )}
      </Stack>
    </Stack>
  );
}
