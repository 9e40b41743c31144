import { Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { SignUpRequest } from '@portico/contracts';
import { getRouteApi, useNavigate } from '@tanstack/react-router';
import { CenteredPage } from '../../../components/CenteredPage';
import { FormAlert } from '../../../components/FormAlert';
import { AnchorLink } from '../../../components/links';
import { NewPasswordInput } from '../../../components/NewPasswordInput';
import { SubmitButton } from '../../../components/SubmitButton';
import { validateWith } from '../../../lib/form-errors';
import { rememberReturnTo } from '../../../lib/return-to';
import { useCooldown } from '../../../lib/use-cooldown';
import { useFormErrors } from '../../../lib/use-form-errors';
import { useSignUp } from '../api';
import { PrefilledEmailNotice } from './PrefilledEmailNotice';

const route = getRouteApi('/sign-up');
const labels = { name: 'Name', email: 'Email', password: 'Password' };

export function SignUpPage() {
  const { email, redirect } = route.useSearch();
  const navigate = useNavigate();
  const signUp = useSignUp();
  const cooldown = useCooldown(signUp.error);
  const { formRef, onInvalid, showApiErrors } = useFormErrors(labels);
  const form = useForm({
    initialValues: { name: '', email: email ?? '', password: '' },
    validate: validateWith(SignUpRequest, labels),
  });

  const submit = form.onSubmit(
    (values) =>
      signUp.mutate(values, {
        onSuccess: () => {
          const address = values.email.trim();
          // The verification link opens without the way back; the verify page finds it here (lib/return-to).
          if (redirect) rememberReturnTo({ redirect, email: address });
          navigate({ to: '/check-email', search: { email: address, redirect } });
        },
        onError: (error) => showApiErrors(form, error),
      }),
    onInvalid,
  );

  return (
    <CenteredPage
      title="Create your account"
      description="Manage the licenses your organization owns, in one place."
      footer={
        <>
          Already have an account?{' '}
          <AnchorLink to="/sign-in" search={{ email, redirect }}>
            Sign in
          </AnchorLink>
        </>
      }
    >
      <form ref={formRef} onSubmit={submit} noValidate>
        <Stack>
          <FormAlert error={signUp.error} labels={labels} />
          <TextInput label={labels.name} autoComplete="name" required {...form.getInputProps('name')} />
          <TextInput label={labels.email} type="email" autoComplete="email" required {...form.getInputProps('email')} />
          <PrefilledEmailNotice expected={email} typed={form.values.email} />
          <NewPasswordInput label={labels.password} {...form.getInputProps('password')} />
          <SubmitButton pending={signUp.isPending} cooldown={cooldown} fullWidth>
            Create account
          </SubmitButton>
        </Stack>
      </form>
    </CenteredPage>
  );
}
