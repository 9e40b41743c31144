import { Stack, Text } from '@mantine/core';
import { ButtonLink } from '../../../components/links';

interface SignedOutChoicesProps {
  token: string;
  email: string;
}

/**
 * We cannot tell (and must not reveal) whether the address has an account, so both ways are offered. Each brings the
 * invited address along and comes back here afterwards; Create account also brings the token, so an account for
 * the invited address is verified by the link and joins at once (docs/adr/0014).
 */
export function SignedOutChoices({ token, email }: SignedOutChoicesProps) {
  const search = { email, redirect: `/invitations/${token}` };
  return (
    <Stack gap="sm">
      <Text size="sm">
        Sign in with <strong style={{ overflowWrap: 'anywhere' }}>{email}</strong> to accept, or create an account with
        that address.
      </Text>
      <ButtonLink to="/sign-in" search={search} fullWidth>
        Sign in
      </ButtonLink>
      <ButtonLink to="/sign-up" search={{ ...search, invitation: token }} variant="default" fullWidth>
        Create account
      </ButtonLink>
    </Stack>
  );
}
