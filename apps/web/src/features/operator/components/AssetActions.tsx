import { Button, Group, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import type { Asset } from '@portico/contracts';
import { ConfirmModal } from '../../../components/ConfirmModal';
import { useUpdateAsset } from '../api';

/**
 * Edit, and Suspend or Reactivate; each button names its asset for screen readers, since every row has them.
 * Suspend is asked first: it stops every member's use of the asset at once. Reactivating gives it back, unasked.
 */
export function AssetActions({ asset, onEdit }: { asset: Asset; onEdit: () => void }) {
  const update = useUpdateAsset();
  const [confirming, confirm] = useDisclosure(false);
  const suspended = asset.status === 'suspended';
  const what = `${asset.product.name} ${asset.serialDisplay}`;

  const setStatus = (status: 'active' | 'suspended') =>
    update.mutate(
      { id: asset.id, status },
      {
        onSuccess: () => {
          confirm.close();
          notifications.show({ color: 'teal', message: `${what} is ${suspended ? 'reactivated' : 'suspended'}.` });
        },
        onError: (error) => {
          if (!confirming) notifications.show({ color: 'red', message: error.message });
        },
      },
    );
  const cancel = () => {
    confirm.close();
    update.reset();
  };

  return (
    <Group gap="xs" wrap="nowrap" justify="flex-end">
      <Button size="xs" variant="default" onClick={onEdit} aria-label={`Edit ${what}`}>
        Edit
      </Button>
      <Button
        size="xs"
        variant="light"
        color={suspended ? 'teal' : 'red'}
        onClick={() => (suspended ? setStatus('active') : confirm.open())}
        loading={update.isPending && !confirming}
        aria-label={`${suspended ? 'Reactivate' : 'Suspend'} ${what}`}
      >
        {suspended ? 'Reactivate' : 'Suspend'}
      </Button>
      <ConfirmModal
        opened={confirming}
        title="Suspend asset"
        confirmLabel="Suspend"
        pending={update.isPending}
        error={confirming ? update.error : null}
        onConfirm={() => setStatus('suspended')}
        onCancel={cancel}
      >
        <Text size="sm">
          {asset.product.name}{' '}
          <Text span ff="monospace" size="sm">
            {asset.serialDisplay}
          </Text>{' '}
          will be suspended: its members cannot use it, and new seats cannot be assigned, until it is reactivated.
        </Text>
      </ConfirmModal>
    </Group>
  );
}
