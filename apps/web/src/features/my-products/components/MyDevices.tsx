import { Badge, Box, Button, Group, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import type { ActivationView, MyLicensing, MyProduct, RegisteredDevice } from '@portico/contracts';
import { useState } from 'react';
import { ConfirmModal } from '../../../components/ConfirmModal';
import { ActivationStateBadge } from '../../../components/licensing/ActivationStateBadge';
import { formatMoment, platformText, transfersText } from '../../../components/licensing/licensing-format';
import { formatDateTime, formatRelative } from '../../../lib/format';
import { useReleaseMyActivation } from '../api';

interface MyDevicesProps {
  org: string;
  item: MyProduct;
  licensing: MyLicensing;
}

/**
 * A named-user license's devices (SPEC §2.5): the ones registered, which is in use and how (online, offline until
 * when), the transfers left; Release on the one in use frees the license for the other.
 */
export function MyDevices({ org, item, licensing }: MyDevicesProps) {
  const [releasing, setReleasing] = useState<ActivationView | null>(null);
  const headingId = `devices-${item.assignmentId}`;
  const current = licensing.activation && licensing.activation.state !== 'ended' ? licensing.activation : null;
  return (
    <Stack gap="sm" component="section" aria-labelledby={headingId}>
      <Group justify="space-between" align="baseline" gap="xs">
        <Title order={3} size="h5" id={headingId}>
          Your devices
        </Title>
        <Text size="sm">
          <Text span c="dimmed" size="sm">
            Transfers:
          </Text>{' '}
          {transfersText(licensing.transfers)}
        </Text>
      </Group>
      <Stack
        component="ul"
        gap={0}
        p={0}
        m={0}
        style={{ listStyle: 'none' }}
        aria-label={`Devices for ${item.product.name}`}
      >
        {inUseFirst(licensing.devices).map((device) => (
          <DeviceRow
            key={device.id}
            device={device}
            activation={device.inUse ? current : null}
            onRelease={setReleasing}
          />
        ))}
      </Stack>
      <Text size="xs" c="dimmed">
        One device uses the license at a time. Moving it between your registered devices, releasing and signing out are
        free; using a new device in place of a registered one uses a transfer.
      </Text>
      <ReleaseDialog org={org} product={item.product.name} activation={releasing} onClose={() => setReleasing(null)} />
    </Stack>
  );
}

/** The device in use first, then the most recently seen. */
function inUseFirst(devices: RegisteredDevice[]): RegisteredDevice[] {
  return [...devices].sort((a, b) => Number(b.inUse) - Number(a.inUse) || b.lastSeenAt.localeCompare(a.lastSeenAt));
}

interface DeviceRowProps {
  device: RegisteredDevice;
  /** The activation holding the license, on the device in use. */
  activation: ActivationView | null;
  onRelease: (activation: ActivationView) => void;
}

function DeviceRow({ device, activation, onRelease }: DeviceRowProps) {
  return (
    <Box component="li" py="sm" style={{ borderTop: '1px solid var(--mantine-color-default-border)' }}>
      <Group justify="space-between" align="flex-start" gap="sm">
        <Stack gap={4} style={{ minWidth: 0, flex: '1 1 14rem' }}>
          <Group gap="xs">
            <Text size="sm" fw={600} style={{ overflowWrap: 'anywhere' }}>
              {device.name}
            </Text>
            {device.inUse && (
              <Badge variant="filled" color="indigo" tt="none">
                In use
              </Badge>
            )}
            {activation && <ActivationStateBadge activation={activation} />}
          </Group>
          <Text size="xs" c="dimmed">
            {platformText(device)} · last seen{' '}
            <span title={formatDateTime(device.lastSeenAt)}>{formatRelative(device.lastSeenAt)}</span>
          </Text>
        </Stack>
        {activation && (
          <Button
            size="xs"
            variant="light"
            color="red"
            onClick={() => onRelease(activation)}
            aria-label={`Release ${device.name}`}
            style={{ flexShrink: 0 }}
          >
            Release
          </Button>
        )}
      </Group>
    </Box>
  );
}

interface ReleaseDialogProps {
  org: string;
  product: string;
  activation: ActivationView | null;
  onClose: () => void;
}

/** Release, confirmed once: it frees the license for the other device, at no cost. */
function ReleaseDialog({ org, product, activation, onClose }: ReleaseDialogProps) {
  const release = useReleaseMyActivation(org);
  const close = () => {
    release.reset();
    onClose();
  };
  const confirm = () =>
    activation &&
    release.mutate(activation.id, {
      onSuccess: () => {
        close();
        notifications.show({
          color: 'teal',
          title: 'Released',
          message: `${product} is free for your other device.`,
        });
      },
    });
  const name = activation?.device.name ?? '';
  return (
    <ConfirmModal
      opened={activation !== null}
      title="Release this device"
      confirmLabel="Release"
      pending={release.isPending}
      error={release.error}
      onConfirm={confirm}
      onCancel={close}
    >
      {activation && (
        <Stack gap="xs">
          <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
            Releasing {product} on {name} frees the license for your other device, at no cost.
          </Text>
          <Text size="sm">
            {activation.state === 'offline' && activation.offlineUntil
              ? `${name} holds an offline lease until ${formatMoment(activation.offlineUntil)} and may keep working without a connection until then.`
              : `${name} stops using it at its next check with the server.`}{' '}
            To use it there again, activate it in the application.
          </Text>
        </Stack>
      )}
    </ConfirmModal>
  );
}
