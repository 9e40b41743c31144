import { Group } from '@mantine/core';
import { ButtonLink } from '../../components/links';

export function SignedOutActions() {
  return (
    <Group gap="xs" wrap="nowrap">
      <ButtonLink to="/sign-in" variant="subtle">
        Sign in
      </ButtonLink>
      <ButtonLink to="/sign-up" visibleFrom="xs">
        Create account
      </ButtonLink>
    </Group>
  );
}
