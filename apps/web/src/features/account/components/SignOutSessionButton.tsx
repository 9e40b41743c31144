import { Button } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import type { Session } from '@portico/contracts';
import { formatRelative } from '../../../lib/format';
import { useRevokeSession } from '../api';

export function SignOutSessionButton({ session, device }: { session: Session; device: string }) {
  const revoke = useRevokeSession();
  const signOut = () =>
    revoke.mutate(session.id, {
      onSuccess: () => notifications.show({ color: 'teal', message: `Signed out ${device}.` }),
      onError: (error) => notifications.show({ color: 'red', message: error.message }),
    });

  return (
    <Button
      size="xs"
      variant="light"
      color="red"
      onClick={signOut}
      loading={revoke.isPending}
      // The visible "Sign out" comes first so voice control still finds it; the rest says which session.
      aria-label={`Sign out ${device}, last active ${formatRelative(session.lastActiveAt)}`}
    >
      Sign out
    </Button>
  );
}
