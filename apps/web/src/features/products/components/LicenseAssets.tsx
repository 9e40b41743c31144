import { Box, Group, Paper, Stack, Table, Text, VisuallyHidden } from '@mantine/core';
import type { Asset } from '@portico/contracts';
import { AssetStatusBadge } from '../../../components/assets/AssetStatusBadge';
import { formatTerm, modeLabel } from '../../../components/assets/asset-format';
import { SeatsBar } from '../../../components/assets/SeatsBar';
import { CardList } from '../../../components/CardList';
import { FactRow } from '../../../components/FactRow';
import { HeldOfflineNote } from '../../../components/licensing/HeldOfflineNote';
import { AnchorLink } from '../../../components/links';
import { OnlineLicensingAction } from './OnlineLicensingAction';

interface LicenseAssetsProps {
  org: string;
  assets: Asset[];
  onEnableOnline: (asset: Asset) => void;
}

/** The organization's licenses: a table on wide screens, cards on phones; each product's name opens its assignees. */
export function LicenseAssets(props: LicenseAssetsProps) {
  if (props.assets.length === 0)
    return (
      <Text size="sm" c="dimmed">
        Your organization has no licenses yet.
      </Text>
    );
  return (
    <>
      <Box visibleFrom="sm">
        <LicenseTable {...props} />
      </Box>
      <Box hiddenFrom="sm">
        <LicenseCards {...props} />
      </Box>
    </>
  );
}

const seatsLabel = (asset: Asset) => `Seats of ${asset.product.name} ${asset.serialDisplay}`;

function ProductLink({ org, asset }: { org: string; asset: Asset }) {
  return (
    <div>
      <AnchorLink to="/orgs/$org/products/$asset" params={{ org, asset: asset.id }} size="sm" fw={600}>
        {asset.product.name}
        {/* Two assets of one product would otherwise be two links of the same name. */}
        <VisuallyHidden>, serial number {asset.serialDisplay}</VisuallyHidden>
      </AnchorLink>
      <Text size="xs" c="dimmed">
        {asset.product.code}
      </Text>
    </div>
  );
}

/**
 * The devices using this license (SPEC §2.5 "per asset … the activations"). Named by the serial number alone: the
 * product's name is the row's other link, and "Activations of Premium CAD" would also answer to "Premium CAD".
 */
function ActivationsLink({ org, asset }: { org: string; asset: Asset }) {
  return (
    <AnchorLink
      to="/orgs/$org/activations"
      params={{ org }}
      search={{ asset: asset.id }}
      size="sm"
      style={{ whiteSpace: 'nowrap' }}
    >
      Activations
      <VisuallyHidden> of serial number {asset.serialDisplay}</VisuallyHidden>
    </AnchorLink>
  );
}

function Seats({ asset }: { asset: Asset }) {
  return (
    <Stack gap={4}>
      <SeatsBar asset={asset} label={seatsLabel(asset)} />
      <HeldOfflineNote asset={asset} />
    </Stack>
  );
}

function LicenseTable({ org, assets, onEnableOnline }: LicenseAssetsProps) {
  return (
    <Table.ScrollContainer minWidth={980}>
      <Table verticalSpacing="sm" highlightOnHover aria-label="Licenses">
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">Product</Table.Th>
            <Table.Th scope="col">Serial number</Table.Th>
            <Table.Th scope="col">Seats</Table.Th>
            <Table.Th scope="col">Mode</Table.Th>
            <Table.Th scope="col">Term</Table.Th>
            <Table.Th scope="col">Status</Table.Th>
            <Table.Th scope="col">
              <VisuallyHidden>Actions</VisuallyHidden>
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {assets.map((asset) => (
            <Table.Tr key={asset.id}>
              <Table.Td>
                <ProductLink org={org} asset={asset} />
              </Table.Td>
              <Table.Td>
                <Text size="sm" ff="monospace" style={{ whiteSpace: 'nowrap' }}>
                  {asset.serialDisplay}
                </Text>
              </Table.Td>
              <Table.Td>
                <Seats asset={asset} />
              </Table.Td>
              <Table.Td>{modeLabel(asset.mode)}</Table.Td>
              <Table.Td>
                <Text size="sm" style={{ whiteSpace: 'nowrap' }}>
                  {formatTerm(asset)}
                </Text>
              </Table.Td>
              <Table.Td>
                <AssetStatusBadge status={asset.status} />
              </Table.Td>
              <Table.Td>
                <Stack gap={6} align="flex-end">
                  <ActivationsLink org={org} asset={asset} />
                  {asset.mode === 'machine' && (
                    <OnlineLicensingAction asset={asset} onEnable={onEnableOnline} compact align="flex-end" />
                  )}
                </Stack>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

function LicenseCards({ org, assets, onEnableOnline }: LicenseAssetsProps) {
  return (
    <CardList aria-label="Licenses">
      {assets.map((asset) => (
        <Paper component="li" key={asset.id} withBorder radius="md" p="sm">
          <Stack gap={8}>
            <Group justify="space-between" align="flex-start" wrap="nowrap" gap="xs">
              <ProductLink org={org} asset={asset} />
              <AssetStatusBadge status={asset.status} />
            </Group>
            <FactRow label="Serial">
              <Text span size="sm" ff="monospace">
                {asset.serialDisplay}
              </Text>
            </FactRow>
            <FactRow label="Seats">
              <Seats asset={asset} />
            </FactRow>
            <FactRow label="Mode">{modeLabel(asset.mode)}</FactRow>
            <FactRow label="Term">{formatTerm(asset)}</FactRow>
            <ActivationsLink org={org} asset={asset} />
            {asset.mode === 'machine' && <OnlineLicensingAction asset={asset} onEnable={onEnableOnline} compact />}
          </Stack>
        </Paper>
      ))}
    </CardList>
  );
}
