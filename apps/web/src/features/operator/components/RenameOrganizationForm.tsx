import { Group, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { RenameOrganizationRequest } from '@portico/contracts';
import { useEffect } from 'react';
import { FormAlert } from '../../../components/FormAlert';
import { SubmitButton } from '../../../components/SubmitButton';
import { validateWith } from '../../../lib/form-errors';
import { useFormErrors } from '../../../lib/use-form-errors';
import { useRenameOrganization } from '../api';

const labels = { name: 'Name' };

export function RenameOrganizationForm({ org, name }: { org: string; name: string }) {
  const rename = useRenameOrganization();
  const { formRef, onInvalid, showApiErrors } = useFormErrors(labels);
  const form = useForm({ initialValues: { name }, validate: validateWith(RenameOrganizationRequest, labels) });

  // A rename elsewhere (another tab, another operator) shows up here once the page refetches.
  // biome-ignore lint/correctness/useExhaustiveDependencies: only a new name from the server resets the field
  useEffect(() => {
    form.setInitialValues({ name });
    form.reset();
  }, [name]);

  const submit = form.onSubmit(
    (values) =>
      rename.mutate(
        { org, name: values.name.trim() },
        {
          onSuccess: (renamed) => notifications.show({ color: 'teal', message: `Renamed to ${renamed.name}.` }),
          onError: (error) => showApiErrors(form, error),
        },
      ),
    onInvalid,
  );

  return (
    <form ref={formRef} onSubmit={submit} noValidate>
      <FormAlert error={rename.error} labels={labels} />
      <Group align="flex-end" gap="sm">
        <TextInput
          label={labels.name}
          required
          style={{ flex: '1 1 260px' }}
          maw={420}
          {...form.getInputProps('name')}
        />
        <SubmitButton pending={rename.isPending} disabled={!form.isDirty()}>
          Rename
        </SubmitButton>
      </Group>
    </form>
  );
}
