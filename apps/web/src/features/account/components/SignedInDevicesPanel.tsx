import { Alert, Box, Button, Loader, Paper, Stack, Table, Text, Tooltip, VisuallyHidden } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import type { SignedInDevice } from '@portico/contracts';
import { useState } from 'react';
import { CardList } from '../../../components/CardList';
import { ConfirmModal } from '../../../components/ConfirmModal';
import { formatDateTime, formatRelative } from '../../../lib/format';
import { useSignedInDevices, useSignOutDevice } from '../api';

/** "Portico License CLI on Office laptop": how the person knows the device. */
export function deviceName(device: Pick<SignedInDevice, 'application' | 'machineName'>): string {
  return device.machineName ? `${device.application} on ${device.machineName}` : device.application;
}

const lastUsed = (device: SignedInDevice) => (device.lastUsedAt ? formatRelative(device.lastUsedAt) : 'Not yet');

/**
 * Signed-in devices (SPEC §4.1): the desktop applications signed in as this account through /device, each with
 * Sign out, which also releases the licenses it holds.
 */
export function SignedInDevicesPanel() {
  const devices = useSignedInDevices();
  const [leaving, setLeaving] = useState<SignedInDevice | null>(null);

  if (devices.isPending) return <Loader size="sm" aria-label="Loading signed-in devices" />;
  if (devices.isError)
    return (
      <Alert role="alert" color="red" variant="light">
        {devices.error.message}
      </Alert>
    );
  if (devices.data.items.length === 0)
    return (
      <Text size="sm" c="dimmed">
        No desktop application is signed in as you. When you sign one in with the code it shows, it is listed here.
      </Text>
    );

  const rows = devices.data.items;
  return (
    <>
      {/* A table is too wide for a phone; there each device is a small card instead. */}
      <Box visibleFrom="sm">
        <DevicesTable devices={rows} onSignOut={setLeaving} />
      </Box>
      <Box hiddenFrom="sm">
        <DeviceCards devices={rows} onSignOut={setLeaving} />
      </Box>
      <SignOutDialog device={leaving} onClose={() => setLeaving(null)} />
    </>
  );
}

interface ListProps {
  devices: SignedInDevice[];
  onSignOut: (device: SignedInDevice) => void;
}

function SignOutButton({ device, onSignOut }: { device: SignedInDevice; onSignOut: ListProps['onSignOut'] }) {
  return (
    <Button
      size="xs"
      variant="light"
      color="red"
      onClick={() => onSignOut(device)}
      // The visible "Sign out" comes first so voice control still finds it; the rest says which device.
      aria-label={`Sign out ${deviceName(device)}`}
      style={{ flexShrink: 0 }}
    >
      Sign out
    </Button>
  );
}

function DevicesTable({ devices, onSignOut }: ListProps) {
  return (
    <Table verticalSpacing="sm" highlightOnHover aria-label="Signed-in devices">
      <Table.Thead>
        <Table.Tr>
          <Table.Th scope="col">Application</Table.Th>
          <Table.Th scope="col">Machine</Table.Th>
          <Table.Th scope="col">Platform</Table.Th>
          <Table.Th scope="col">Signed in</Table.Th>
          <Table.Th scope="col">Last used</Table.Th>
          <Table.Th scope="col">
            <VisuallyHidden>Actions</VisuallyHidden>
          </Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {devices.map((device) => (
          <Table.Tr key={device.id}>
            <Table.Td>
              <Text size="sm" fw={500}>
                {device.application}
              </Text>
            </Table.Td>
            <Table.Td>
              <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
                {device.machineName ?? '—'}
              </Text>
            </Table.Td>
            <Table.Td>
              <Text size="sm">{device.platform ?? '—'}</Text>
            </Table.Td>
            <Table.Td>
              <Text size="sm">{formatDateTime(device.signedInAt)}</Text>
            </Table.Td>
            <Table.Td>
              {device.lastUsedAt ? (
                <Tooltip label={formatDateTime(device.lastUsedAt)} withArrow>
                  <Text size="sm">{lastUsed(device)}</Text>
                </Tooltip>
              ) : (
                <Text size="sm">{lastUsed(device)}</Text>
              )}
            </Table.Td>
            <Table.Td ta="right">
              <SignOutButton device={device} onSignOut={onSignOut} />
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

function DeviceCards({ devices, onSignOut }: ListProps) {
  return (
    <CardList aria-label="Signed-in devices">
      {devices.map((device) => (
        <Paper component="li" key={device.id} withBorder radius="md" p="sm">
          <Stack gap={2}>
            <Text size="sm" fw={600} style={{ overflowWrap: 'anywhere' }}>
              {deviceName(device)}
            </Text>
            {device.platform && (
              <Text size="xs" c="dimmed">
                {device.platform}
              </Text>
            )}
            <Text size="xs" c="dimmed">
              Signed in {formatDateTime(device.signedInAt)}
            </Text>
            <Text size="xs" c="dimmed">
              Last used {lastUsed(device).toLowerCase()}
            </Text>
            <Box mt={6}>
              <SignOutButton device={device} onSignOut={onSignOut} />
            </Box>
          </Stack>
        </Paper>
      ))}
    </CardList>
  );
}

function SignOutDialog({ device, onClose }: { device: SignedInDevice | null; onClose: () => void }) {
  const signOut = useSignOutDevice();
  const close = () => {
    signOut.reset();
    onClose();
  };
  const confirm = () =>
    device &&
    signOut.mutate(device.id, {
      onSuccess: () => {
        close();
        notifications.show({ color: 'teal', message: `Signed out ${deviceName(device)}.` });
      },
    });
  return (
    <ConfirmModal
      opened={device !== null}
      title="Sign out device"
      confirmLabel="Sign out"
      pending={signOut.isPending}
      error={signOut.error}
      onConfirm={confirm}
      onCancel={close}
    >
      {device && (
        <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
          {deviceName(device)} is signed out at once: it stops using your licenses, which are free for your other
          devices. To use it there again, sign in from the application.
        </Text>
      )}
    </ConfirmModal>
  );
}
