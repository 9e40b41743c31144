import { Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import type { Me } from '@portico/contracts';
import { AnchorLink } from '../../../components/links';
import { NextStepCard } from './NextStepCard';
import { VerifyEmailCard } from './VerifyEmailCard';

/** Signed in: what this person can do next, which depends on whether they are verified and an operator. */
export function SignedInHome({ me }: { me: Me }) {
  const firstName = me.user.name.split(/\s+/)[0] || me.user.name;
  return (
    <Stack gap="xl">
      <Stack gap={4}>
        <Title order={1}>Hello, {firstName}</Title>
        <Text c="dimmed">Signed in as {me.user.email}</Text>
      </Stack>
      <Stack gap="md">
        <Title order={2} size="h3">
          What you can do next
        </Title>
        <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="md">
          {!me.user.emailVerified && <VerifyEmailCard email={me.user.email} />}
          {me.isOperator ? (
            <NextStepCard title="Operator area" badge="Coming soon">
              You are the operator of this instance — organizations and the catalogue arrive in the operator area soon.
            </NextStepCard>
          ) : (
            <>
              <NextStepCard title="Register a product" badge="Coming soon">
                Register a product with its serial number (coming soon).
              </NextStepCard>
              <NextStepCard title="Join your organization">
                Accept an invitation from your administrator via the link in your email.
              </NextStepCard>
            </>
          )}
          <NextStepCard title="Your account">
            Change your name or password and see where you are signed in.
            <Group mt="xs">
              <AnchorLink to="/account" fw={500}>
                Go to Account
              </AnchorLink>
            </Group>
          </NextStepCard>
        </SimpleGrid>
      </Stack>
    </Stack>
  );
}
