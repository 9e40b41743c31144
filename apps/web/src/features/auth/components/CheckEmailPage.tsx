import { Stack, Text } from '@mantine/core';
import { getRouteApi } from '@tanstack/react-router';
import { CenteredPage } from '../../../components/CenteredPage';
import { DevMailboxNote } from '../../../components/DevMailboxNote';
import { AnchorLink } from '../../../components/links';
import { ResendVerification } from './ResendVerification';

const route = getRouteApi('/check-email');

export function CheckEmailPage() {
  const { email, redirect } = route.useSearch();
  return (
    <CenteredPage
      title="Check your email"
      footer={
        <>
          Verified already?{' '}
          <AnchorLink to="/sign-in" search={{ email, redirect }}>
            Sign in
          </AnchorLink>
        </>
      }
    >
      <Stack>
        <Text>
          {email ? (
            <>
              We sent a link to <strong>{email}</strong>.
            </>
          ) : (
            'We sent you a link.'
          )}{' '}
          Open it to verify your email address, then sign in. The link works once and expires after a while.
        </Text>
        <Text size="sm" c="dimmed">
          Nothing arrived? Look in your spam folder, or send a new link.
        </Text>
        <ResendVerification email={email} />
        <DevMailboxNote />
      </Stack>
    </CenteredPage>
  );
}
