import { Button, Group, Paper, Text } from '@mantine/core';
import type { ReactNode } from 'react';

const number = new Intl.NumberFormat();

interface SelectionBarProps {
  count: number;
  /** "member", "assignment": the count is said with it. */
  noun: string;
  /** Says the count in other words ("3 selected: 2 members, 1 invitation") when one noun does not fit. */
  summary?: string;
  /** The bulk actions for the selection. */
  children: ReactNode;
  /** A line under the count, such as "Select all 1,234 matching". */
  extra?: ReactNode;
  onClear: () => void;
}

/**
 * What is ticked and what can be done with it, as in the consoles administrators know: stays at the top of the
 * screen while the list scrolls, and announces its count when it changes.
 */
export function SelectionBar({ count, noun, summary, children, extra, onClear }: SelectionBarProps) {
  return (
    <Paper
      role="region"
      aria-label="Selection"
      withBorder
      radius="md"
      p="sm"
      bg="indigo.0"
      style={{ position: 'sticky', top: 'calc(var(--app-shell-header-height, 60px) + 8px)', zIndex: 3 }}
    >
      <Group justify="space-between" gap="sm" wrap="wrap">
        <div>
          <Text size="sm" fw={600} role="status">
            {summary ?? `${number.format(count)} ${count === 1 ? noun : `${noun}s`} selected`}
          </Text>
          {extra}
        </div>
        <Group gap="xs" wrap="wrap">
          {children}
          <Button variant="subtle" size="xs" onClick={onClear}>
            Clear selection
          </Button>
        </Group>
      </Group>
    </Paper>
  );
}
