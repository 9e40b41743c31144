import { Text } from '@mantine/core';
import type { Asset } from '@portico/contracts';
import { heldOfflineText } from './licensing-format';

/**
 * Under an asset's seats: seats a revoked license's offline lease still holds, and when the first frees (SPEC §2.5).
 * Without it "3 of 5 assigned · 1 available" would not add up.
 */
export function HeldOfflineNote({ asset }: { asset: Pick<Asset, 'seatsHeldOffline' | 'nextSeatFreeAt'> }) {
  const text = heldOfflineText(asset);
  if (!text) return null;
  return (
    <Text size="xs" c="dimmed" maw={260}>
      {text}
    </Text>
  );
}
