import { Alert, Stack, Title } from '@mantine/core';
import { AnchorLink } from '../../../components/links';

/** A member who follows a link to the Members page: told why there is nothing here, and where to look instead. */
export function NotAdministrator({ org }: { org: string }) {
  return (
    <Stack gap="md" maw={640}>
      <Title order={1}>Members</Title>
      <Alert color="blue" variant="light" title="Only administrators see the members list">
        Your organization’s administrators invite and manage its members.{' '}
        <AnchorLink to="/orgs/$org" params={{ org }}>
          See who they are
        </AnchorLink>
        .
      </Alert>
    </Stack>
  );
}
