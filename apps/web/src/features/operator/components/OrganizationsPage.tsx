import { Alert, Button, Loader, Stack, Text, TextInput } from '@mantine/core';
import { useDebouncedValue, useDisclosure } from '@mantine/hooks';
import { useState } from 'react';
import { LoadMoreButton } from '../../../components/LoadMoreButton';
import { Section } from '../../../components/Section';
import { usePageTitle } from '../../../lib/page-title';
import { useOrganizations } from '../api';
import { CreateOrganizationDialog } from './CreateOrganizationDialog';
import { OrganizationsList } from './OrganizationsList';

export function OrganizationsPage() {
  usePageTitle('Organizations · Operator');
  const [search, setSearch] = useState('');
  // One request per pause in typing, not per key.
  const [q] = useDebouncedValue(search.trim(), 300);
  const list = useOrganizations(q);
  const [creating, dialog] = useDisclosure(false);
  const items = list.data?.pages.flatMap((page) => page.items) ?? [];

  return (
    <Section
      id="organizations"
      title="Organizations"
      description="Every customer organization. Create one before adding its assets."
      actions={<Button onClick={dialog.open}>Create organization</Button>}
    >
      <TextInput
        type="search"
        label="Search organizations"
        placeholder="Name or code"
        value={search}
        onChange={(event) => setSearch(event.currentTarget.value)}
        maw={420}
      />
      {list.isPending ? (
        <Loader size="sm" aria-label="Loading organizations" />
      ) : list.isError ? (
        <Alert role="alert" color="red" variant="light">
          {list.error.message}
        </Alert>
      ) : (
        <Stack gap="sm">
          <Text size="sm" c="dimmed" role="status">
            {items.length === 0
              ? q
                ? `No organization matches “${q}”.`
                : 'No organizations yet.'
              : `${items.length}${list.hasNextPage ? '+' : ''} ${items.length === 1 ? 'organization' : 'organizations'}`}
          </Text>
          <OrganizationsList organizations={items} />
          <LoadMoreButton query={list} />
        </Stack>
      )}
      <CreateOrganizationDialog opened={creating} onClose={dialog.close} />
    </Section>
  );
}
