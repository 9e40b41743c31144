import { Alert, Checkbox, Group, PasswordInput, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { SignInRequest } from '@portico/contracts';
import { getRouteApi, useNavigate } from '@tanstack/react-router';
import { CenteredPage } from '../../../components/CenteredPage';
import { FormAlert } from '../../../components/FormAlert';
import { AnchorLink } from '../../../components/links';
import { SubmitButton } from '../../../components/SubmitButton';
import { isApiError } from '../../../lib/api';
import { validateWith } from '../../../lib/form-errors';
import { forgetReturnTo } from '../../../lib/return-to';
import { useCooldown } from '../../../lib/use-cooldown';
import { useFormErrors } from '../../../lib/use-form-errors';
import { useSignIn } from '../api';
import { PrefilledEmailNotice } from './PrefilledEmailNotice';
import { UnverifiedNotice } from './UnverifiedNotice';

const route = getRouteApi('/sign-in');
const labels = { email: 'Email', password: 'Password' };

export function SignInPage() {
  const { email, redirect } = route.useSearch();
  const navigate = useNavigate();
  const signIn = useSignIn();
  const cooldown = useCooldown(signIn.error);
  const { formRef, onInvalid, showApiErrors } = useFormErrors(labels);
  const form = useForm({
    initialValues: { email: email ?? '', password: '', rememberMe: true },
    validate: validateWith(SignInRequest, labels),
  });

  const submit = form.onSubmit(
    (values) =>
      signIn.mutate(values, {
        onSuccess: () => {
          // Signed in: a way back left by sign-up (see lib/return-to) has been followed or is no longer wanted.
          forgetReturnTo();
          navigate({ to: redirect ?? '/', replace: true });
        },
        onError: (error) => showApiErrors(form, error),
      }),
    onInvalid,
  );

  const unverified = isApiError(signIn.error, 'EMAIL_NOT_VERIFIED');
  const wrongCredentials = isApiError(signIn.error, 'INVALID_CREDENTIALS');

  return (
    <CenteredPage
      title="Sign in to Portico"
      footer={
        <>
          No account yet?{' '}
          <AnchorLink to="/sign-up" search={{ email, redirect }}>
            Create account
          </AnchorLink>
        </>
      }
    >
      <form ref={formRef} onSubmit={submit} noValidate>
        <Stack>
          {unverified ? (
            <UnverifiedNotice email={form.values.email.trim()} />
          ) : wrongCredentials ? (
            <Alert role="alert" color="red" variant="light">
              Email or password is incorrect.
            </Alert>
          ) : (
            <FormAlert error={signIn.error} labels={labels} />
          )}
          <TextInput label={labels.email} type="email" autoComplete="email" required {...form.getInputProps('email')} />
          <PrefilledEmailNotice expected={email} typed={form.values.email} />
          <PasswordInput
            label={labels.password}
            autoComplete="current-password"
            required
            {...form.getInputProps('password')}
          />
          <Group justify="space-between" gap="xs">
            <Checkbox label="Keep me signed in" {...form.getInputProps('rememberMe', { type: 'checkbox' })} />
            <AnchorLink to="/forgot-password" size="sm">
              Forgot password?
            </AnchorLink>
          </Group>
          <SubmitButton pending={signIn.isPending} cooldown={cooldown} fullWidth>
            Sign in
          </SubmitButton>
        </Stack>
      </form>
    </CenteredPage>
  );
}
