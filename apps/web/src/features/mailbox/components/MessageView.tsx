import { Anchor, Code, Paper, Stack, Tabs, Text, Title } from '@mantine/core';
import type { MailboxMessage } from '@portico/contracts';
import type { Ref } from 'react';
import { formatDateTime } from '../../../lib/format';
import classes from './MessageView.module.css';

interface MessageViewProps {
  message: MailboxMessage;
  headingRef: Ref<HTMLHeadingElement>;
}

/**
 * Opens the email's links in a new tab: without a target they would load inside the sandboxed frame. `base` with
 * only a target is allowed by the server's CSP (`base-uri` restricts href).
 */
function htmlDocument(html: string): string {
  const base = '<base target="_blank">';
  return /<head[^>]*>/i.test(html) ? html.replace(/<head[^>]*>/i, (head) => `${head}${base}`) : `${base}${html}`;
}

export function MessageView({ message, headingRef }: MessageViewProps) {
  return (
    <Paper withBorder radius="md" p={{ base: 'md', sm: 'lg' }} component="article" aria-labelledby="message-subject">
      <Stack gap="md">
        <Stack gap={4}>
          <Title order={2} size="h3" id="message-subject" ref={headingRef} tabIndex={-1} className={classes.heading}>
            {message.subject}
          </Title>
          <Text size="sm" c="dimmed">
            To <strong>{message.to}</strong> · {formatDateTime(message.createdAt)}
          </Text>
        </Stack>

        {message.links.length > 0 && (
          <Stack gap={4}>
            <Title order={3} size="h5">
              Links
            </Title>
            <Stack component="ul" gap={4} className={classes.links}>
              {message.links.map((link) => (
                <li key={link}>
                  <Anchor href={link} size="sm" className={classes.link}>
                    {link}
                  </Anchor>
                </li>
              ))}
            </Stack>
          </Stack>
        )}

        <Tabs defaultValue="text" keepMounted={false}>
          <Tabs.List>
            <Tabs.Tab value="text">Text</Tabs.Tab>
            <Tabs.Tab value="html">HTML</Tabs.Tab>
          </Tabs.List>
          <Tabs.Panel value="text" pt="sm">
            <Code block className={classes.text}>
              {message.text}
            </Code>
          </Tabs.Panel>
          <Tabs.Panel value="html" pt="sm">
            {/* No allow-scripts: the email's HTML is shown, never run. Popups may open so its links still work. */}
            <iframe
              title={`HTML part of "${message.subject}"`}
              sandbox="allow-popups allow-popups-to-escape-sandbox"
              srcDoc={htmlDocument(message.html)}
              className={classes.frame}
            />
          </Tabs.Panel>
        </Tabs>
      </Stack>
    </Paper>
  );
}
