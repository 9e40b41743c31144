import { Group, SimpleGrid, Stack, Title } from '@mantine/core';
import type { Me } from '@portico/contracts';
import { ButtonLink } from '../../../components/links';
import { NextStepCard } from './NextStepCard';

/** The organizations this person belongs to, and those they registered a serial of but have not claimed yet. */
export function OrganizationCards({ me }: { me: Me }) {
  if (me.organizations.length === 0 && me.claimable.length === 0) return null;
  return (
    <Stack gap="md">
      <Title order={2} size="h3">
        Your organizations
      </Title>
      <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="md">
        {me.claimable.map((org) => (
          <NextStepCard key={org.id} title={`Finish claiming ${org.name}`} badge="Needed">
            You registered one of its serial numbers. Verify its name and become its administrator.
            <Group mt="sm">
              <ButtonLink to="/orgs/$org/claim" params={{ org: org.id }} size="xs">
                Finish claiming {org.name}
              </ButtonLink>
            </Group>
          </NextStepCard>
        ))}
        {me.organizations.map((org) => (
          <NextStepCard key={org.id} title={org.name} badge={org.rights === 'admin' ? 'Administrator' : 'Member'}>
            {org.rights === 'admin'
              ? 'See its products and services, their seats and their terms.'
              : 'Its administrators manage its products and hand out seats.'}
            <Group mt="sm">
              <ButtonLink to="/orgs/$org" params={{ org: org.id }} size="xs" variant="light">
                {org.rights === 'admin' ? 'Open admin portal' : `Open ${org.name}`}
              </ButtonLink>
            </Group>
          </NextStepCard>
        ))}
      </SimpleGrid>
    </Stack>
  );
}
