import { Badge, Card, Group, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import classes from './Home.module.css';

interface NextStepCardProps {
  title: string;
  badge?: string;
  children: ReactNode;
}

export function NextStepCard({ title, badge, children }: NextStepCardProps) {
  return (
    <Card withBorder radius="md" padding="lg" className={classes.card}>
      <Group justify="space-between" align="flex-start" wrap="nowrap" gap="xs">
        <Title order={3} size="h4">
          {title}
        </Title>
        {badge && (
          <Badge variant="light" color="gray" style={{ flexShrink: 0 }}>
            {badge}
          </Badge>
        )}
      </Group>
      <Text size="sm" c="dimmed" component="div">
        {children}
      </Text>
    </Card>
  );
}
