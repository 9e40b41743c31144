import { Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import type { Me } from '@portico/contracts';
import { AnchorLink } from '../../../components/links';
import { NextStepCard } from './NextStepCard';
import { OrganizationCards } from './OrganizationCards';
import { VerifyEmailCard } from './VerifyEmailCard';

/** Signed in: this person's organizations, then what they can do next (verified? an operator? in an organization?). */
export function SignedInHome({ me }: { me: Me }) {
  const firstName = me.user.name.split(/\s+/)[0] || me.user.name;
  const inAnOrganization = me.organizations.length > 0;
  return (
    <Stack gap="xl">
      <Stack gap={4}>
        <Title order={1}>Hello, {firstName}</Title>
        <Text c="dimmed">Signed in as {me.user.email}</Text>
      </Stack>
      <OrganizationCards me={me} />
      <Stack gap="md">
        <Title order={2} size="h3">
          What you can do next
        </Title>
        <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="md">
          {!me.user.emailVerified && <VerifyEmailCard email={me.user.email} />}
          {me.isOperator && (
            <NextStepCard title="Operator area">
              Create organizations, keep the product catalogue and give organizations their assets.
              <Group mt="xs">
                <AnchorLink to="/operator" fw={500}>
                  Open the operator area
                </AnchorLink>
              </Group>
            </NextStepCard>
          )}
          <NextStepCard title="Register a product">
            Enter a serial number from your order confirmation to find your organization
            {inAnOrganization ? ' or add another one.' : ', and become its administrator if it has none yet.'}
            <Group mt="xs">
              <AnchorLink to="/register" fw={500}>
                Register product
              </AnchorLink>
            </Group>
          </NextStepCard>
          {!inAnOrganization && (
            <NextStepCard title="Join your organization">
              Accept an invitation from your administrator via the link in your email.
            </NextStepCard>
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
