import { Alert, Stack } from '@mantine/core';
import type { Asset } from '@portico/contracts';
import { getRouteApi } from '@tanstack/react-router';
import { useState } from 'react';
import { AssetList } from '../../../components/assets/AssetList';
import { AnchorLink } from '../../../components/links';
import { OrganizationPageHeader } from '../../../components/OrganizationPageHeader';
import { LoadError, LoadingStatus } from '../../../components/QueryStatus';
import { Section } from '../../../components/Section';
import { useAssets } from '../../../lib/assignments';
import { usePageTitle } from '../../../lib/page-title';
import { useStanding } from '../../../lib/standing';
import { EnableOnlineDialog } from './EnableOnlineDialog';
import { LicenseAssets } from './LicenseAssets';
import { OnlineLicensingAction } from './OnlineLicensingAction';

const route = getRouteApi('/orgs/$org/products');

/**
 * Products (SPEC §2.2 "Monitor all of an organization's assets", §2.5): every license with its seats as a bar, its
 * term, mode and status, each opening to its assignees; services below, as they have no seats. Administrators only.
 */
export function ProductsPage() {
  const { org } = route.useParams();
  const standing = useStanding(org);
  usePageTitle(standing.name ? `Products · ${standing.name}` : 'Products');
  if (standing.me && !standing.administers) return <NotAdministrator org={org} />;
  return <AdministratorView org={org} name={standing.name} />;
}

function AdministratorView({ org, name }: { org: string; name: string | null }) {
  const assets = useAssets(org);
  const [enabling, setEnabling] = useState<Asset | null>(null);
  const all = assets.data ?? [];
  const licenses = all.filter((a) => a.product.kind === 'license');
  const services = all.filter((a) => a.product.kind === 'service');
  return (
    <Stack gap="lg">
      <OrganizationPageHeader
        organization={name}
        title="Products"
        description="Every license with its seats. Open one to assign it to members or revoke it."
      />
      {assets.isPending ? (
        <LoadingStatus label="Loading products…" />
      ) : assets.isError ? (
        <LoadError title="The products could not be loaded" error={assets.error} />
      ) : (
        <>
          <Section id="licenses" title="Licenses" description="Seats assigned and available, per serial number.">
            <LicenseAssets org={org} assets={licenses} onEnableOnline={setEnabling} />
          </Section>
          <Section id="services" title="Services" description="Subscriptions to services, such as support.">
            <AssetList
              assets={services}
              kind="service"
              label="Services"
              empty="Your organization has no services."
              actions={(asset) => <OnlineLicensingAction asset={asset} onEnable={setEnabling} compact />}
            />
          </Section>
        </>
      )}
      <EnableOnlineDialog org={org} asset={enabling} onClose={() => setEnabling(null)} />
    </Stack>
  );
}

function NotAdministrator({ org }: { org: string }) {
  return (
    <Stack gap="md" maw={640}>
      <OrganizationPageHeader organization={null} title="Products" />
      <Alert color="blue" variant="light" title="Only administrators manage the organization’s products">
        The products assigned to you are under{' '}
        <AnchorLink to="/orgs/$org/my-products" params={{ org }}>
          My products
        </AnchorLink>
        .
      </Alert>
    </Stack>
  );
}
