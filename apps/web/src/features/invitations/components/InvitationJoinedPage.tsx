import { Group, Stack, Text } from '@mantine/core';
import type { InvitationView } from '@portico/contracts';
import { CenteredPage } from '../../../components/CenteredPage';
import { ButtonLink } from '../../../components/links';
import { useMe } from '../../../lib/session';

const day = new Intl.DateTimeFormat(undefined, { dateStyle: 'full' });

interface InvitationJoinedPageProps {
  invitation: InvitationView;
  joined: NonNullable<InvitationView['joined']>;
}

/**
 * A used link opened again by the member who used it: not an error for them. It says when they joined and takes
 * them to the organization (or says they have left it since: /me no longer lists it).
 */
export function InvitationJoinedPage({ invitation, joined }: InvitationJoinedPageProps) {
  const member = useMe().data?.organizations.some((o) => o.id === joined.organizationId) ?? false;
  const name = invitation.organization.name;
  return (
    <CenteredPage title={`You joined ${name}`}>
      <Stack>
        <Text style={{ overflowWrap: 'anywhere' }}>
          You joined <strong>{name}</strong> on {day.format(new Date(joined.at))} with this invitation, so its link has
          been used.{' '}
          {member
            ? 'The organization is in your menu from now on.'
            : 'You are no longer a member: ask its administrator to invite you again.'}
        </Text>
        <Group>
          {member ? (
            <ButtonLink
              to="/orgs/$org"
              params={{ org: joined.organizationId }}
              h="auto"
              py={8}
              // A long organization name wraps inside the button instead of running out of the card on a phone.
              styles={{ label: { whiteSpace: 'normal', textAlign: 'center' } }}
            >
              Go to {name}
            </ButtonLink>
          ) : (
            <ButtonLink to="/">Go to home</ButtonLink>
          )}
        </Group>
      </Stack>
    </CenteredPage>
  );
}
