import { Box, Group, Text } from '@mantine/core';
import type { ReactNode } from 'react';

/**
 * One fact of a phone card: a small label beside its value (the table's column header, where there is no table).
 * Long values (serial numbers, emails) wrap anywhere instead of widening the card.
 */
export function FactRow({
  label,
  children,
  labelWidth = 64,
}: {
  label: string;
  children: ReactNode;
  labelWidth?: number;
}) {
  return (
    <Group gap="xs" wrap="nowrap" align="baseline">
      <Text size="xs" c="dimmed" w={labelWidth} style={{ flexShrink: 0 }}>
        {label}
      </Text>
      <Box fz="sm" style={{ minWidth: 0, flex: 1, overflowWrap: 'anywhere' }}>
        {children}
      </Box>
    </Group>
  );
}
