import { Alert, Group, Stack, Switch, Text } from '@mantine/core';
import type { ActivationView, Asset } from '@portico/contracts';
import { getRouteApi } from '@tanstack/react-router';
import { useState } from 'react';
import { LoadMoreButton } from '../../../components/LoadMoreButton';
import { AnchorLink } from '../../../components/links';
import { OrganizationPageHeader } from '../../../components/OrganizationPageHeader';
import { LoadError, LoadingStatus } from '../../../components/QueryStatus';
import { useAssets, useAssignments } from '../../../lib/assignments';
import { usePageTitle } from '../../../lib/page-title';
import { useStanding } from '../../../lib/standing';
import { type ActivationsFilter, useActivations } from '../api';
import { ActivationList } from './ActivationList';
import { GrantTransfersDialog } from './GrantTransfersDialog';
import { ReleaseDialog } from './ReleaseDialog';

const route = getRouteApi('/orgs/$org/activations');

/**
 * Activations (SPEC §2.5), per asset (from Products) or per member (from Members): which device uses a license,
 * online or offline until when, since when, its last contact and the member's transfers; Release and Grant
 * transfers. Administrators only.
 */
export function ActivationsPage() {
  const { org } = route.useParams();
  const standing = useStanding(org);
  usePageTitle(standing.name ? `Activations · ${standing.name}` : 'Activations');
  if (standing.me && !standing.administers)
    return (
      <Stack gap="md" maw={640}>
        <OrganizationPageHeader organization={null} title="Activations" />
        <Alert color="blue" variant="light" title="Only administrators see the organization’s activations">
          Your own devices are under{' '}
          <AnchorLink to="/orgs/$org/my-products" params={{ org }}>
            My products
          </AnchorLink>
          .
        </Alert>
      </Stack>
    );
  return <AdministratorView org={org} organization={standing.name} />;
}

function AdministratorView({ org, organization }: { org: string; organization: string | null }) {
  const filter: ActivationsFilter = route.useSearch();
  const navigate = route.useNavigate();
  const list = useActivations(org, filter);
  const asset = useAssets(org).data?.find((a) => a.id === filter.asset);
  const [releasing, setReleasing] = useState<ActivationView | null>(null);
  const [granting, setGranting] = useState<ActivationView | null>(null);
  const rows = list.data?.pages.flatMap((page) => page.items) ?? [];
  const member = useMember(org, filter.user, rows);

  return (
    <Stack gap="lg">
      <BackLink org={org} filter={filter} asset={asset} />
      <OrganizationPageHeader
        organization={organization}
        title="Activations"
        description={<Scope filter={filter} asset={asset} member={member} />}
      />
      <Group justify="space-between" gap="sm">
        <Text size="sm" c="dimmed" maw={720}>
          Release frees the license at once for another device; the device stops at its next check with the server.
          Releasing costs the member no transfer.
        </Text>
        <Switch
          label="Show ended activations"
          checked={filter.status === 'all'}
          onChange={(event) =>
            navigate({
              search: { ...filter, status: event.currentTarget.checked ? 'all' : undefined },
              replace: true,
              resetScroll: false,
            })
          }
        />
      </Group>
      {list.isPending ? (
        <LoadingStatus label="Loading activations…" />
      ) : list.isError ? (
        <LoadError title="The activations could not be loaded" error={list.error} />
      ) : rows.length === 0 ? (
        <Empty filter={filter} asset={asset} />
      ) : (
        <ActivationList rows={rows} filter={filter} onRelease={setReleasing} onGrant={setGranting} />
      )}
      <LoadMoreButton query={list} />
      <ReleaseDialog org={org} activation={releasing} onClose={() => setReleasing(null)} />
      <GrantTransfersDialog org={org} activation={granting} onClose={() => setGranting(null)} />
    </Stack>
  );
}

/**
 * The member a per-member view is about, by name: from their activations, or else from what is assigned to them
 * (the list may be empty, and there is no endpoint for one member).
 */
function useMember(org: string, user: string | undefined, rows: ActivationView[]) {
  const fromRows = user ? rows.find((row) => row.user?.id === user)?.user : undefined;
  const held = useAssignments(org, { user }, Boolean(user) && !fromRows);
  return fromRows ?? held.data?.pages[0]?.items[0]?.user;
}

function BackLink({ org, filter, asset }: { org: string; filter: ActivationsFilter; asset: Asset | undefined }) {
  if (filter.user && !filter.asset)
    return (
      <AnchorLink to="/orgs/$org/members" params={{ org }} size="sm">
        ← Members
      </AnchorLink>
    );
  if (filter.asset)
    return (
      <AnchorLink to="/orgs/$org/products/$asset" params={{ org, asset: filter.asset }} size="sm">
        ← {asset ? asset.product.name : 'The license'}
      </AnchorLink>
    );
  return (
    <AnchorLink to="/orgs/$org/products" params={{ org }} size="sm">
      ← All products
    </AnchorLink>
  );
}

interface ScopeProps {
  filter: ActivationsFilter;
  asset: Asset | undefined;
  member?: { name: string; email: string } | null;
}

/** Whose activations these are: the license's name and serial, or the member's name. */
function Scope({ filter, asset, member }: ScopeProps) {
  const license = asset ? `${asset.product.name}, serial number ${asset.serialDisplay}` : 'this license';
  const person = member ? `${member.name} (${member.email})` : 'this member';
  if (filter.asset && filter.user)
    return (
      <>
        Devices of {person} using {license}.
      </>
    );
  if (filter.asset) return <>Devices using {license}.</>;
  if (filter.user) return <>Devices of {person}, for every license they hold.</>;
  return <>Every device using the organization’s licenses.</>;
}

/** Nothing to list, and why that is so. */
function Empty({ filter, asset }: { filter: ActivationsFilter; asset: Asset | undefined }) {
  const ended = filter.status === 'all';
  let text: string;
  if (filter.user)
    text = ended
      ? 'This member has never activated a license on a device.'
      : 'This member uses no license on any device now. When they sign in from the application and activate a product, the device is listed here.';
  else if (asset?.mode === 'machine')
    text = ended
      ? 'No machine has been activated with this serial number yet.'
      : 'No machine uses this serial number now. Machines activated with it in the application are listed here.';
  else
    text = ended
      ? 'No device has used this license yet.'
      : 'No device uses this license now. When a member it is assigned to signs in from the application and activates it, the device is listed here with its state and last contact.';
  return (
    <Alert color="gray" variant="light" title="No activations" role="status">
      {text}
      {!ended && ' Turn on “Show ended activations” to see earlier ones.'}
    </Alert>
  );
}
