import { Alert, Button, Loader } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import type { Asset } from '@portico/contracts';
import { useState } from 'react';
import { AssetList } from '../../../components/assets/AssetList';
import { LoadMoreButton } from '../../../components/LoadMoreButton';
import { Section } from '../../../components/Section';
import { useOrganizationAssets } from '../api';
import { AddAssetDialog } from './AddAssetDialog';
import { AssetActions } from './AssetActions';
import { EditAssetDialog } from './EditAssetDialog';

export function OrganizationAssets({ org }: { org: string }) {
  const assets = useOrganizationAssets(org);
  const [adding, addDialog] = useDisclosure(false);
  const [editing, setEditing] = useState<Asset | null>(null);
  const items = assets.data?.pages.flatMap((page) => page.items) ?? [];

  return (
    <Section
      id="assets"
      title="Assets"
      order={3}
      description="Serial numbers with their product, seats and term."
      actions={<Button onClick={addDialog.open}>Add asset</Button>}
    >
      {assets.isPending ? (
        <Loader size="sm" aria-label="Loading assets" />
      ) : assets.isError ? (
        <Alert role="alert" color="red" variant="light">
          {assets.error.message}
        </Alert>
      ) : (
        <AssetList
          assets={items}
          kind="all"
          label="Assets"
          empty="No assets yet. Add one here, or import many from a CSV file."
          actions={(asset) => <AssetActions asset={asset} onEdit={() => setEditing(asset)} />}
        />
      )}
      <LoadMoreButton query={assets} />
      <AddAssetDialog org={org} opened={adding} onClose={addDialog.close} />
      <EditAssetDialog asset={editing} onClose={() => setEditing(null)} />
    </Section>
  );
}
