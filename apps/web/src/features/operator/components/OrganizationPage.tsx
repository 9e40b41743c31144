import { Alert, Badge, Group, Loader, Stack, Text, Title } from '@mantine/core';
import { getRouteApi } from '@tanstack/react-router';
import { AnchorLink, ButtonLink } from '../../../components/links';
import { Section } from '../../../components/Section';
import { usePageTitle } from '../../../lib/page-title';
import { useOrganization } from '../api';
import { AdministratorsPanel } from './AdministratorsPanel';
import { OrganizationAssets } from './OrganizationAssets';
import { RenameOrganizationForm } from './RenameOrganizationForm';

const route = getRouteApi('/operator/organizations/$organization');

export function OrganizationPage() {
  const { organization: id } = route.useParams();
  const organization = useOrganization(id);
  usePageTitle(`${organization.data?.name ?? 'Organization'} · Operator`);

  if (organization.isPending) return <Loader size="sm" aria-label="Loading the organization" />;
  if (organization.isError) {
    return (
      <Stack gap="sm" align="flex-start">
        <Alert role="alert" color="red" variant="light">
          {organization.error.message}
        </Alert>
        <AnchorLink to="/operator/organizations">Back to organizations</AnchorLink>
      </Stack>
    );
  }

  const { name, code, hasAdministrator } = organization.data;
  return (
    <Stack gap="lg">
      <Stack gap={6}>
        <AnchorLink to="/operator/organizations" size="sm" style={{ alignSelf: 'flex-start' }}>
          ← All organizations
        </AnchorLink>
        <Group justify="space-between" align="flex-end" gap="sm">
          <Stack gap={4}>
            <Title order={2} style={{ overflowWrap: 'anywhere' }}>
              {name}
            </Title>
            <Group gap="xs">
              <Text size="sm" c="dimmed">
                Code {code}
              </Text>
              <Badge color={hasAdministrator ? 'teal' : 'gray'} variant="light">
                {hasAdministrator ? 'Has administrator' : 'No administrator'}
              </Badge>
            </Group>
          </Stack>
          <ButtonLink to="/orgs/$org" params={{ org: organization.data.id }} variant="default">
            Open admin portal
          </ButtonLink>
        </Group>
      </Stack>
      <Section id="name" title="Name" order={3} description="The name administrators verify when they claim it.">
        <RenameOrganizationForm org={id} name={name} />
      </Section>
      <OrganizationAssets org={organization.data.id} />
      <AdministratorsPanel org={id} />
    </Stack>
  );
}
