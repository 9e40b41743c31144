import { Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import type { ActivationView } from '@portico/contracts';
import { ConfirmModal } from '../../../components/ConfirmModal';
import { formatMoment } from '../../../components/licensing/licensing-format';
import { useReleaseActivation } from '../api';

interface ReleaseDialogProps {
  org: string;
  /** What to release; null when closed. */
  activation: ActivationView | null;
  onClose: () => void;
}

/** What releasing does to this device, in its own case (online, offline, a machine). */
function consequence(activation: ActivationView): string {
  const { device } = activation;
  const holder = activation.user ? `${activation.user.name}’s` : 'the';
  const free = activation.user
    ? `The license is free at once for ${activation.user.name}’s other device; releasing costs no transfer.`
    : 'Its seat of the serial number is free at once.';
  if (activation.state === 'offline' && activation.offlineUntil)
    return (
      `${device.name} holds an offline lease until ${formatMoment(activation.offlineUntil)}: it may keep working ` +
      `without a connection until then, and stops at its next check with the server. ${free}`
    );
  return `${holder} ${device.name} stops using ${activation.product.name} at its next heartbeat (its next check with the server). ${free}`;
}

/** Release (SPEC §2.5 "takes effect at the next heartbeat"), confirmed once. */
export function ReleaseDialog({ org, activation, onClose }: ReleaseDialogProps) {
  const release = useReleaseActivation(org);
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
          message: `${activation.device.name} stops using ${activation.product.name} at its next heartbeat.`,
        });
      },
    });
  return (
    <ConfirmModal
      opened={activation !== null}
      title="Release activation"
      confirmLabel="Release"
      pending={release.isPending}
      error={release.error}
      onConfirm={confirm}
      onCancel={close}
    >
      {activation && (
        <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
          {capitalize(consequence(activation))}
        </Text>
      )}
    </ConfirmModal>
  );
}

const capitalize = (text: string) => (text ? (text[0]?.toUpperCase() ?? '') + text.slice(1) : text);
