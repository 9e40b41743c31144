import { Alert, Container, Group, Loader, Paper, Stack, Text, Title } from '@mantine/core';
import { getRouteApi } from '@tanstack/react-router';
import { AnchorLink, ButtonLink } from '../../../components/links';
import { isApiError } from '../../../lib/api';
import { usePageTitle } from '../../../lib/page-title';
import { useClaimInfo } from '../api';
import { AdministratorsNotice } from './AdministratorsNotice';
import { ClaimForm } from './ClaimForm';

const route = getRouteApi('/orgs/$org/claim');

/** The First Moment of Truth (SPEC §2.3): the user checks the organization's name before taking charge of it. */
export function ClaimPage() {
  const { org } = route.useParams();
  const info = useClaimInfo(org);
  usePageTitle(info.data ? `Verify ${info.data.organization.name}` : 'Verify your organization');

  if (info.isPending) {
    return (
      <Group role="status" gap="sm" justify="center" py="xl">
        <Loader size="sm" />
        <Text>Loading your organization…</Text>
      </Group>
    );
  }
  if (info.isError) {
    return (
      <Container size={560} px={0} py={{ base: 'md', sm: 'xl' }}>
        <Stack gap="lg">
          <Title order={1} size="h2">
            We cannot open this organization
          </Title>
          <Alert role="alert" color="red" variant="light">
            {isApiError(info.error, 'NOT_LINKED')
              ? 'Register one of the organization’s serial numbers first; then you can claim it here.'
              : info.error.message}
          </Alert>
          <Group>
            <ButtonLink to="/register">Register product</ButtonLink>
          </Group>
        </Stack>
      </Container>
    );
  }

  const { organization, administrators, canClaim } = info.data;
  return (
    <Container size={560} px={0} py={{ base: 'md', sm: 'xl' }}>
      <Stack gap="lg">
        <Title order={1} size="h2">
          Verify that the name of your organization is correct
        </Title>
        <Paper withBorder shadow="xs" radius="md" p={{ base: 'lg', sm: 'xl' }} ta="center">
          <Text fz={{ base: 28, sm: 36 }} fw={700} lh={1.2} style={{ overflowWrap: 'anywhere' }}>
            {organization.name}
          </Text>
          <Text c="dimmed" size="sm" mt={4}>
            Organization code {organization.code}
          </Text>
        </Paper>
        {canClaim ? (
          <>
            <Text>
              If this is your organization, you can become its administrator: you will invite your colleagues and hand
              out its products. If it is not, check the serial number and{' '}
              <AnchorLink to="/register" inherit>
                register again
              </AnchorLink>
              .
            </Text>
            <ClaimForm org={organization.id} />
          </>
        ) : (
          <AdministratorsNotice organization={organization.name} administrators={administrators} told={false} />
        )}
      </Stack>
    </Container>
  );
}
