import { Alert, Group, Loader, Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { getRouteApi } from '@tanstack/react-router';
import { CenteredPage } from '../../../components/CenteredPage';
import { ButtonLink } from '../../../components/links';
import { isApiError } from '../../../lib/api';
import { recallReturnTo } from '../../../lib/return-to';
import { verifyEmailQueryOptions } from '../api';
import { ResendVerification } from './ResendVerification';

const route = getRouteApi('/verify-email');

export function VerifyEmailPage() {
  const { token } = route.useSearch();
  if (!token)
    return <VerifyFailed reason="This link has no token. Copy the whole link from the email, or get a new one." />;
  return <VerifyToken token={token} />;
}

function VerifyToken({ token }: { token: string }) {
  const verification = useQuery(verifyEmailQueryOptions(token));
  // Left by sign-up when it started from a page to return to, such as an invitation (lib/return-to).
  const returnTo = recallReturnTo();

  if (verification.isPending) {
    return (
      <CenteredPage title="Verifying your email">
        <Group role="status" gap="sm">
          <Loader size="sm" />
          <Text>Checking your link…</Text>
        </Group>
      </CenteredPage>
    );
  }

  if (verification.isError) {
    const reason = isApiError(verification.error, 'INVALID_TOKEN')
      ? 'This link has expired or is not valid. It may have been used already.'
      : verification.error.message;
    return <VerifyFailed reason={reason} />;
  }

  return (
    <CenteredPage title="Your email is verified">
      <Stack>
        <Text>
          Thank you. You can now sign in to Portico
          {returnTo?.redirect.startsWith('/invitations/') ? ' and accept your invitation' : ''}.
        </Text>
        <ButtonLink to="/sign-in" search={{ email: returnTo?.email, redirect: returnTo?.redirect }}>
          Sign in
        </ButtonLink>
      </Stack>
    </CenteredPage>
  );
}

function VerifyFailed({ reason }: { reason: string }) {
  return (
    <CenteredPage title="We could not verify your email">
      <Stack>
        <Alert role="alert" color="red" variant="light" title="The link did not work">
          {reason}
        </Alert>
        <Text>Enter your email address and we will send you a new link.</Text>
        <ResendVerification variant="filled" />
      </Stack>
    </CenteredPage>
  );
}
