import { Progress, Stack, Text } from '@mantine/core';
import type { Asset } from '@portico/contracts';

const number = new Intl.NumberFormat();

/** "3 of 5 assigned · 2 available". */
export function seatsText(asset: Pick<Asset, 'seats' | 'seatsAssigned' | 'seatsAvailable'>): string {
  return `${number.format(asset.seatsAssigned)} of ${number.format(asset.seats)} assigned · ${number.format(asset.seatsAvailable)} available`;
}

/**
 * Seats total, assigned and available (SPEC §2.2) as a bar with its numbers in words beside it: the bar is a
 * progressbar whose value is the seats assigned, so a screen reader hears the same numbers the eye reads.
 */
export function SeatsBar({
  asset,
  label,
}: {
  asset: Pick<Asset, 'seats' | 'seatsAssigned' | 'seatsAvailable'>;
  label: string;
}) {
  const full = asset.seatsAvailable <= 0;
  const text = seatsText(asset);
  return (
    <Stack gap={4} miw={160}>
      <Progress.Root
        size="md"
        role="progressbar"
        aria-label={label}
        aria-valuemin={0}
        aria-valuemax={asset.seats}
        aria-valuenow={asset.seatsAssigned}
        aria-valuetext={text}
      >
        <Progress.Section
          withAria={false}
          value={asset.seats ? Math.min(100, (asset.seatsAssigned / asset.seats) * 100) : 0}
          color={full ? 'orange.8' : 'indigo'}
        />
      </Progress.Root>
      <Text size="sm" style={{ whiteSpace: 'nowrap' }}>
        {text}
      </Text>
    </Stack>
  );
}
