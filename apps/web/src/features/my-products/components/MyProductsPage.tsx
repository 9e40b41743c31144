import { Alert, Group, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import type { MyProduct } from '@portico/contracts';
import { getRouteApi } from '@tanstack/react-router';
import { AssetStatusBadge } from '../../../components/assets/AssetStatusBadge';
import { formatTerm, modeLabel } from '../../../components/assets/asset-format';
import { CardList } from '../../../components/CardList';
import { Fact } from '../../../components/Fact';
import { AnchorLink } from '../../../components/links';
import { LoadError, LoadingStatus } from '../../../components/QueryStatus';
import { isApiError } from '../../../lib/api';
import { formatDate } from '../../../lib/format';
import { usePageTitle } from '../../../lib/page-title';
import { useStanding } from '../../../lib/standing';
import { useMyProducts } from '../api';
import { MyDevices } from './MyDevices';

const route = getRouteApi('/orgs/$org/my-products');

/** My products (SPEC §4.1): the licenses assigned to me in this organization, and how to start using each. */
export function MyProductsPage() {
  const { org } = route.useParams();
  const standing = useStanding(org);
  const products = useMyProducts(org);
  usePageTitle(standing.name ? `My products · ${standing.name}` : 'My products');
  return (
    <Stack gap="lg" maw={960}>
      <Stack gap={2}>
        {standing.name && (
          <Text size="sm" c="dimmed" fw={600}>
            {standing.name}
          </Text>
        )}
        <Title order={1}>My products</Title>
        <Text size="sm" c="dimmed">
          The licenses your administrators assigned to you.
        </Text>
      </Stack>
      {products.isPending ? (
        <LoadingStatus label="Loading your products…" />
      ) : products.isError ? (
        isApiError(products.error, 'NOT_FOUND') ? (
          <Alert color="gray" variant="light">
            You are not a member of this organization, so nothing is assigned to you here.
          </Alert>
        ) : (
          <LoadError title="Your products could not be loaded" error={products.error} />
        )
      ) : products.data.items.length === 0 ? (
        <Alert color="blue" variant="light" title="No products assigned to you yet">
          Your organization’s administrators assign licenses.{' '}
          <AnchorLink to="/orgs/$org" params={{ org }}>
            See who they are
          </AnchorLink>{' '}
          and ask one of them for the product you need.
        </Alert>
      ) : (
        <CardList aria-label="My products">
          {products.data.items.map((item) => (
            <ProductCard key={item.assignmentId} org={org} item={item} />
          ))}
        </CardList>
      )}
    </Stack>
  );
}

function ProductCard({ org, item }: { org: string; item: MyProduct }) {
  const headingId = `product-${item.assignmentId}`;
  return (
    <Paper component="li" withBorder radius="md" p={{ base: 'md', sm: 'lg' }} aria-labelledby={headingId}>
      <Stack gap="md">
        <Group justify="space-between" align="flex-start" wrap="nowrap" gap="sm">
          <div>
            <Title order={2} size="h4" id={headingId}>
              {item.product.name}
            </Title>
            <Text size="sm" c="dimmed">
              {item.product.code} · assigned to you {formatDate(item.assignedAt)}
            </Text>
          </div>
          <AssetStatusBadge status={item.asset.status} />
        </Group>
        <SimpleGrid cols={{ base: 1, xs: 3 }} spacing="md">
          <Fact label="Serial number">
            <Text span ff="monospace" size="sm">
              {item.asset.serialDisplay}
            </Text>
          </Fact>
          <Fact label="Term">{formatTerm(item.asset)}</Fact>
          <Fact label="Licensing mode">{modeLabel(item.asset.mode)}</Fact>
        </SimpleGrid>
        {item.asset.status === 'active' && item.licensing && item.licensing.devices.length > 0 ? (
          <MyDevices org={org} item={item} licensing={item.licensing} />
        ) : (
          <HowToStart item={item} />
        )}
      </Stack>
    </Paper>
  );
}

/** What to do next with the license, by its mode (SPEC §2.5). */
function HowToStart({ item }: { item: MyProduct }) {
  if (item.asset.status !== 'active')
    return (
      <Alert color="gray" variant="light" title="Not usable now">
        This license is {item.asset.status}. Ask your administrator about renewing it.
      </Alert>
    );
  if (item.asset.mode === 'online')
    return (
      <Alert color="blue" variant="light" title="How to start using it">
        Open {item.product.name}. When it asks you to sign in, sign in with this Portico account: it is a named-user
        license, yours alone, active on one machine at a time.
      </Alert>
    );
  return (
    <Text size="sm" c="dimmed">
      This license is activated with its serial number: enter it in the application on each machine. No sign-in is
      needed, and no devices are listed here.
    </Text>
  );
}
