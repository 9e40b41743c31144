import { Center, Loader } from '@mantine/core';

export function PendingPage() {
  return (
    <Center py="xl" role="status">
      <Loader aria-label="Loading page" />
    </Center>
  );
}
