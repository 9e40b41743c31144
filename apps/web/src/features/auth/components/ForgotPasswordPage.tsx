import { Alert, Anchor, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { EmailRequest } from '@portico/contracts';
import { CenteredPage } from '../../../components/CenteredPage';
import { DevMailboxNote } from '../../../components/DevMailboxNote';
import { FormAlert } from '../../../components/FormAlert';
import { AnchorLink } from '../../../components/links';
import { SubmitButton } from '../../../components/SubmitButton';
import { validateWith } from '../../../lib/form-errors';
import { useCooldown } from '../../../lib/use-cooldown';
import { useFormErrors } from '../../../lib/use-form-errors';
import { useForgotPassword } from '../api';

const labels = { email: 'Email' };

export function ForgotPasswordPage() {
  const forgot = useForgotPassword();
  const cooldown = useCooldown(forgot.error);
  const { formRef, onInvalid, showApiErrors } = useFormErrors(labels);
  const form = useForm({ initialValues: { email: '' }, validate: validateWith(EmailRequest, labels) });

  const submit = form.onSubmit(
    (values) =>
      forgot.mutate(values.email, {
        onError: (error) => showApiErrors(form, error),
      }),
    onInvalid,
  );

  return (
    <CenteredPage
      title="Reset your password"
      description="Enter the email address of your account and we will send you a link to choose a new password."
      footer={
        <>
          Remembered it? <AnchorLink to="/sign-in">Sign in</AnchorLink>
        </>
      }
    >
      {forgot.isSuccess ? (
        <Stack>
          {/* The same words whether or not the account exists: the page must not reveal who has an account. */}
          <Alert role="status" color="teal" variant="light" title="Check your email">
            If an account exists for <strong>{forgot.variables}</strong>, we sent a link to reset its password.
          </Alert>
          <Text size="sm" c="dimmed">
            The link works once and expires soon. Nothing arrived? Check your spam folder or{' '}
            <Anchor component="button" type="button" size="sm" onClick={() => forgot.reset()}>
              try again
            </Anchor>
            .
          </Text>
          <DevMailboxNote />
        </Stack>
      ) : (
        <form ref={formRef} onSubmit={submit} noValidate>
          <Stack>
            <FormAlert error={forgot.error} labels={labels} />
            <TextInput
              label={labels.email}
              type="email"
              autoComplete="email"
              required
              {...form.getInputProps('email')}
            />
            <SubmitButton pending={forgot.isPending} cooldown={cooldown} fullWidth>
              Send reset link
            </SubmitButton>
          </Stack>
        </form>
      )}
    </CenteredPage>
  );
}
