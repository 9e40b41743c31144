import { Alert, Button, Stack, Text } from '@mantine/core';
import { FormAlert } from '../../../components/FormAlert';
import { useSignOut } from '../../../lib/session';

interface WrongAccountNoticeProps {
  invited: string;
  signedInAs: string;
}

/**
 * The server refuses another address (EMAIL_MISMATCH), so say so before the click. Signing out keeps the invitee on
 * this page, which then offers sign-in and sign-up with the invited address.
 */
export function WrongAccountNotice({ invited, signedInAs }: WrongAccountNoticeProps) {
  const signOut = useSignOut();
  return (
    <Stack gap="sm">
      <Alert color="yellow" variant="light" title="Signed in with another address">
        <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
          This invitation was sent to <strong>{invited}</strong>; you are signed in as <strong>{signedInAs}</strong>.
          Sign out, then sign in or create an account with {invited}.
        </Text>
      </Alert>
      <FormAlert error={signOut.error} />
      <Button onClick={() => signOut.mutate()} loading={signOut.isPending} fullWidth>
        Sign out
      </Button>
    </Stack>
  );
}
