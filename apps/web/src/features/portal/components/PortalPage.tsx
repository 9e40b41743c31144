import { Alert, Group, Loader, Stack, Text, Title } from '@mantine/core';
import { getRouteApi } from '@tanstack/react-router';
import { AssetList } from '../../../components/assets/AssetList';
import { ButtonLink } from '../../../components/links';
import { Section } from '../../../components/Section';
import { isApiError } from '../../../lib/api';
import { usePageTitle } from '../../../lib/page-title';
import { useMe } from '../../../lib/session';
import { useOverview } from '../api';
import { MyOrganizationPage } from './MyOrganizationPage';

const route = getRouteApi('/orgs/$org');

/** The admin portal's main page (SPEC §2.2 "Monitor all of an organization's assets"). */
export function PortalPage() {
  const { org } = route.useParams();
  const me = useMe().data;
  const membership = me?.organizations.find((o) => o.id === org);
  // Members have no admin portal: they see My organization (their products page comes with assignments).
  if (membership?.rights === 'member' && !me?.isOperator)
    return <MyOrganizationPage org={org} name={membership.name} />;
  return <AdminPortal org={org} />;
}

function AdminPortal({ org }: { org: string }) {
  const overview = useOverview(org);
  usePageTitle(overview.data?.organization.name ?? 'Admin portal');

  if (overview.isPending) {
    return (
      <Group role="status" gap="sm" justify="center" py="xl">
        <Loader size="sm" />
        <Text>Loading the organization…</Text>
      </Group>
    );
  }
  if (overview.isError) return <PortalError error={overview.error} />;

  const { organization, products, services } = overview.data;
  // Soonest first: that is the order in which they need attention.
  const endingSoon = [...overview.data.endingSoon].sort((a, b) => (a.endsAt ?? '').localeCompare(b.endsAt ?? ''));
  return (
    <Stack gap="xl">
      <Stack gap={4}>
        <Text size="sm" c="dimmed" fw={600}>
          Admin portal
        </Text>
        <Title order={1} style={{ overflowWrap: 'anywhere' }}>
          {organization.name}
        </Title>
        <Text c="dimmed" size="sm">
          Organization code {organization.code}
        </Text>
      </Stack>
      <Section
        id="products"
        title="Products"
        description="Every license your organization owns, with its seats and its licensing mode."
        actions={
          <ButtonLink to="/orgs/$org/products" params={{ org: organization.id }} variant="light" size="xs">
            Assign and revoke
          </ButtonLink>
        }
      >
        <AssetList assets={products} kind="license" label="Products" empty="Your organization has no licenses yet." />
      </Section>
      <Section id="services" title="Services" description="Subscriptions to services, such as support.">
        <AssetList assets={services} kind="service" label="Services" empty="Your organization has no services." />
      </Section>
      <Section
        id="ending-soon"
        title="Subscriptions ending in the next 90 days"
        description="Renew these in time to keep your seats and your services."
      >
        <AssetList
          assets={endingSoon}
          kind="ending"
          label="Subscriptions ending in the next 90 days"
          empty="Nothing ends in the next 90 days."
        />
      </Section>
    </Stack>
  );
}

function PortalError({ error }: { error: Error }) {
  const notFound = isApiError(error, 'NOT_FOUND');
  return (
    <Stack gap="md" maw={640}>
      <Title order={1}>{notFound ? 'Organization not found' : 'Something went wrong'}</Title>
      <Alert role="alert" color={notFound ? 'gray' : 'red'} variant="light">
        {notFound ? 'This organization does not exist, or you are not one of its administrators.' : error.message}
      </Alert>
      <Group>
        <ButtonLink to="/">Go to home</ButtonLink>
      </Group>
    </Stack>
  );
}
