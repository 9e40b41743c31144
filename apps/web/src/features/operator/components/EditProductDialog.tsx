import { Group, Modal, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { type CatalogProduct, UpdateProductRequest } from '@portico/contracts';
import { useEffect } from 'react';
import { FormAlert } from '../../../components/FormAlert';
import { SubmitButton } from '../../../components/SubmitButton';
import { validateWith } from '../../../lib/form-errors';
import { useFormErrors } from '../../../lib/use-form-errors';
import { useUpdateProduct } from '../api';

const labels = { name: 'Name', type: 'Product type' };

const valuesOf = (product: CatalogProduct | null) => ({ name: product?.name ?? '', type: product?.type ?? '' });

/** Only what changed is sent; a service has no product type, so its field is not shown. */
function changes(product: CatalogProduct, values: ReturnType<typeof valuesOf>) {
  return {
    ...(values.name.trim() !== product.name ? { name: values.name } : {}),
    ...(product.kind === 'license' && values.type.trim().toLowerCase() !== product.type ? { type: values.type } : {}),
  };
}

/** The code and the kind never change (desktop applications and CSV files name products by code). */
export function EditProductDialog({ product, onClose }: { product: CatalogProduct | null; onClose: () => void }) {
  const update = useUpdateProduct();
  const { formRef, onInvalid, showApiErrors } = useFormErrors(labels);
  const form = useForm({
    initialValues: valuesOf(product),
    validate: (values) => {
      if (!product) return {};
      const body = changes(product, values);
      return Object.keys(body).length === 0 ? {} : validateWith(UpdateProductRequest, labels)(body);
    },
  });

  // biome-ignore lint/correctness/useExhaustiveDependencies: a newly chosen product fills the form once
  useEffect(() => {
    form.setInitialValues(valuesOf(product));
    form.reset();
    update.reset();
  }, [product?.id]);

  const submit = form.onSubmit((values) => {
    if (!product) return;
    const body = changes(product, values);
    if (Object.keys(body).length === 0) return onClose();
    update.mutate(
      { id: product.id, ...body },
      {
        onSuccess: (saved) => {
          onClose();
          notifications.show({ color: 'teal', message: `${saved.name} (${saved.code}) is saved.` });
        },
        onError: (error) => showApiErrors(form, error),
      },
    );
  }, onInvalid);

  return (
    <Modal opened={product !== null} onClose={onClose} title="Edit product">
      {product && (
        <form ref={formRef} onSubmit={submit} noValidate>
          <Stack>
            <Text size="sm">
              <Text span ff="monospace" size="sm">
                {product.code}
              </Text>{' '}
              · {product.kind === 'license' ? 'License' : 'Service'}. The code and the kind stay as they are.
            </Text>
            <FormAlert error={update.error} labels={labels} />
            <TextInput label={labels.name} required data-autofocus {...form.getInputProps('name')} />
            {product.kind === 'license' && (
              <TextInput
                label={labels.type}
                description="One short word, e.g. cad, simulation, electrical. A member holds one product of a type."
                required
                autoComplete="off"
                {...form.getInputProps('type')}
              />
            )}
            <Group justify="flex-end">
              <SubmitButton pending={update.isPending}>Save changes</SubmitButton>
            </Group>
          </Stack>
        </form>
      )}
    </Modal>
  );
}
