import { Button, Group, Modal, Stack, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import type { ReactNode } from 'react';

interface ConfirmButtonProps {
  /** The visible button text, also the confirming button's. */
  label: string;
  /** The button's accessible name when the visible label alone is ambiguous in a list. */
  ariaLabel?: string;
  title: string;
  children: ReactNode;
  pending: boolean;
  onConfirm: (done: () => void) => void;
}

/** Taking rights away from someone is asked twice: a list of look-alike rows invites a slip of the mouse. */
export function ConfirmButton({ label, ariaLabel, title, children, pending, onConfirm }: ConfirmButtonProps) {
  const [opened, dialog] = useDisclosure(false);
  return (
    <>
      <Button size="xs" variant="light" color="red" onClick={dialog.open} aria-label={ariaLabel}>
        {label}
      </Button>
      <Modal opened={opened} onClose={dialog.close} title={title}>
        <Stack>
          <Text size="sm">{children}</Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={dialog.close} data-autofocus>
              Cancel
            </Button>
            <Button color="red" loading={pending} onClick={() => onConfirm(dialog.close)}>
              {label}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}
