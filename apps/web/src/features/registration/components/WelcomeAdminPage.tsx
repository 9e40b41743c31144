import { Group, Stack, Text } from '@mantine/core';
import { getRouteApi } from '@tanstack/react-router';
import { CenteredPage } from '../../../components/CenteredPage';
import { ButtonLink } from '../../../components/links';
import { useMe } from '../../../lib/session';

const route = getRouteApi('/orgs/$org/welcome-admin');

/** The confirmation after "Promote me to Administrator" (SPEC §2.3); it leads to the admin portal. */
export function WelcomeAdminPage() {
  const { org } = route.useParams();
  const organization = useMe().data?.organizations.find((o) => o.id === org);
  const name = organization?.name ?? 'your organization';
  return (
    <CenteredPage title={`You are now the administrator of ${name}`}>
      <Stack>
        <Text>The admin portal shows every product and service {name} owns, with its seats and its term.</Text>
        <Text size="sm" c="dimmed">
          We also listed you as a contact with the Security Administrator and Support Administrator roles, and sent you
          an email to confirm.
        </Text>
        <Group>
          <ButtonLink to="/orgs/$org" params={{ org }}>
            Go to the admin portal
          </ButtonLink>
        </Group>
      </Stack>
    </CenteredPage>
  );
}
