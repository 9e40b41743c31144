import { Button, Stack } from '@mantine/core';
import type { InvitationView, User } from '@portico/contracts';
import { useNavigate } from '@tanstack/react-router';
import { CenteredPage } from '../../../components/CenteredPage';
import { FormAlert } from '../../../components/FormAlert';
import { useAcceptInvitation } from '../api';
import { problemOfError, sameEmail } from '../problems';
import { InvitationProblemPage } from './InvitationProblemPage';
import { InvitationSummary } from './InvitationSummary';
import { SignedOutChoices } from './SignedOutChoices';
import { WrongAccountNotice } from './WrongAccountNotice';

interface PendingInvitationProps {
  token: string;
  invitation: InvitationView;
  user: User | null;
}

export function PendingInvitation({ token, invitation, user }: PendingInvitationProps) {
  const navigate = useNavigate();
  const accept = useAcceptInvitation();

  // Expired, revoked or used between loading the page and the click: the same page as on arrival.
  const refused = problemOfError(accept.error);
  if (refused) return <InvitationProblemPage problem={refused} signedIn />;

  const onAccept = () =>
    accept.mutate(token, {
      onSuccess: ({ organization }) =>
        navigate({
          to: '/invitations/$token/welcome',
          params: { token },
          search: { org: organization.id },
          replace: true,
        }),
    });

  return (
    <CenteredPage title={`Join ${invitation.organization.name}`}>
      <Stack gap="lg">
        <InvitationSummary invitation={invitation} />
        {!user ? (
          <SignedOutChoices token={token} email={invitation.email} />
        ) : !sameEmail(user.email, invitation.email) ? (
          <WrongAccountNotice invited={invitation.email} signedInAs={user.email} />
        ) : (
          <Stack gap="sm">
            {/* EMAIL_MISMATCH lands here too: its message names the invited address. */}
            <FormAlert error={accept.error} />
            <Button onClick={onAccept} loading={accept.isPending} fullWidth>
              Accept invitation
            </Button>
          </Stack>
        )}
      </Stack>
    </CenteredPage>
  );
}
