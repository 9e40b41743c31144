import { Checkbox, Group, PasswordInput, Stack } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { ChangePasswordRequest } from '@portico/contracts';
import { useRef } from 'react';
import { FormAlert } from '../../../components/FormAlert';
import { SubmitButton } from '../../../components/SubmitButton';
import { apiFieldErrors, focusFirstInvalid, validateWith } from '../../../lib/form-errors';
import { PASSWORD_HELP } from '../../../lib/password';
import { useCooldown } from '../../../lib/use-cooldown';
import { useChangePassword } from '../api';

const labels = { currentPassword: 'Current password', newPassword: 'New password' };
const initialValues = { currentPassword: '', newPassword: '', signOutOtherSessions: false };

export function ChangePasswordForm() {
  const change = useChangePassword();
  const cooldown = useCooldown(change.error);
  const formRef = useRef<HTMLFormElement>(null);
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
        onError: (error) => {
          form.setErrors(apiFieldErrors(error, labels));
          focusFirstInvalid(formRef.current);
        },
      }),
    () => focusFirstInvalid(formRef.current),
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
        <PasswordInput
          label={labels.newPassword}
          description={PASSWORD_HELP}
          autoComplete="new-password"
          required
          {...form.getInputProps('newPassword')}
        />
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
