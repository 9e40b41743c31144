import { Group } from '@mantine/core';
import { ButtonLink } from '../../../components/links';
import { NextStepCard } from './NextStepCard';

/** Unverified accounts cannot accept invitations or register serials (SPEC §2.1), so this comes first. */
export function VerifyEmailCard({ email }: { email: string }) {
  return (
    <NextStepCard title="Verify your email" badge="Needed">
      Open the link we sent to <strong>{email}</strong>. Until then you cannot accept an invitation or register a
      product.
      <Group mt="sm">
        <ButtonLink to="/check-email" search={{ email }} size="xs" variant="light">
          Send a new link
        </ButtonLink>
      </Group>
    </NextStepCard>
  );
}
