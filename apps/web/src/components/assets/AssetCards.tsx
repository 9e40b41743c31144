import { Group, Paper, Stack, Text } from '@mantine/core';
import { CardList } from '../CardList';
import { FactRow } from '../FactRow';
import { AssetStatusBadge } from './AssetStatusBadge';
import type { AssetListProps } from './AssetTable';
import { formatEnds, formatTerm, modeLabel } from './asset-format';

/** The phone form of AssetTable: one card per asset, the same facts as label and value. */
export function AssetCards({ assets, kind, label, actions }: AssetListProps) {
  return (
    <CardList aria-label={label}>
      {assets.map((asset) => (
        <Paper component="li" key={asset.id} withBorder radius="md" p="sm">
          <Stack gap={6}>
            <Group justify="space-between" align="flex-start" wrap="nowrap" gap="xs">
              <div>
                <Text size="sm" fw={600}>
                  {asset.product.name}
                </Text>
                <Text size="xs" c="dimmed">
                  {asset.product.code}
                </Text>
              </div>
              <AssetStatusBadge status={asset.status} />
            </Group>
            <FactRow label="Serial">
              <Text span size="sm" ff="monospace">
                {asset.serialDisplay}
              </Text>
            </FactRow>
            {(kind === 'license' || kind === 'all') && asset.product.kind === 'license' && (
              <>
                <FactRow label="Seats">
                  {asset.seats} total · {asset.seatsAssigned} assigned · {asset.seatsAvailable} available
                </FactRow>
                <FactRow label="Mode">{modeLabel(asset.mode)}</FactRow>
              </>
            )}
            {kind === 'ending' ? (
              <FactRow label="Ends">{formatEnds(asset)}</FactRow>
            ) : (
              <FactRow label="Term">{formatTerm(asset)}</FactRow>
            )}
            {actions && (
              <Group gap="xs" mt={4}>
                {actions(asset)}
              </Group>
            )}
          </Stack>
        </Paper>
      ))}
    </CardList>
  );
}
