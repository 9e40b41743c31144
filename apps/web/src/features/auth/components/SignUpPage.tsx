import { Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { SignUpRequest } from '@portico/contracts';
import { getRouteApi, useNavigate } from '@tanstack/react-router';
import { CenteredPage } from '../../../components/CenteredPage';
import { FormAlert } from '../../../components/FormAlert';
import { AnchorLink } from '../../../components/links';
import { NewPasswordInput } from '../../../components/NewPasswordInput';
import { SubmitButton } from '../../../components/SubmitButton';
import { isApiError } from '../../../lib/api';
import { validateWith } from '../../../lib/form-errors';
import { rememberReturnTo } from '../../../lib/return-to';
import { useCooldown } from '../../../lib/use-cooldown';
import { useFormErrors } from '../../../lib/use-form-errors';
import { useSignUp, useSignUpFromInvitation } from '../api';
import { PrefilledEmailNotice } from './PrefilledEmailNotice';

const route = getRouteApi('/sign-up');
const labels = { name: 'Name', email: 'Email', password: 'Password' };

/** The refusals of an invitation link itself: its own page says which, and what to do. */
const LINK_PROBLEMS = ['NOT_FOUND', 'INVITATION_EXPIRED', 'INVITATION_REVOKED', 'INVITATION_USED'] as const;

export function SignUpPage() {
  const { email, redirect, invitation } = route.useSearch();
  const navigate = useNavigate();
  const signUp = useSignUp();
  const inviteeSignUp = useSignUpFromInvitation();
  const cooldown = useCooldown(signUp.error ?? inviteeSignUp.error);
  const { formRef, onInvalid, showApiErrors } = useFormErrors(labels);
  const form = useForm({
    initialValues: { name: '', email: email ?? '', password: '' },
    validate: validateWith(SignUpRequest, labels),
  });
  // From an invitation, with the invited address: the link proves it (docs/adr/0014), so no verification email.
  const invited = (typed: string) =>
    invitation && email && typed.trim().toLowerCase() === email.trim().toLowerCase() ? invitation : undefined;

  const signUpInvited = (token: string, values: typeof form.values) => {
    signUp.reset();
    inviteeSignUp.mutate(
      { ...values, token },
      {
        onSuccess: ({ organization }) =>
          navigate({
            to: '/invitations/$token/welcome',
            params: { token },
            search: { org: organization.id },
            replace: true,
          }),
        onError: (error) =>
          LINK_PROBLEMS.some((code) => isApiError(error, code))
            ? navigate({ to: '/invitations/$token', params: { token }, replace: true })
            : showApiErrors(form, error),
      },
    );
  };

  const submit = form.onSubmit((values) => {
    const token = invited(values.email);
    if (token) return signUpInvited(token, values);
    inviteeSignUp.reset();
    signUp.mutate(values, {
      onSuccess: () => {
        const address = values.email.trim();
        // The verification link opens without the way back; the verify page finds it here (lib/return-to).
        if (redirect) rememberReturnTo({ redirect, email: address });
        navigate({ to: '/check-email', search: { email: address, redirect } });
      },
      onError: (error) => showApiErrors(form, error),
    });
  }, onInvalid);

  return (
    <CenteredPage
      title="Create your account"
      description={
        invited(form.values.email)
          ? `Your invitation was sent to ${email}: that confirms the address, so no verification email is needed.`
          : 'Manage the licenses your organization owns, in one place.'
      }
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
          <FormAlert error={inviteeSignUp.error ?? signUp.error} labels={labels} />
          <TextInput label={labels.name} autoComplete="name" required {...form.getInputProps('name')} />
          <TextInput label={labels.email} type="email" autoComplete="email" required {...form.getInputProps('email')} />
          <PrefilledEmailNotice expected={email} typed={form.values.email} />
          <NewPasswordInput label={labels.password} {...form.getInputProps('password')} />
          <SubmitButton pending={signUp.isPending || inviteeSignUp.isPending} cooldown={cooldown} fullWidth>
            Create account
          </SubmitButton>
        </Stack>
      </form>
    </CenteredPage>
  );
}
