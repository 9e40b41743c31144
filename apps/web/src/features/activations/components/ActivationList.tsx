import { Box, Button, Group, Paper, Stack, Table, Text, Tooltip, VisuallyHidden } from '@mantine/core';
import type { ActivationView } from '@portico/contracts';
import type { ReactNode } from 'react';
import { CardList } from '../../../components/CardList';
import { FactRow } from '../../../components/FactRow';
import { ActivationStateBadge } from '../../../components/licensing/ActivationStateBadge';
import { formatDay, transfersShort } from '../../../components/licensing/licensing-format';
import { formatDate, formatDateTime, formatRelative } from '../../../lib/format';
import type { ActivationsFilter } from '../api';

interface ActivationListProps {
  rows: ActivationView[];
  filter: ActivationsFilter;
  onRelease: (activation: ActivationView) => void;
  onGrant: (activation: ActivationView) => void;
}

/** The activations as a table on wide screens and as cards on phones, where ten columns cannot fit. */
export function ActivationList(props: ActivationListProps) {
  return (
    <>
      <Box visibleFrom="sm">
        <ActivationTable {...props} />
      </Box>
      <Box hiddenFrom="sm">
        <ActivationCards {...props} />
      </Box>
    </>
  );
}

/** Who uses it: the member, or the machine itself for a serial-number (machine-mode) activation. */
function Holder({ row }: { row: ActivationView }) {
  if (!row.user)
    return (
      <Text size="sm" c="dimmed">
        Serial number (machine)
      </Text>
    );
  return (
    <div>
      <Text size="sm" fw={600}>
        {row.user.name}
      </Text>
      <Text size="xs" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
        {row.user.email}
      </Text>
    </div>
  );
}

function Transfers({ row }: { row: ActivationView }) {
  if (!row.transfers) return <Text size="sm">—</Text>;
  return (
    <div>
      <Text size="sm" style={{ whiteSpace: 'nowrap' }}>
        {transfersShort(row.transfers)}
      </Text>
      {row.transfers.nextFreeAt && row.transfers.used > 0 && (
        <Text size="xs" c="dimmed">
          next frees on {formatDay(row.transfers.nextFreeAt)}
        </Text>
      )}
    </div>
  );
}

function State({ row }: { row: ActivationView }) {
  return (
    <Stack gap={2} align="flex-start">
      <ActivationStateBadge activation={row} />
      {row.state === 'ended' && row.endedReason && (
        <Text size="xs" c="dimmed">
          {row.endedReason}
        </Text>
      )}
    </Stack>
  );
}

function LastContact({ row }: { row: ActivationView }) {
  return (
    <Tooltip label={formatDateTime(row.lastContactAt)} withArrow>
      <Text size="sm" style={{ whiteSpace: 'nowrap' }}>
        {formatRelative(row.lastContactAt)}
      </Text>
    </Tooltip>
  );
}

const whose = (row: ActivationView) => (row.user ? ` (${row.user.name})` : '');

/** Release while the activation holds the license; Grant transfers for the member's budget of this product. */
function RowActions({
  row,
  onRelease,
  onGrant,
}: Pick<ActivationListProps, 'onRelease' | 'onGrant'> & { row: ActivationView }) {
  const buttons: ReactNode[] = [];
  if (row.state !== 'ended')
    buttons.push(
      <Button
        key="release"
        size="xs"
        variant="light"
        color="red"
        onClick={() => onRelease(row)}
        aria-label={`Release ${row.device.name}${whose(row)}`}
      >
        Release
      </Button>,
    );
  if (row.user && row.transfers)
    buttons.push(
      <Button
        key="grant"
        size="xs"
        variant="default"
        onClick={() => onGrant(row)}
        aria-label={`Grant transfers to ${row.user.name} for ${row.product.name}`}
      >
        Grant transfers
      </Button>,
    );
  return <>{buttons}</>;
}

function ActivationTable({ rows, filter, onRelease, onGrant }: ActivationListProps) {
  const showProduct = !filter.asset;
  return (
    <Table.ScrollContainer minWidth={showProduct ? 1240 : 1100}>
      <Table verticalSpacing="sm" highlightOnHover aria-label="Activations">
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">Member</Table.Th>
            {showProduct && <Table.Th scope="col">Product</Table.Th>}
            <Table.Th scope="col">Device</Table.Th>
            <Table.Th scope="col">Platform</Table.Th>
            <Table.Th scope="col">App version</Table.Th>
            <Table.Th scope="col">State</Table.Th>
            <Table.Th scope="col">Since</Table.Th>
            <Table.Th scope="col">Last contact</Table.Th>
            <Table.Th scope="col">Transfers</Table.Th>
            <Table.Th scope="col">
              <VisuallyHidden>Actions</VisuallyHidden>
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((row) => (
            <Table.Tr key={row.id}>
              <Table.Td>
                <Holder row={row} />
              </Table.Td>
              {showProduct && (
                <Table.Td>
                  <Text size="sm">{row.product.name}</Text>
                  <Text size="xs" c="dimmed" ff="monospace" style={{ whiteSpace: 'nowrap' }}>
                    {row.asset.serialDisplay}
                  </Text>
                </Table.Td>
              )}
              <Table.Td>
                <Text size="sm" fw={500} style={{ overflowWrap: 'anywhere' }}>
                  {row.device.name}
                </Text>
              </Table.Td>
              <Table.Td>
                <Text size="sm" style={{ whiteSpace: 'nowrap' }}>
                  {row.device.platform}
                </Text>
              </Table.Td>
              <Table.Td>
                <Text size="sm">{row.device.appVersion ?? '—'}</Text>
              </Table.Td>
              <Table.Td maw={180}>
                <State row={row} />
              </Table.Td>
              <Table.Td>
                <Tooltip label={formatDateTime(row.since)} withArrow>
                  <Text size="sm" style={{ whiteSpace: 'nowrap' }}>
                    {formatDate(row.since)}
                  </Text>
                </Tooltip>
              </Table.Td>
              <Table.Td>
                <LastContact row={row} />
              </Table.Td>
              <Table.Td>
                <Transfers row={row} />
              </Table.Td>
              <Table.Td>
                <Stack gap={6} align="stretch">
                  <RowActions row={row} onRelease={onRelease} onGrant={onGrant} />
                </Stack>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

function ActivationCards({ rows, filter, onRelease, onGrant }: ActivationListProps) {
  return (
    <CardList aria-label="Activations">
      {rows.map((row) => (
        <Paper component="li" key={row.id} withBorder radius="md" p="sm">
          <Stack gap={8}>
            <Group justify="space-between" align="flex-start" wrap="nowrap" gap="xs">
              <Holder row={row} />
              <State row={row} />
            </Group>
            {!filter.asset && (
              <FactRow labelWidth={88} label="Product">
                {row.product.name}
              </FactRow>
            )}
            <FactRow labelWidth={88} label="Device">
              {row.device.name}
            </FactRow>
            <FactRow labelWidth={88} label="Platform">
              {[row.device.platform, row.device.appVersion].filter(Boolean).join(' · ')}
            </FactRow>
            <FactRow labelWidth={88} label="Since">
              {formatDateTime(row.since)}
            </FactRow>
            <FactRow labelWidth={88} label="Last contact">
              {formatDateTime(row.lastContactAt)}
            </FactRow>
            <FactRow labelWidth={88} label="Transfers">
              <Transfers row={row} />
            </FactRow>
            <Group gap="xs" mt={4}>
              <RowActions row={row} onRelease={onRelease} onGrant={onGrant} />
            </Group>
          </Stack>
        </Paper>
      ))}
    </CardList>
  );
}
