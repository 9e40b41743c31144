import { Alert, Stack, Text } from '@mantine/core';
import { AnchorLink } from '../../../components/links';
import { useDevMailboxEnabled } from '../../../lib/instance';
import { ResendVerification } from './ResendVerification';

/** Sign-in answered EMAIL_NOT_VERIFIED: say what to do and offer the way out on the spot. */
export function UnverifiedNotice({ email }: { email: string }) {
  const devMailbox = useDevMailboxEnabled();
  return (
    <Alert role="alert" color="yellow" variant="light" title="Verify your email address first">
      <Stack gap="sm">
        <Text size="sm">
          Open the link we sent to {email ? <strong>{email}</strong> : 'your address'} when you signed up, then sign in
          again. The link may have expired: send a new one.
          {devMailbox && (
            <>
              {' '}
              <AnchorLink to="/dev/mailbox" size="sm">
                Open the dev mailbox
              </AnchorLink>
            </>
          )}
        </Text>
        <ResendVerification email={email || undefined} variant="default" />
      </Stack>
    </Alert>
  );
}
