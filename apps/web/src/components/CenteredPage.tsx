import { Container, Paper, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { usePageTitle } from '../lib/page-title';

interface CenteredPageProps {
  title: string;
  description?: ReactNode;
  children: ReactNode;
  /** Shown under the card, e.g. "No account yet? Create one". */
  footer?: ReactNode;
}

/** The narrow single-card layout of the sign-in, sign-up and email-link pages; sets the page title too. */
export function CenteredPage({ title, description, children, footer }: CenteredPageProps) {
  usePageTitle(title);
  return (
    <Container size={460} px={0} py={{ base: 'md', sm: 'xl' }}>
      <Stack gap="lg">
        <Stack gap={6}>
          <Title order={1} size="h2">
            {title}
          </Title>
          {description && <Text c="dimmed">{description}</Text>}
        </Stack>
        <Paper withBorder shadow="xs" radius="md" p={{ base: 'md', sm: 'xl' }}>
          {children}
        </Paper>
        {footer && (
          <Text size="sm" ta="center" c="dimmed">
            {footer}
          </Text>
        )}
      </Stack>
    </Container>
  );
}
