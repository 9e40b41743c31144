import { Alert, Badge, Box, Button, Group, Loader, Paper, Stack, Table, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import type { Product } from '@portico/contracts';
import { CardList } from '../../../components/CardList';
import { Section } from '../../../components/Section';
import { usePageTitle } from '../../../lib/page-title';
import { useProducts } from '../api';
import { AddProductDialog } from './AddProductDialog';

function KindBadge({ kind }: { kind: Product['kind'] }) {
  return (
    <Badge variant="light" color={kind === 'license' ? 'indigo' : 'grape'}>
      {kind === 'license' ? 'License' : 'Service'}
    </Badge>
  );
}

export function ProductsPage() {
  usePageTitle('Products · Operator');
  const products = useProducts();
  const [adding, dialog] = useDisclosure(false);

  return (
    <Section
      id="products"
      title="Products"
      description="The catalogue every asset refers to: licenses with a product type, and services."
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
        <ProductList items={products.data.items} />
      )}
      <AddProductDialog opened={adding} onClose={dialog.close} />
    </Section>
  );
}

function ProductList({ items }: { items: Product[] }) {
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
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Box>
      <CardList hiddenFrom="sm" gap="xs" aria-label="Products">
        {items.map((product) => (
          <Paper component="li" key={product.id} withBorder radius="md" px="sm" py="xs">
            <Group justify="space-between" wrap="nowrap" gap="sm">
              <Stack gap={0} style={{ minWidth: 0 }}>
                <Text size="sm" fw={600}>
                  {product.name}
                </Text>
                <Text size="xs" c="dimmed">
                  {product.code}
                  {product.type ? ` · ${product.type}` : ''}
                </Text>
              </Stack>
              <KindBadge kind={product.kind} />
            </Group>
          </Paper>
        ))}
      </CardList>
    </>
  );
}
