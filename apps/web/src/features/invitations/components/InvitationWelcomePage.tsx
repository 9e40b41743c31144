import { Group, Stack, Text } from '@mantine/core';
import { getRouteApi } from '@tanstack/react-router';
import { CenteredPage } from '../../../components/CenteredPage';
import { ButtonLink } from '../../../components/links';
import { useMe } from '../../../lib/session';

const route = getRouteApi('/invitations/$token/welcome');

/**
 * The Welcome screen after accepting (SPEC §2.4). Its facts come from /me, not from the accept answer, so a reload
 * still shows it. OK leads to the organization: the admin portal for administrators, My organization for members.
 */
export function InvitationWelcomePage() {
  const { org } = route.useSearch();
  const organization = useMe().data?.organizations.find((o) => o.id === org);
  const name = organization?.name ?? 'your organization';
  const admin = organization?.rights === 'admin';
  return (
    <CenteredPage title={`Welcome to ${name}`}>
      <Stack>
        <Text>
          You are now {admin ? 'an administrator' : 'a member'} of <strong>{name}</strong>.{' '}
          {admin
            ? 'The admin portal shows every product and service it owns, and lets you invite your colleagues.'
            : 'Its administrators can now give you access to its products.'}
        </Text>
        <Group>
          {organization ? (
            <ButtonLink to="/orgs/$org" params={{ org: organization.id }} miw={96}>
              OK
            </ButtonLink>
          ) : (
            <ButtonLink to="/" miw={96}>
              OK
            </ButtonLink>
          )}
        </Group>
      </Stack>
    </CenteredPage>
  );
}
