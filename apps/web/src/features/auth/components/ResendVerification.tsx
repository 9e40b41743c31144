import { Alert, Button, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { EmailRequest } from '@portico/contracts';
import { FormAlert } from '../../../components/FormAlert';
import { SubmitButton } from '../../../components/SubmitButton';
import { formatWaitShort, validateWith } from '../../../lib/form-errors';
import { useCooldown } from '../../../lib/use-cooldown';
import { useFormErrors } from '../../../lib/use-form-errors';
import { useResendVerification } from '../api';

const labels = { email: 'Email' };

interface ResendVerificationProps {
  /** When the address is known the action is one button; otherwise the user types it. */
  email?: string;
  variant?: 'filled' | 'light' | 'default';
}

export function ResendVerification({ email, variant = 'light' }: ResendVerificationProps) {
  const resend = useResendVerification();
  const cooldown = useCooldown(resend.error);
  const { formRef, onInvalid, showApiErrors } = useFormErrors(labels);
  const form = useForm({ initialValues: { email: email ?? '' }, validate: validateWith(EmailRequest, labels) });

  const submit = form.onSubmit(
    (values) =>
      resend.mutate(values.email, {
        onError: (error) => showApiErrors(form, error),
      }),
    onInvalid,
  );

  const sent = resend.isSuccess && (
    <Alert role="status" color="teal" variant="light">
      {resend.data.message}
    </Alert>
  );

  if (email) {
    return (
      <Stack gap="sm">
        <FormAlert error={resend.error} labels={labels} />
        {sent}
        <Button
          variant={variant}
          loading={resend.isPending}
          disabled={cooldown > 0}
          onClick={() => resend.mutate(email)}
        >
          {cooldown > 0 ? `Try again in ${formatWaitShort(cooldown)}` : 'Resend verification email'}
        </Button>
      </Stack>
    );
  }

  return (
    <form ref={formRef} onSubmit={submit} noValidate>
      <Stack gap="sm">
        <FormAlert error={resend.error} labels={labels} />
        {sent}
        <TextInput label={labels.email} type="email" autoComplete="email" required {...form.getInputProps('email')} />
        <SubmitButton pending={resend.isPending} cooldown={cooldown} variant={variant}>
          Resend verification email
        </SubmitButton>
      </Stack>
    </form>
  );
}
