import { Group, Modal, NumberInput, Stack, Text } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { type Asset, UpdateAssetRequest } from '@portico/contracts';
import { useEffect } from 'react';
import { FormAlert } from '../../../components/FormAlert';
import { SubmitButton } from '../../../components/SubmitButton';
import { focusFirstInvalid, validateWith } from '../../../lib/form-errors';
import { toDateInputValue } from '../../../lib/format';
import { useFormErrors } from '../../../lib/use-form-errors';
import { useUpdateAsset } from '../api';
import { assetApiErrors, assetLabels, tidyErrors, toSeats } from '../asset-form';
import { TermFields } from './TermFields';

interface Values {
  seats: number | string;
  startsAt: string;
  endsAt: string;
}

function valuesOf(asset: Asset | null): Values {
  return {
    seats: asset?.seats ?? 1,
    startsAt: toDateInputValue(asset?.startsAt ?? null),
    endsAt: toDateInputValue(asset?.endsAt ?? null),
  };
}

/** Only what changed is sent, so the audit log records exactly what the operator did. */
function changes(asset: Asset, values: Values) {
  const before = valuesOf(asset);
  const seatsChanged = asset.product.kind === 'license' && toSeats(values.seats) !== before.seats;
  return {
    ...(seatsChanged ? { seats: toSeats(values.seats) } : {}),
    ...(values.startsAt !== before.startsAt ? { startsAt: values.startsAt } : {}),
    ...(values.endsAt !== before.endsAt ? { endsAt: values.endsAt || null } : {}),
  };
}

export function EditAssetDialog({ asset, onClose }: { asset: Asset | null; onClose: () => void }) {
  const update = useUpdateAsset();
  const { formRef, onInvalid } = useFormErrors(assetLabels);
  const form = useForm<Values>({
    initialValues: valuesOf(asset),
    validate: (values) => {
      const body = asset ? changes(asset, values) : {};
      // The end date is checked against the start date the asset will have, changed or not.
      const whole = {
        ...(asset?.product.kind === 'license' ? { seats: toSeats(values.seats) } : {}),
        startsAt: values.startsAt,
        endsAt: values.endsAt || null,
      };
      const errors = validateWith(UpdateAssetRequest, assetLabels)(whole);
      if (!errors.endsAt && whole.endsAt && whole.startsAt && whole.endsAt <= whole.startsAt)
        errors.endsAt = 'End date must be after the start date';
      return tidyErrors(Object.keys(body).length === 0 ? {} : errors);
    },
  });

  // biome-ignore lint/correctness/useExhaustiveDependencies: a newly chosen asset fills the form once
  useEffect(() => {
    form.setInitialValues(valuesOf(asset));
    form.reset();
    update.reset();
  }, [asset?.id]);

  const submit = form.onSubmit((values) => {
    if (!asset) return;
    const body = changes(asset, values);
    if (Object.keys(body).length === 0) return onClose();
    update.mutate(
      { id: asset.id, ...body },
      {
        onSuccess: (saved) => {
          onClose();
          notifications.show({ color: 'teal', message: `${saved.product.name} ${saved.serialDisplay} is saved.` });
        },
        onError: (error) => {
          form.setErrors(assetApiErrors(error));
          focusFirstInvalid(formRef.current);
        },
      },
    );
  }, onInvalid);

  return (
    <Modal opened={asset !== null} onClose={onClose} title="Edit asset" size="lg">
      {asset && (
        <form ref={formRef} onSubmit={submit} noValidate>
          <Stack>
            <Text size="sm">
              {asset.product.name} ·{' '}
              <Text span ff="monospace" size="sm">
                {asset.serialDisplay}
              </Text>
            </Text>
            <FormAlert error={update.error} labels={assetLabels} />
            {asset.product.kind === 'license' ? (
              <NumberInput
                label={assetLabels.seats}
                required
                min={1}
                allowDecimal={false}
                data-autofocus
                {...form.getInputProps('seats')}
              />
            ) : (
              <Text size="sm" c="dimmed">
                A service has no seats: only its term changes.
              </Text>
            )}
            <TermFields startsAt={form.getInputProps('startsAt')} endsAt={form.getInputProps('endsAt')} />
            <Group justify="flex-end">
              <SubmitButton pending={update.isPending}>Save changes</SubmitButton>
            </Group>
          </Stack>
        </form>
      )}
    </Modal>
  );
}
