import { Alert, Grid, Group, Loader, Stack, Text, Title } from '@mantine/core';
import { useRef, useState } from 'react';
import { isApiError } from '../../../lib/api';
import { usePageTitle } from '../../../lib/page-title';
import { useMailbox } from '../api';
import { MessageList } from './MessageList';
import { MessageView } from './MessageView';

export function MailboxPage() {
  usePageTitle('Dev mailbox');
  const mailbox = useMailbox();
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const viewHeading = useRef<HTMLHeadingElement>(null);

  const messages = mailbox.data?.messages ?? [];
  const selected = messages.find((message) => message.id === selectedId) ?? null;

  // Moving focus to the message puts keyboard and screen-reader users (and phone users, below the list) on it.
  const select = (id: string) => {
    setSelectedId(id);
    requestAnimationFrame(() => viewHeading.current?.focus());
  };

  return (
    <Stack gap="lg">
      <Stack gap={4}>
        <Title order={1}>Dev mailbox</Title>
        {!isApiError(mailbox.error, 'NOT_FOUND') && (
          <Text c="dimmed">
            Every email this instance would send, kept here because no mail server is configured. Newest first; the list
            refreshes every few seconds.
          </Text>
        )}
      </Stack>
      <MailboxBody
        state={mailbox}
        list={<MessageList messages={messages} selectedId={selected?.id ?? null} onSelect={select} />}
        view={selected ? <MessageView message={selected} headingRef={viewHeading} /> : <NoSelection />}
      />
    </Stack>
  );
}

interface MailboxBodyProps {
  state: ReturnType<typeof useMailbox>;
  list: React.ReactNode;
  view: React.ReactNode;
}

function MailboxBody({ state, list, view }: MailboxBodyProps) {
  if (state.isPending) {
    return (
      <Group role="status" gap="sm">
        <Loader size="sm" />
        <Text>Loading messages…</Text>
      </Group>
    );
  }
  if (isApiError(state.error, 'NOT_FOUND')) {
    return (
      <Alert color="blue" variant="light">
        The dev mailbox is off: this instance sends real email.
      </Alert>
    );
  }
  if (state.isError && !state.data) {
    return (
      <Alert role="alert" color="red" variant="light" title="The mailbox could not be loaded">
        {state.error.message}
      </Alert>
    );
  }
  return (
    <Grid gap="lg">
      <Grid.Col span={{ base: 12, md: 5 }}>{list}</Grid.Col>
      <Grid.Col span={{ base: 12, md: 7 }}>{view}</Grid.Col>
    </Grid>
  );
}

function NoSelection() {
  return (
    <Text c="dimmed" size="sm" visibleFrom="md">
      Select a message to read it.
    </Text>
  );
}
