import { List, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import type { Asset } from '@portico/contracts';
import { ConfirmModal } from '../../../components/ConfirmModal';
import { useEnableOnlineLicensing } from '../api';

interface EnableOnlineDialogProps {
  org: string;
  /** The machine-mode license to switch; null when closed. */
  asset: Asset | null;
  onClose: () => void;
}

/** Enable online licensing (SPEC §2.5), after saying what changes for the people who use the license. */
export function EnableOnlineDialog({ org, asset, onClose }: EnableOnlineDialogProps) {
  const enable = useEnableOnlineLicensing(org);
  const close = () => {
    enable.reset();
    onClose();
  };
  const confirm = () => {
    if (!asset) return;
    enable.mutate(asset.id, {
      onSuccess: () => {
        close();
        notifications.show({
          color: 'teal',
          title: 'Online licensing enabled',
          message: `${asset.product.name} (${asset.serialDisplay}) is now a named-user license.`,
        });
      },
    });
  };
  return (
    <ConfirmModal
      opened={asset !== null}
      title="Enable online licensing"
      confirmLabel="Enable online licensing"
      color="indigo"
      pending={enable.isPending}
      error={enable.error}
      onConfirm={confirm}
      onCancel={close}
    >
      {asset && (
        <>
          <Text size="sm">
            {asset.product.name}, serial number{' '}
            <Text span ff="monospace" size="sm">
              {asset.serialDisplay}
            </Text>
            , becomes a named-user license:
          </Text>
          <List size="sm" spacing={4}>
            <List.Item>
              Members it is assigned to sign in from the application to use it (seats assigned now:{' '}
              {asset.seatsAssigned} of {asset.seats}).
            </List.Item>
            <List.Item>The serial number alone no longer activates it.</List.Item>
            <List.Item>Portico has no way to switch it back to machine licensing.</List.Item>
          </List>
        </>
      )}
    </ConfirmModal>
  );
}
