import { Group, Modal, NumberInput, Radio, Select, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { CreateAssetRequest } from '@portico/contracts';
import { FormAlert } from '../../../components/FormAlert';
import { AnchorLink } from '../../../components/links';
import { SubmitButton } from '../../../components/SubmitButton';
import { focusFirstInvalid, validateWith } from '../../../lib/form-errors';
import { useFormErrors } from '../../../lib/use-form-errors';
import { useCreateAsset, useProducts } from '../api';
import { assetApiErrors, assetLabels, tidyErrors, today, toSeats } from '../asset-form';
import { TermFields } from './TermFields';

interface Props {
  org: string;
  opened: boolean;
  onClose: () => void;
}

const initialValues = {
  product: '',
  serial: '',
  seats: 1 as number | string,
  mode: 'machine',
  startsAt: '',
  endsAt: '',
};
type Values = typeof initialValues;

export function AddAssetDialog({ org, opened, onClose }: Props) {
  const products = useProducts();
  const create = useCreateAsset();
  const { formRef, onInvalid } = useFormErrors(assetLabels);
  const isLicense = (values: Values) =>
    products.data?.items.find((product) => product.id === values.product)?.kind !== 'service';
  const toRequest = (values: Values) => ({
    organization: org,
    product: values.product,
    serial: values.serial,
    // Services have no seats and no licensing mode: neither is asked nor sent for one.
    ...(isLicense(values) ? { seats: toSeats(values.seats), mode: values.mode as 'machine' | 'online' } : {}),
    startsAt: values.startsAt,
    endsAt: values.endsAt || null,
  });
  const form = useForm({
    initialValues: { ...initialValues, startsAt: today() },
    validate: (values) => tidyErrors(validateWith(CreateAssetRequest, assetLabels)(toRequest(values))),
  });

  const close = () => {
    form.setInitialValues({ ...initialValues, startsAt: today() });
    form.reset();
    create.reset();
    onClose();
  };

  const submit = form.onSubmit(
    (values) =>
      create.mutate(toRequest(values), {
        onSuccess: (asset) => {
          close();
          notifications.show({ color: 'teal', message: `${asset.product.name} ${asset.serialDisplay} is added.` });
        },
        onError: (error) => {
          form.setErrors(assetApiErrors(error));
          focusFirstInvalid(formRef.current);
        },
      }),
    onInvalid,
  );

  // Retired products take no new assets.
  const productOptions = (products.data?.items ?? [])
    .filter((product) => !product.retiredAt)
    .map((product) => ({
      value: product.id,
      label: `${product.name} (${product.code})${product.kind === 'service' ? ' · service' : ''}`,
    }));

  return (
    <Modal opened={opened} onClose={close} title="Add asset" size="lg">
      <form ref={formRef} onSubmit={submit} noValidate>
        <Stack>
          <FormAlert error={create.error ?? products.error} labels={assetLabels} />
          {products.data && productOptions.length === 0 && (
            <Text size="sm">
              The catalogue is empty. <AnchorLink to="/operator/products">Add a product</AnchorLink> first.
            </Text>
          )}
          <Select
            label={assetLabels.product}
            data={productOptions}
            required
            allowDeselect={false}
            placeholder={products.isPending ? 'Loading the catalogue…' : 'Choose a product'}
            data-autofocus
            {...form.getInputProps('product')}
          />
          <TextInput
            label={assetLabels.serial}
            description="Spaces and dashes do not matter"
            required
            autoComplete="off"
            spellCheck={false}
            {...form.getInputProps('serial')}
          />
          {isLicense(form.values) ? (
            <>
              <NumberInput
                label={assetLabels.seats}
                required
                min={1}
                allowDecimal={false}
                {...form.getInputProps('seats')}
              />
              <Radio.Group label={assetLabels.mode} {...form.getInputProps('mode')}>
                <Group mt={6}>
                  <Radio value="machine" label="Machine" />
                  <Radio value="online" label="Online" />
                </Group>
              </Radio.Group>
            </>
          ) : (
            <Text size="sm" c="dimmed">
              A service has no seats and no licensing mode: every contact of the organization is entitled to it.
            </Text>
          )}
          <TermFields startsAt={form.getInputProps('startsAt')} endsAt={form.getInputProps('endsAt')} />
          <Group justify="flex-end">
            <SubmitButton pending={create.isPending}>Add asset</SubmitButton>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
