import { Button, CopyButton, Group, Modal, Stack, Text, TextInput } from '@mantine/core';

/** When the browser refuses the clipboard: the invitation link, selected, to copy by hand. */
export function LinkDialog({ link, onClose }: { link: string | null; onClose: () => void }) {
  return (
    <Modal opened={link !== null} onClose={onClose} title="Invitation link">
      <Stack>
        <Text size="sm">Your browser did not let Portico use the clipboard. Copy the link from here:</Text>
        <TextInput
          label="Invitation link"
          value={link ?? ''}
          readOnly
          data-autofocus
          onFocus={(event) => event.currentTarget.select()}
        />
        <Group justify="flex-end">
          <CopyButton value={link ?? ''}>
            {({ copied, copy }) => <Button onClick={copy}>{copied ? 'Copied' : 'Copy'}</Button>}
          </CopyButton>
          <Button variant="default" onClick={onClose}>
            Close
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
