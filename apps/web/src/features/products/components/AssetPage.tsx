import { Alert, Group, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import type { Asset } from '@portico/contracts';
import { getRouteApi } from '@tanstack/react-router';
import { useState } from 'react';
import { AssetStatusBadge } from '../../../components/assets/AssetStatusBadge';
import { formatTerm, modeLabel } from '../../../components/assets/asset-format';
import { SeatsBar } from '../../../components/assets/SeatsBar';
import { Fact } from '../../../components/Fact';
import { HeldOfflineNote } from '../../../components/licensing/HeldOfflineNote';
import { AnchorLink } from '../../../components/links';
import { LoadError, LoadingStatus } from '../../../components/QueryStatus';
import { useAssets } from '../../../lib/assignments';
import { usePageTitle } from '../../../lib/page-title';
import { useStanding } from '../../../lib/standing';
import { Assignees } from './Assignees';
import { EnableOnlineDialog } from './EnableOnlineDialog';
import { OnlineLicensingAction } from './OnlineLicensingAction';

const route = getRouteApi('/orgs/$org/products/$asset');

/** One license of the Products page: its seats, term and mode, and the members it is assigned to. */
export function AssetPage() {
  const { org, asset: assetId } = route.useParams();
  const standing = useStanding(org);
  const assets = useAssets(org);
  const asset = assets.data?.find((a) => a.id === assetId);
  usePageTitle(asset ? `${asset.product.name} · Products` : 'Products');

  const back = (
    <AnchorLink to="/orgs/$org/products" params={{ org }} size="sm">
      ← All products
    </AnchorLink>
  );
  if (standing.me && !standing.administers)
    return (
      <Alert color="blue" variant="light" title="Only administrators manage the organization’s products">
        <AnchorLink to="/orgs/$org/my-products" params={{ org }}>
          See the products assigned to you
        </AnchorLink>
      </Alert>
    );
  if (assets.isPending) return <LoadingStatus label="Loading the product…" />;
  if (assets.isError) return <LoadError title="The product could not be loaded" error={assets.error} />;
  if (!asset)
    return (
      <Stack gap="md" maw={640}>
        {back}
        <Title order={1}>Product not found</Title>
        <Alert color="gray" variant="light">
          This organization has no asset with this address.
        </Alert>
      </Stack>
    );
  return (
    <Stack gap="lg">
      {back}
      <AssetSummary org={org} asset={asset} organization={standing.name} />
      {asset.product.kind === 'license' ? (
        <Assignees org={org} asset={asset} />
      ) : (
        <Alert color="blue" variant="light">
          Services have no seats to assign: every contact of the organization is entitled to them.
        </Alert>
      )}
    </Stack>
  );
}

function AssetSummary({ org, asset, organization }: { org: string; asset: Asset; organization: string | null }) {
  const [enabling, setEnabling] = useState<Asset | null>(null);
  return (
    <Stack gap="md">
      <Stack gap={2}>
        {organization && (
          <Text size="sm" c="dimmed" fw={600}>
            {organization}
          </Text>
        )}
        <Group gap="sm" align="center">
          <Title order={1} style={{ overflowWrap: 'anywhere' }}>
            {asset.product.name}
          </Title>
          <AssetStatusBadge status={asset.status} />
        </Group>
        <Text size="sm" c="dimmed">
          {asset.product.code}
          {asset.product.type && ` · ${asset.product.type}`}
        </Text>
      </Stack>
      <Paper withBorder radius="md" p={{ base: 'md', sm: 'lg' }}>
        <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }} spacing="lg">
          <Fact label="Serial number">
            <Text span ff="monospace" size="sm">
              {asset.serialDisplay}
            </Text>
          </Fact>
          {asset.product.kind === 'license' && (
            <Fact label="Seats">
              <Stack gap={4}>
                <SeatsBar asset={asset} label="Seats" />
                <HeldOfflineNote asset={asset} />
              </Stack>
            </Fact>
          )}
          <Fact label="Term">{formatTerm(asset)}</Fact>
          <Fact label="Licensing mode">
            <Stack gap={6} align="flex-start">
              <Text size="sm">{modeLabel(asset.mode)}</Text>
              {asset.mode === 'online' ? (
                <Text size="xs" c="dimmed">
                  Only the members it is assigned to can use it, after signing in.
                </Text>
              ) : (
                <OnlineLicensingAction asset={asset} onEnable={setEnabling} compact />
              )}
              {asset.product.kind === 'license' && (
                <AnchorLink to="/orgs/$org/activations" params={{ org }} search={{ asset: asset.id }} size="sm">
                  Activations
                </AnchorLink>
              )}
            </Stack>
          </Fact>
        </SimpleGrid>
      </Paper>
      <EnableOnlineDialog org={org} asset={enabling} onClose={() => setEnabling(null)} />
    </Stack>
  );
}
