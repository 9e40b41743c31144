import { Table, Text, VisuallyHidden } from '@mantine/core';
import type { Asset } from '@portico/contracts';
import type { ReactNode } from 'react';
import { AssetStatusBadge } from './AssetStatusBadge';
import { formatEnds, formatTerm, modeLabel } from './asset-format';

export interface AssetListProps {
  assets: Asset[];
  /**
   * Services have no seats to hand out or licensing mode, so their lists leave those columns out; "ending" lists
   * subscriptions about to end, with the end date instead of the whole term.
   */
  kind: 'license' | 'service' | 'all' | 'ending';
  /** Names the table for screen readers, e.g. "Products". */
  label: string;
  /** Row buttons (the operator's Edit, Suspend); they name their asset in their accessible names. */
  actions?: (asset: Asset) => ReactNode;
}

export function AssetTable({ assets, kind, label, actions }: AssetListProps) {
  const seats = kind === 'license' || kind === 'all';
  return (
    // The serial alone is ~30 characters: between phone and desktop widths the table scrolls rather than squeezes.
    <Table.ScrollContainer minWidth={seats ? 860 : 560}>
      <Table verticalSpacing="sm" highlightOnHover aria-label={label}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">Product</Table.Th>
            <Table.Th scope="col">Serial number</Table.Th>
            {seats && (
              <>
                <Table.Th scope="col" ta="right">
                  Seats
                </Table.Th>
                <Table.Th scope="col" ta="right">
                  Assigned
                </Table.Th>
                <Table.Th scope="col" ta="right">
                  Available
                </Table.Th>
                <Table.Th scope="col">Mode</Table.Th>
              </>
            )}
            <Table.Th scope="col">{kind === 'ending' ? 'Ends' : 'Term'}</Table.Th>
            <Table.Th scope="col">Status</Table.Th>
            {actions && (
              <Table.Th scope="col">
                <VisuallyHidden>Actions</VisuallyHidden>
              </Table.Th>
            )}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {assets.map((asset) => (
            <Table.Tr key={asset.id}>
              <Table.Td>
                <Text size="sm" fw={500}>
                  {asset.product.name}
                </Text>
                <Text size="xs" c="dimmed">
                  {asset.product.code}
                </Text>
              </Table.Td>
              <Table.Td>
                <Text size="sm" ff="monospace" style={{ whiteSpace: 'nowrap' }}>
                  {asset.serialDisplay}
                </Text>
              </Table.Td>
              {seats && asset.product.kind === 'license' && (
                <>
                  <Table.Td ta="right">{asset.seats}</Table.Td>
                  <Table.Td ta="right">{asset.seatsAssigned}</Table.Td>
                  <Table.Td ta="right">{asset.seatsAvailable}</Table.Td>
                  <Table.Td>{modeLabel(asset.mode)}</Table.Td>
                </>
              )}
              {/* A service in a mixed list: it has no seats and no mode (docs/api.md), not "0 of 0". */}
              {seats && asset.product.kind === 'service' && (
                <Table.Td colSpan={4}>
                  <Text size="sm" c="dimmed">
                    Service: no seats
                  </Text>
                </Table.Td>
              )}
              <Table.Td>
                <Text size="sm" style={{ whiteSpace: 'nowrap' }}>
                  {kind === 'ending' ? formatEnds(asset) : formatTerm(asset)}
                </Text>
              </Table.Td>
              <Table.Td>
                <AssetStatusBadge status={asset.status} />
              </Table.Td>
              {actions && <Table.Td ta="right">{actions(asset)}</Table.Td>}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
