import { Group, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';

interface OrganizationPageHeaderProps {
  /** The organization's name above the title; null for an operator on an organization they do not belong to. */
  organization: string | null;
  title: string;
  description?: ReactNode;
  /** The page's main action (Invite Member, Export CSV), right of the title, below it on a phone. */
  action?: ReactNode;
}

/** The head of an organization's administrator pages: whose page it is, what it is, and its main action. */
export function OrganizationPageHeader({ organization, title, description, action }: OrganizationPageHeaderProps) {
  return (
    <Group justify="space-between" align="flex-end" wrap="wrap" gap="sm">
      <Stack gap={2}>
        {organization && (
          <Text size="sm" c="dimmed" fw={600}>
            {organization}
          </Text>
        )}
        <Title order={1}>{title}</Title>
        {description && (
          <Text size="sm" c="dimmed">
            {description}
          </Text>
        )}
      </Stack>
      {action}
    </Group>
  );
}
