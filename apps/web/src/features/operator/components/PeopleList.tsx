import { Group, Paper, Stack, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { CardList } from '../../../components/CardList';

interface Person {
  userId: string;
  name: string;
  email: string;
}

/** Administrators and operators: a name, an email address and one action each; fits a phone as it is. */
export function PeopleList({
  people,
  label,
  action,
}: {
  people: Person[];
  label: string;
  action: (p: Person) => ReactNode;
}) {
  return (
    <CardList gap="xs" aria-label={label}>
      {people.map((person) => (
        <Paper component="li" key={person.userId} withBorder radius="md" px="sm" py="xs">
          <Group justify="space-between" wrap="nowrap" gap="sm">
            <Stack gap={0} style={{ minWidth: 0 }}>
              <Text size="sm" fw={600} truncate="end">
                {person.name}
              </Text>
              <Text size="xs" c="dimmed" truncate="end">
                {person.email}
              </Text>
            </Stack>
            {action(person)}
          </Group>
        </Paper>
      ))}
    </CardList>
  );
}
