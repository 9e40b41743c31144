import { Paper, Stack, Text, UnstyledButton } from '@mantine/core';
import type { MailboxMessage } from '@portico/contracts';
import { formatDateTime, formatRelative } from '../../../lib/format';
import classes from './MessageList.module.css';

interface MessageListProps {
  messages: MailboxMessage[];
  selectedId: string | null;
  onSelect: (id: string) => void;
}

export function MessageList({ messages, selectedId, onSelect }: MessageListProps) {
  if (messages.length === 0) {
    return (
      <Paper withBorder radius="md" p="lg">
        <Text c="dimmed" size="sm">
          No messages yet. Sign up or ask for a password reset and the email appears here.
        </Text>
      </Paper>
    );
  }

  return (
    <Paper withBorder radius="md" component="nav" aria-label="Messages" style={{ overflow: 'hidden' }}>
      <Stack component="ul" gap={0} className={classes.list}>
        {messages.map((message) => (
          <li key={message.id}>
            <UnstyledButton
              className={classes.item}
              data-selected={message.id === selectedId || undefined}
              aria-current={message.id === selectedId ? 'true' : undefined}
              onClick={() => onSelect(message.id)}
            >
              <Text size="sm" fw={600} lineClamp={1}>
                {message.subject}
              </Text>
              <Text size="xs" c="dimmed" lineClamp={1}>
                To {message.to}
              </Text>
              <Text size="xs" c="dimmed" title={formatDateTime(message.createdAt)}>
                {formatRelative(message.createdAt)}
              </Text>
            </UnstyledButton>
          </li>
        ))}
      </Stack>
    </Paper>
  );
}
