import { Group, Modal, Radio, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { CreateProductRequest } from '@portico/contracts';
import { FormAlert } from '../../../components/FormAlert';
import { SubmitButton } from '../../../components/SubmitButton';
import { validateWith } from '../../../lib/form-errors';
import { useFormErrors } from '../../../lib/use-form-errors';
import { useCreateProduct } from '../api';

const labels = { code: 'Code', name: 'Name', kind: 'Kind', type: 'Product type' };
const initialValues = { code: '', name: '', kind: 'license' as 'license' | 'service', type: '' };
type Values = typeof initialValues;

/** Services have no product type (SPEC §2.2): the field is not even shown for them, and not sent. */
const toRequest = ({ type, ...values }: Values) =>
  values.kind === 'license' ? { ...values, type: type.trim() || undefined } : values;

export function AddProductDialog({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const create = useCreateProduct();
  const { formRef, onInvalid, showApiErrors } = useFormErrors(labels);
  const form = useForm({
    initialValues,
    validate: (values) => validateWith(CreateProductRequest, labels)(toRequest(values)),
  });

  const close = () => {
    form.reset();
    create.reset();
    onClose();
  };

  const submit = form.onSubmit(
    (values) =>
      create.mutate(toRequest(values), {
        onSuccess: (product) => {
          close();
          notifications.show({ color: 'teal', message: `${product.name} (${product.code}) is in the catalogue.` });
        },
        onError: (error) => showApiErrors(form, error),
      }),
    onInvalid,
  );

  return (
    <Modal opened={opened} onClose={close} title="Add product">
      <form ref={formRef} onSubmit={submit} noValidate>
        <Stack>
          <FormAlert error={create.error} labels={labels} />
          <Radio.Group label={labels.kind} required {...form.getInputProps('kind')}>
            <Group mt={6}>
              <Radio value="license" label="License" />
              <Radio value="service" label="Service" />
            </Group>
          </Radio.Group>
          <TextInput
            label={labels.code}
            description="Letters, digits and dashes, e.g. PRM-2026"
            required
            autoComplete="off"
            spellCheck={false}
            data-autofocus
            {...form.getInputProps('code')}
          />
          <TextInput label={labels.name} required {...form.getInputProps('name')} />
          {form.values.kind === 'license' && (
            <TextInput
              label={labels.type}
              description="One short word, e.g. cad, simulation, electrical"
              required
              autoComplete="off"
              {...form.getInputProps('type')}
            />
          )}
          <Group justify="flex-end">
            <SubmitButton pending={create.isPending}>Add product</SubmitButton>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
