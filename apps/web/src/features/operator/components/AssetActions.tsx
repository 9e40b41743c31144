import { Button, Group } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import type { Asset } from '@portico/contracts';
import { useUpdateAsset } from '../api';

/** Edit, and Suspend or Reactivate; each button names its asset for screen readers, since every row has them. */
export function AssetActions({ asset, onEdit }: { asset: Asset; onEdit: () => void }) {
  const update = useUpdateAsset();
  const suspended = asset.status === 'suspended';
  const what = `${asset.product.name} ${asset.serialDisplay}`;

  const toggle = () =>
    update.mutate(
      { id: asset.id, status: suspended ? 'active' : 'suspended' },
      {
        onSuccess: () =>
          notifications.show({ color: 'teal', message: `${what} is ${suspended ? 'reactivated' : 'suspended'}.` }),
        onError: (error) => notifications.show({ color: 'red', message: error.message }),
      },
    );

  return (
    <Group gap="xs" wrap="nowrap" justify="flex-end">
      <Button size="xs" variant="default" onClick={onEdit} aria-label={`Edit ${what}`}>
        Edit
      </Button>
      <Button
        size="xs"
        variant="light"
        color={suspended ? 'teal' : 'red'}
        onClick={toggle}
        loading={update.isPending}
        aria-label={`${suspended ? 'Reactivate' : 'Suspend'} ${what}`}
      >
        {suspended ? 'Reactivate' : 'Suspend'}
      </Button>
    </Group>
  );
}
