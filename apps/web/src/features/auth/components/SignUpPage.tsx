import { PasswordInput, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { SignUpRequest } from '@portico/contracts';
import { useNavigate } from '@tanstack/react-router';
import { useRef } from 'react';
import { CenteredPage } from '../../../components/CenteredPage';
import { FormAlert } from '../../../components/FormAlert';
import { AnchorLink } from '../../../components/links';
import { SubmitButton } from '../../../components/SubmitButton';
import { apiFieldErrors, focusFirstInvalid, validateWith } from '../../../lib/form-errors';
import { PASSWORD_HELP } from '../../../lib/password';
import { useCooldown } from '../../../lib/use-cooldown';
import { useSignUp } from '../api';

const labels = { name: 'Name', email: 'Email', password: 'Password' };

export function SignUpPage() {
  const navigate = useNavigate();
  const signUp = useSignUp();
  const cooldown = useCooldown(signUp.error);
  const formRef = useRef<HTMLFormElement>(null);
  const form = useForm({
    initialValues: { name: '', email: '', password: '' },
    validate: validateWith(SignUpRequest, labels),
  });

  const submit = form.onSubmit(
    (values) =>
      signUp.mutate(values, {
        onSuccess: () => navigate({ to: '/check-email', search: { email: values.email.trim() } }),
        onError: (error) => {
          form.setErrors(apiFieldErrors(error, labels));
          focusFirstInvalid(formRef.current);
        },
      }),
    () => focusFirstInvalid(formRef.current),
  );

  return (
    <CenteredPage
      title="Create your account"
      description="Manage the licenses your organization owns, in one place."
      footer={
        <>
          Already have an account? <AnchorLink to="/sign-in">Sign in</AnchorLink>
        </>
      }
    >
      <form ref={formRef} onSubmit={submit} noValidate>
        <Stack>
          <FormAlert error={signUp.error} labels={labels} />
          <TextInput label={labels.name} autoComplete="name" required {...form.getInputProps('name')} />
          <TextInput label={labels.email} type="email" autoComplete="email" required {...form.getInputProps('email')} />
          <PasswordInput
            label={labels.password}
            description={PASSWORD_HELP}
            autoComplete="new-password"
            required
            {...form.getInputProps('password')}
          />
          <SubmitButton pending={signUp.isPending} cooldown={cooldown} fullWidth>
            Create account
          </SubmitButton>
        </Stack>
      </form>
    </CenteredPage>
  );
}
