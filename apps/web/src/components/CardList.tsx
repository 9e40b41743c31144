import { Stack, type StackProps } from '@mantine/core';
import type { ReactNode } from 'react';

/**
 * A list of cards, the phone form of a table: a real <ul> so screen readers announce a list and its length, without
 * the bullets and indent of one.
 */
export function CardList({ children, ...props }: StackProps & { 'aria-label'?: string; children: ReactNode }) {
  return (
    <Stack component="ul" gap="sm" p={0} m={0} style={{ listStyle: 'none' }} {...props}>
      {children}
    </Stack>
  );
}
