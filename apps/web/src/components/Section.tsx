import { Group, Paper, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';

interface SectionProps {
  /** Anchor for links to the section (/account#password, /orgs/…#products). */
  id: string;
  title: string;
  description?: ReactNode;
  /** Buttons beside the heading, e.g. "Add asset". */
  actions?: ReactNode;
  /** Heading level: 3 when the page already has a level-2 heading above its sections. */
  order?: 2 | 3;
  children: ReactNode;
}

export function Section({ id, title, description, actions, order = 2, children }: SectionProps) {
  const headingId = `${id}-heading`;
  return (
    <Paper
      component="section"
      id={id}
      aria-labelledby={headingId}
      withBorder
      radius="md"
      p={{ base: 'md', sm: 'lg' }}
      // Scrolled-to sections (#password, #products) stop below the fixed header, not under it.
      style={{ scrollMarginTop: 'calc(var(--app-shell-header-height, 60px) + var(--mantine-spacing-md))' }}
    >
      <Stack gap="md">
        <Group justify="space-between" align="flex-start" gap="sm">
          <Stack gap={4} style={{ flex: '1 1 240px' }}>
            <Title order={order} size="h3" id={headingId}>
              {title}
            </Title>
            {description && (
              <Text size="sm" c="dimmed">
                {description}
              </Text>
            )}
          </Stack>
          {actions && <Group gap="xs">{actions}</Group>}
        </Group>
        {children}
      </Stack>
    </Paper>
  );
}
