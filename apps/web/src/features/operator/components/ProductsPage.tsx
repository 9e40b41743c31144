import { Alert, Badge, Box, Button, Group, Loader, Paper, Stack, Table, Text, VisuallyHidden } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import type { CatalogProduct } from '@portico/contracts';
import { useState } from 'react';
import { CardList } from '../../../components/CardList';
import { ConfirmModal } from '../../../components/ConfirmModal';
import { Section } from '../../../components/Section';
import { formatDateTime } from '../../../lib/format';
import { usePageTitle } from '../../../lib/page-title';
import { useProducts, useRetireProduct } from '../api';
import { AddProductDialog } from './AddProductDialog';
import { EditProductDialog } from './EditProductDialog';

function KindBadge({ kind }: { kind: CatalogProduct['kind'] }) {
  return (
    <Badge variant="light" color={kind === 'license' ? 'indigo' : 'grape'}>
      {kind === 'license' ? 'License' : 'Service'}
    </Badge>
  );
}

function StatusBadge({ product }: { product: CatalogProduct }) {
  if (!product.retiredAt) return <Text size="sm">In the catalogue</Text>;
  return (
    <Badge variant="light" color="gray" title={`Retired ${formatDateTime(product.retiredAt)}`}>
      Retired
    </Badge>
  );
}

interface RowActions {
  onEdit: (product: CatalogProduct) => void;
  onRetire: (product: CatalogProduct) => void;
}

/** Edit and Retire, each naming its product for screen readers (every row has them). */
function ProductActions({ product, onEdit, onRetire }: RowActions & { product: CatalogProduct }) {
  return (
    <Group gap="xs" wrap="nowrap" justify="flex-end">
      <Button size="xs" variant="default" onClick={() => onEdit(product)} aria-label={`Edit ${product.name}`}>
        Edit
      </Button>
      {!product.retiredAt && (
        <Button
          size="xs"
          variant="light"
          color="red"
          onClick={() => onRetire(product)}
          aria-label={`Retire ${product.name}`}
        >
          Retire
        </Button>
      )}
    </Group>
  );
}

export function ProductsPage() {
  usePageTitle('Products · Operator');
  const products = useProducts();
  const retire = useRetireProduct();
  const [adding, dialog] = useDisclosure(false);
  const [editing, setEditing] = useState<CatalogProduct | null>(null);
  const [retiring, setRetiring] = useState<CatalogProduct | null>(null);
  const closeRetire = () => {
    setRetiring(null);
    retire.reset();
  };
  const confirmRetire = () =>
    retiring &&
    retire.mutate(retiring.id, {
      onSuccess: (product) => {
        closeRetire();
        notifications.show({ color: 'teal', message: `${product.name} (${product.code}) is retired.` });
      },
    });

  return (
    <Section
      id="products"
      title="Products"
      description="The catalogue every asset refers to: licenses with a product type, and services. A retired product takes no new assets; its assets keep working."
      actions={<Button onClick={dialog.open}>Add product</Button>}
    >
      {products.isPending ? (
        <Loader size="sm" aria-label="Loading the catalogue" />
      ) : products.isError ? (
        <Alert role="alert" color="red" variant="light">
          {products.error.message}
        </Alert>
      ) : products.data.items.length === 0 ? (
        <Text size="sm" c="dimmed">
          The catalogue is empty. Add the products you sell, then give organizations assets of them.
        </Text>
      ) : (
        <ProductList items={products.data.items} onEdit={setEditing} onRetire={setRetiring} />
      )}
      <AddProductDialog opened={adding} onClose={dialog.close} />
      <EditProductDialog product={editing} onClose={() => setEditing(null)} />
      <ConfirmModal
        opened={retiring !== null}
        title="Retire product"
        confirmLabel="Retire product"
        pending={retire.isPending}
        error={retire.error}
        onConfirm={confirmRetire}
        onCancel={closeRetire}
      >
        <Text size="sm">
          {retiring?.name} ({retiring?.code}) will take no new assets, one by one or imported. The assets that exist
          keep working until their term ends. This cannot be undone.
        </Text>
      </ConfirmModal>
    </Section>
  );
}

function ProductList({ items, ...actions }: RowActions & { items: CatalogProduct[] }) {
  return (
    <>
      <Box visibleFrom="sm">
        <Table verticalSpacing="sm" highlightOnHover aria-label="Products">
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">Code</Table.Th>
              <Table.Th scope="col">Name</Table.Th>
              <Table.Th scope="col">Kind</Table.Th>
              <Table.Th scope="col">Type</Table.Th>
              <Table.Th scope="col">Status</Table.Th>
              <Table.Th scope="col">
                <VisuallyHidden>Actions</VisuallyHidden>
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {items.map((product) => (
              <Table.Tr key={product.id}>
                <Table.Td>
                  <Text size="sm" ff="monospace">
                    {product.code}
                  </Text>
                </Table.Td>
                <Table.Td>{product.name}</Table.Td>
                <Table.Td>
                  <KindBadge kind={product.kind} />
                </Table.Td>
                <Table.Td>{product.type ?? '—'}</Table.Td>
                <Table.Td>
                  <StatusBadge product={product} />
                </Table.Td>
                <Table.Td>
                  <ProductActions product={product} {...actions} />
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Box>
      <CardList hiddenFrom="sm" gap="xs" aria-label="Products">
        {items.map((product) => (
          <Paper component="li" key={product.id} withBorder radius="md" px="sm" py="xs">
            <Stack gap={6}>
              <Group justify="space-between" wrap="nowrap" gap="sm" align="flex-start">
                <Stack gap={0} style={{ minWidth: 0 }}>
                  <Text size="sm" fw={600}>
                    {product.name}
                  </Text>
                  <Text size="xs" c="dimmed">
                    {product.code}
                    {product.type ? ` · ${product.type}` : ''}
                  </Text>
                </Stack>
                <Group gap={4} wrap="nowrap">
                  <KindBadge kind={product.kind} />
                  {product.retiredAt && <StatusBadge product={product} />}
                </Group>
              </Group>
              <ProductActions product={product} {...actions} />
            </Stack>
          </Paper>
        ))}
      </CardList>
    </>
  );
}
