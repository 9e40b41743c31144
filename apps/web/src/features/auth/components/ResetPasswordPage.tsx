import { Alert, Stack, Text } from '@mantine/core';
import { useForm } from '@mantine/form';
import { password } from '@portico/contracts';
import { getRouteApi } from '@tanstack/react-router';
import { z } from 'zod';
import { CenteredPage } from '../../../components/CenteredPage';
import { FormAlert } from '../../../components/FormAlert';
import { AnchorLink, ButtonLink } from '../../../components/links';
import { NewPasswordInput } from '../../../components/NewPasswordInput';
import { SubmitButton } from '../../../components/SubmitButton';
import { isApiError } from '../../../lib/api';
import { validateWith } from '../../../lib/form-errors';
import { useCooldown } from '../../../lib/use-cooldown';
import { useFormErrors } from '../../../lib/use-form-errors';
import { useResetPassword } from '../api';

const route = getRouteApi('/reset-password');
const labels = { newPassword: 'New password' };
const schema = z.object({ newPassword: password });

export function ResetPasswordPage() {
  const { token } = route.useSearch();
  if (!token) return <InvalidLink />;
  return <ResetPasswordForm token={token} />;
}

function ResetPasswordForm({ token }: { token: string }) {
  const reset = useResetPassword();
  const cooldown = useCooldown(reset.error);
  const { formRef, onInvalid, showApiErrors } = useFormErrors(labels);
  const form = useForm({ initialValues: { newPassword: '' }, validate: validateWith(schema, labels) });

  const submit = form.onSubmit(
    (values) =>
      reset.mutate(
        { token, newPassword: values.newPassword },
        {
          onError: (error) => showApiErrors(form, error),
        },
      ),
    onInvalid,
  );

  if (isApiError(reset.error, 'INVALID_TOKEN')) return <InvalidLink />;

  if (reset.isSuccess) {
    return (
      <CenteredPage title="Your password is changed">
        <Stack>
          <Text>Sign in with your new password.</Text>
          <ButtonLink to="/sign-in">Sign in</ButtonLink>
        </Stack>
      </CenteredPage>
    );
  }

  return (
    <CenteredPage title="Choose a new password">
      <form ref={formRef} onSubmit={submit} noValidate>
        <Stack>
          <FormAlert error={reset.error} labels={labels} />
          <NewPasswordInput label={labels.newPassword} {...form.getInputProps('newPassword')} />
          <SubmitButton pending={reset.isPending} cooldown={cooldown} fullWidth>
            Set new password
          </SubmitButton>
        </Stack>
      </form>
    </CenteredPage>
  );
}

function InvalidLink() {
  return (
    <CenteredPage title="This link does not work">
      <Stack>
        <Alert role="alert" color="red" variant="light">
          This password reset link has expired, has been used already or is incomplete.
        </Alert>
        <Text>
          <AnchorLink to="/forgot-password">Ask for a new link</AnchorLink> to reset your password.
        </Text>
      </Stack>
    </CenteredPage>
  );
}
