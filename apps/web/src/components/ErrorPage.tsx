import { Alert, Button, Container, Group, Stack, Title } from '@mantine/core';
import type { ErrorComponentProps } from '@tanstack/react-router';
import { usePageTitle } from '../lib/page-title';

/** A page that failed to load (a lost connection, a server fault) offers to try again instead of a blank screen. */
export function ErrorPage({ error, reset }: ErrorComponentProps) {
  usePageTitle('Something went wrong');
  return (
    <Container size="sm" px={0} py="xl">
      <Stack gap="md">
        <Title order={1}>Something went wrong</Title>
        <Alert role="alert" color="red" variant="light">
          {error instanceof Error ? error.message : 'The page could not be shown.'}
        </Alert>
        <Group>
          <Button onClick={reset}>Try again</Button>
          <Button variant="default" component="a" href="/">
            Go to home
          </Button>
        </Group>
      </Stack>
    </Container>
  );
}
