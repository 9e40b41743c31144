import { Badge, Group, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { type Me, UpdateMeRequest } from '@portico/contracts';
import { FormAlert } from '../../../components/FormAlert';
import { SubmitButton } from '../../../components/SubmitButton';
import { validateWith } from '../../../lib/form-errors';
import { useFormErrors } from '../../../lib/use-form-errors';
import { useUpdateMe } from '../api';

const labels = { name: 'Name' };

export function ProfileForm({ me }: { me: Me }) {
  const update = useUpdateMe();
  const { formRef, onInvalid, showApiErrors } = useFormErrors(labels);
  const form = useForm({ initialValues: { name: me.user.name }, validate: validateWith(UpdateMeRequest, labels) });

  const submit = form.onSubmit(
    (values) =>
      update.mutate(values, {
        onSuccess: (next) => {
          form.setInitialValues({ name: next.user.name });
          form.setValues({ name: next.user.name });
          form.resetDirty({ name: next.user.name });
          notifications.show({ color: 'teal', message: 'Your name is saved.' });
        },
        onError: (error) => showApiErrors(form, error),
      }),
    onInvalid,
  );

  return (
    <form ref={formRef} onSubmit={submit} noValidate>
      <Stack>
        <FormAlert error={update.error} labels={labels} />
        <TextInput label={labels.name} autoComplete="name" required maw={420} {...form.getInputProps('name')} />
        <Stack gap={4}>
          <Text size="sm" fw={600}>
            Email
          </Text>
          <Group gap="xs">
            <Text size="sm">{me.user.email}</Text>
            {me.user.emailVerified ? (
              <Badge color="teal" variant="light">
                Verified
              </Badge>
            ) : (
              <Badge color="yellow" variant="light">
                Not verified
              </Badge>
            )}
          </Group>
        </Stack>
        <Group>
          <SubmitButton pending={update.isPending} disabled={!form.isDirty()}>
            Save
          </SubmitButton>
        </Group>
      </Stack>
    </form>
  );
}
