import { Container, Group, Stack, Text, Title } from '@mantine/core';
import { usePageTitle } from '../lib/page-title';
import { ButtonLink } from './links';

export function NotFoundPage() {
  usePageTitle('Page not found');
  return (
    <Container size="sm" px={0} py="xl">
      <Stack gap="md">
        <Text c="dimmed" fw={600} size="sm">
          404
        </Text>
        <Title order={1}>Page not found</Title>
        <Text c="dimmed">
          The address may be mistyped, or the page has moved. Check the link or start again from home.
        </Text>
        <Group>
          <ButtonLink to="/">Go to home</ButtonLink>
        </Group>
      </Stack>
    </Container>
  );
}
