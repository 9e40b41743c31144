import { Alert, Stack, Title } from '@mantine/core';
import { usePageTitle } from '../../../lib/page-title';

export function MemberNotice({ name }: { name: string }) {
  usePageTitle(name);
  return (
    <Stack gap="md" maw={640}>
      <Title order={1}>{name}</Title>
      <Alert color="blue" variant="light" title="You are a member of this organization">
        Its administrators manage its products and hand out seats. Ask one of them when you need a license.
      </Alert>
    </Stack>
  );
}
