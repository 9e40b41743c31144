import { Button, Group, Modal, Stack, Text } from '@mantine/core';
import type { MemberRow } from '@portico/contracts';

const COPY = {
  reissue: {
    title: 'Send new invitation',
    button: 'Send new invitation',
    color: 'blue',
    text: (email: string) =>
      `${email} gets a new invitation with a new link and a new expiry, with the same User Rights and message. The expired link stays dead.`,
  },
  revoke: {
    title: 'Revoke invitation',
    button: 'Revoke invitation',
    color: 'red',
    text: (email: string) => `The link sent to ${email} stops working at once. You can invite the address again later.`,
  },
  'make-admin': {
    title: 'Change to Admin',
    button: 'Change to Admin',
    color: 'blue',
    text: (email: string) =>
      `${email} gets Admin rights in this organization: they can invite and remove members, change User Rights and assign products.`,
  },
  'make-member': {
    title: 'Change to Member',
    button: 'Change to Member',
    color: 'red',
    text: (email: string) =>
      `${email} loses Admin rights in this organization and keeps their products. Another administrator can make them Admin again.`,
  },
  remove: {
    title: 'Remove member',
    button: 'Remove member',
    color: 'red',
    text: (email: string) =>
      `${email} loses access to this organization at once. Their account stays; you can invite them again later.`,
  },
} as const;

interface ConfirmDialogProps {
  request: { action: keyof typeof COPY; row: MemberRow } | null;
  pending: boolean;
  onConfirm: () => void;
  onCancel: () => void;
}

/** Asked before an action that cannot be taken back; Cancel has the focus, so Enter does no harm. */
export function ConfirmDialog({ request, pending, onConfirm, onCancel }: ConfirmDialogProps) {
  const copy = request ? COPY[request.action] : null;
  return (
    <Modal opened={request !== null} onClose={onCancel} title={copy?.title}>
      {copy && request && (
        <Stack>
          <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
            {copy.text(request.row.email)}
          </Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={onCancel} data-autofocus>
              Cancel
            </Button>
            <Button color={copy.color} loading={pending} onClick={onConfirm}>
              {copy.button}
            </Button>
          </Group>
        </Stack>
      )}
    </Modal>
  );
}
