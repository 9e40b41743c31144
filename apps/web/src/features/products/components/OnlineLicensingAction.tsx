import { Button, Stack, Text } from '@mantine/core';
import type { Asset } from '@portico/contracts';
import { useId } from 'react';

/** Why Enable online licensing cannot be used on this asset, or null when it can (SPEC §2.5). */
export function onlineRefusal(asset: Pick<Asset, 'mode' | 'product'>): string | null {
  if (asset.product.kind === 'service') return 'Services have no licensing mode.';
  if (asset.mode === 'online') return 'Online licensing is already on.';
  return null;
}

interface OnlineLicensingActionProps {
  asset: Asset;
  onEnable: (asset: Asset) => void;
  /** In a table row or beside a fact: the small button. */
  compact?: boolean;
  /** flex-end in a right-aligned table cell. */
  align?: 'flex-start' | 'flex-end';
}

/**
 * Enable online licensing, or the same button disabled with the reason beside it. aria-disabled rather than
 * disabled, so the button stays reachable by keyboard and a screen reader reads the reason with it.
 */
export function OnlineLicensingAction({ asset, onEnable, compact, align = 'flex-start' }: OnlineLicensingActionProps) {
  const reasonId = useId();
  const refusal = onlineRefusal(asset);
  return (
    <Stack gap={2} align={align}>
      <Button
        size={compact ? 'xs' : 'sm'}
        variant={refusal || compact ? 'default' : 'filled'}
        data-disabled={refusal ? true : undefined}
        aria-disabled={refusal ? true : undefined}
        aria-describedby={refusal ? reasonId : undefined}
        aria-label={compact ? `Enable online licensing for ${asset.product.name} ${asset.serialDisplay}` : undefined}
        onClick={() => !refusal && onEnable(asset)}
      >
        Enable online licensing
      </Button>
      {refusal && (
        <Text id={reasonId} size="xs" c="dimmed">
          {refusal}
        </Text>
      )}
    </Stack>
  );
}
