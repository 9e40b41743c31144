import { Checkbox, Group, PasswordInput, Stack } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { ChangePasswordRequest } from '@portico/contracts';
import { FormAlert } from '../../../components/FormAlert';
import { NewPasswordInput } from '../../../components/NewPasswordInput';
import { SubmitButton } from '../../../components/SubmitButton';
import { validateWith } from '../../../lib/form-errors';
import { useCooldown } from '../../../lib/use-cooldown';
import { useFormErrors } from '../../../lib/use-form-errors';
import { useChangePassword } from '../api';

const labels = { currentPassword: 'Current password', newPassword: 'New password' };
const initialValues = { currentPassword: '', newPassword: '', signOutOtherSessions: false };

export function ChangePasswordForm() {
  const change = useChangePassword();
  const cooldown = useCooldown(change.error);
  const { formRef, onInvalid, showApiErrors } = useFormErrors(labels);
  const form = useForm({ initialValues, validate: validateWith(ChangePasswordRequest, labels) });

  const submit = form.onSubmit(
    (values) =>
      change.mutate(values, {
        onSuccess: () => {
          form.reset();
          notifications.show({
            color: 'teal',
            message: values.signOutOtherSessions
              ? 'Your password is changed, and your other sessions are signed out.'
              : 'Your password is changed.',
          });
        },
        onError: (error) => showApiErrors(form, error),
      }),
    onInvalid,
  );

  return (
    <form ref={formRef} onSubmit={submit} noValidate>
      <Stack maw={420}>
        <FormAlert error={change.error} labels={labels} />
        <PasswordInput
          label={labels.currentPassword}
          autoComplete="current-password"
          required
          {...form.getInputProps('currentPassword')}
        />
        <NewPasswordInput label={labels.newPassword} {...form.getInputProps('newPassword')} />
        <Checkbox
          label="Sign out my other sessions"
          description="Recommended if you think someone else knows your password."
          {...form.getInputProps('signOutOtherSessions', { type: 'checkbox' })}
        />
        <Group>
          <SubmitButton pending={change.isPending} cooldown={cooldown}>
            Change password
          </SubmitButton>
        </Group>
      </Stack>
    </form>
  );
}
