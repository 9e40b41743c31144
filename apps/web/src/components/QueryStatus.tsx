import { Alert, Group, Loader, Text } from '@mantine/core';

/** A list or page on its way: announced, so a screen reader knows something is coming. */
export function LoadingStatus({ label }: { label: string }) {
  return (
    <Group role="status" gap="sm" justify="center" py="xl">
      <Loader size="sm" />
      <Text>{label}</Text>
    </Group>
  );
}

/** A list or page that could not be read, with the API's reason. */
export function LoadError({ title, error }: { title: string; error: Error }) {
  return (
    <Alert role="alert" color="red" variant="light" title={title}>
      {error.message}
    </Alert>
  );
}
