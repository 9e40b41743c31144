import { Group, Paper, Stack, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { CardList } from '../CardList';
import { AssetStatusBadge } from './AssetStatusBadge';
import type { AssetListProps } from './AssetTable';
import { formatEnds, formatTerm, modeLabel } from './asset-format';

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Group gap="xs" wrap="nowrap" align="baseline">
      <Text size="xs" c="dimmed" w={64} style={{ flexShrink: 0 }}>
        {label}
      </Text>
      <Text size="sm" component="div" style={{ minWidth: 0, overflowWrap: 'anywhere' }}>
        {children}
      </Text>
    </Group>
  );
}

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
            <Fact label="Serial">
              <Text span size="sm" ff="monospace">
                {asset.serialDisplay}
              </Text>
            </Fact>
            {(kind === 'license' || kind === 'all') && (
              <>
                <Fact label="Seats">
                  {asset.seats} total · {asset.seatsAssigned} assigned · {asset.seatsAvailable} available
                </Fact>
                <Fact label="Mode">{modeLabel(asset.mode)}</Fact>
              </>
            )}
            {kind === 'ending' ? (
              <Fact label="Ends">{formatEnds(asset)}</Fact>
            ) : (
              <Fact label="Term">{formatTerm(asset)}</Fact>
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
