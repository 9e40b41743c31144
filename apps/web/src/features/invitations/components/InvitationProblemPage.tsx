import { Group, Stack, Text } from '@mantine/core';
import { CenteredPage } from '../../../components/CenteredPage';
import { ButtonLink } from '../../../components/links';
import type { InvitationProblem } from '../problems';

const askForNew = 'Ask your administrator to send a new invitation.';

/** Each refusal has its own heading and says what to do next, so the invitee knows which case this is. */
const pages: Record<InvitationProblem, { title: string; text: string }> = {
  expired: {
    title: 'Invitation expired',
    text: `This invitation is no longer valid: invitations expire after a few days. ${askForNew}`,
  },
  replaced: {
    title: 'Invitation expired',
    text: `A newer invitation replaced this one: use the link in the latest email. If you cannot find it, ${askForNew.toLowerCase()}`,
  },
  revoked: {
    title: 'This invitation was revoked',
    text: `An administrator withdrew this invitation, so it cannot be accepted. If you still need access, ${askForNew.toLowerCase()}`,
  },
  used: {
    title: 'This invitation was already used',
    text: 'An invitation can be accepted once, and this one has been. If it was you, sign in to reach the organization.',
  },
  invalid: {
    title: 'This link is not valid',
    text: 'The link may be incomplete: copy the whole link from the invitation email. If it still does not work, ask your administrator to send a new invitation.',
  },
};

interface InvitationProblemPageProps {
  problem: InvitationProblem;
  signedIn: boolean;
}

export function InvitationProblemPage({ problem, signedIn }: InvitationProblemPageProps) {
  const { title, text } = pages[problem];
  return (
    <CenteredPage title={title}>
      <Stack>
        <Text>{text}</Text>
        <Group>
          {/* Signed in already: sign-in would only bounce to home, so go there directly. */}
          {problem === 'used' && !signedIn ? (
            <ButtonLink to="/sign-in">Sign in</ButtonLink>
          ) : (
            <ButtonLink to="/" variant={problem === 'used' ? 'filled' : 'default'}>
              Go to home
            </ButtonLink>
          )}
        </Group>
      </Stack>
    </CenteredPage>
  );
}
