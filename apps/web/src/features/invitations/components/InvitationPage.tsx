import { Alert, Group, Loader, Text } from '@mantine/core';
import { getRouteApi } from '@tanstack/react-router';
import { CenteredPage } from '../../../components/CenteredPage';
import { useMe } from '../../../lib/session';
import { useInvitation } from '../api';
import { problemOfError, problemOfState } from '../problems';
import { InvitationJoinedPage } from './InvitationJoinedPage';
import { InvitationProblemPage } from './InvitationProblemPage';
import { PendingInvitation } from './PendingInvitation';

const route = getRouteApi('/invitations/$token');

/** Where the invitation email's link lands (SPEC §2.4): what it offers depends on the link's state and who is here. */
export function InvitationPage() {
  const { token } = route.useParams();
  const invitation = useInvitation(token);
  const me = useMe();
  // A /me that fails to load is treated as signed out: signing in is the way on from there anyway.
  const user = me.data?.user ?? null;

  if (invitation.isPending || me.isPending) {
    return (
      <Group role="status" gap="sm" justify="center" py="xl">
        <Loader size="sm" />
        <Text>Opening your invitation…</Text>
      </Group>
    );
  }
  if (invitation.isError) {
    const problem = problemOfError(invitation.error);
    if (problem) return <InvitationProblemPage problem={problem} signedIn={!!user} />;
    return (
      <CenteredPage title="We cannot open this invitation">
        <Alert role="alert" color="red" variant="light">
          {invitation.error.message}
        </Alert>
      </CenteredPage>
    );
  }

  const { joined } = invitation.data;
  if (joined) return <InvitationJoinedPage invitation={invitation.data} joined={joined} />;
  const problem = problemOfState(invitation.data.state);
  if (problem) return <InvitationProblemPage problem={problem} signedIn={!!user} />;
  return <PendingInvitation token={token} invitation={invitation.data} user={user} />;
}
