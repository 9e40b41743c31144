import { Button, Group, Modal, NumberInput, Stack, Text, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import type { ActivationView } from '@portico/contracts';
import { FormAlert } from '../../../components/FormAlert';
import { transfersText } from '../../../components/licensing/licensing-format';
import { SubmitButton } from '../../../components/SubmitButton';
import { useFormErrors } from '../../../lib/use-form-errors';
import { useGrantTransfers } from '../api';

interface GrantTransfersDialogProps {
  org: string;
  /** The row whose member and product get the transfers; null when closed. */
  activation: ActivationView | null;
  onClose: () => void;
}

const labels = { count: 'Number of transfers', reason: 'Reason' };
/** TransferGrantRequest's bounds: a grant is an exception, not a new limit. */
const MAX_COUNT = 20;
const MAX_REASON = 500;

/** Grant transfers (SPEC §2.5 "administrators may grant extra transfers with a reason"). */
export function GrantTransfersDialog({ org, activation, onClose }: GrantTransfersDialogProps) {
  return (
    <Modal opened={activation !== null} onClose={onClose} title="Grant transfers">
      {activation?.user && activation.transfers && (
        <GrantForm key={activation.id} org={org} activation={activation} onClose={onClose} />
      )}
    </Modal>
  );
}

function GrantForm({ org, activation, onClose }: { org: string; activation: ActivationView; onClose: () => void }) {
  const grant = useGrantTransfers(org);
  const { formRef, onInvalid, showApiErrors } = useFormErrors(labels);
  const form = useForm({
    initialValues: { count: 1 as number | string, reason: '' },
    validate: {
      count: (value) =>
        Number.isInteger(value) && Number(value) >= 1 && Number(value) <= MAX_COUNT
          ? null
          : `${labels.count} must be a whole number from 1 to ${MAX_COUNT}`,
      reason: (value) =>
        !value.trim()
          ? 'Reason is required'
          : value.trim().length > MAX_REASON
            ? `Reason must have at most ${MAX_REASON} characters`
            : null,
    },
  });
  const user = activation.user as NonNullable<ActivationView['user']>;
  const budget = activation.transfers as NonNullable<ActivationView['transfers']>;

  const submit = form.onSubmit(
    ({ count, reason }) =>
      grant.mutate(
        { user: user.id, product: activation.product.id, count: Number(count), reason: reason.trim() },
        {
          onSuccess: ({ transfers }) => {
            onClose();
            notifications.show({
              color: 'teal',
              title: 'Transfers granted',
              message: `${user.name} now has ${transfersText(transfers)} for ${activation.product.name}.`,
            });
          },
          onError: (error) => showApiErrors(form, error),
        },
      ),
    onInvalid,
  );

  return (
    <form ref={formRef} onSubmit={submit} noValidate>
      <Stack>
        <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
          {user.name} ({user.email}) has {transfersText(budget)} for {activation.product.name}. A transfer replaces a
          registered device with a new one; extra transfers count for {budget.windowDays} days.
        </Text>
        <FormAlert error={grant.error} labels={labels} />
        <NumberInput
          label={labels.count}
          required
          min={1}
          max={MAX_COUNT}
          allowDecimal={false}
          allowNegative={false}
          clampBehavior="strict"
          maw={200}
          data-autofocus
          {...form.getInputProps('count')}
        />
        <Textarea
          label={labels.reason}
          description="Recorded in the audit log with your name."
          required
          autosize
          minRows={2}
          maxLength={MAX_REASON}
          {...form.getInputProps('reason')}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose} disabled={grant.isPending}>
            Cancel
          </Button>
          <SubmitButton pending={grant.isPending}>Grant transfers</SubmitButton>
        </Group>
      </Stack>
    </form>
  );
}
