import { Button, Group, Modal, Stack } from '@mantine/core';
import type { ReactNode } from 'react';
import { FormAlert } from './FormAlert';

interface ConfirmModalProps {
  opened: boolean;
  title: string;
  /** What the change does, in a sentence or two, and what it touches. */
  children: ReactNode;
  confirmLabel: string;
  color?: string;
  pending: boolean;
  /** Why the last attempt failed, shown above the buttons. */
  error?: unknown;
  onConfirm: () => void;
  onCancel: () => void;
}

/** Asked once before a change that cannot be taken back; Cancel has the focus, so Enter does no harm. */
export function ConfirmModal(props: ConfirmModalProps) {
  const { opened, title, children, confirmLabel, color = 'red', pending, error, onConfirm, onCancel } = props;
  return (
    <Modal opened={opened} onClose={() => !pending && onCancel()} title={title}>
      <Stack>
        {children}
        <FormAlert error={error} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onCancel} disabled={pending} data-autofocus>
            Cancel
          </Button>
          <Button color={color} loading={pending} onClick={onConfirm}>
            {confirmLabel}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
