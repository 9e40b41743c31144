import { Group, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { EmailBody } from '@portico/contracts';
import { FormAlert } from '../../../components/FormAlert';
import { SubmitButton } from '../../../components/SubmitButton';
import { validateWith } from '../../../lib/form-errors';
import { useFormErrors } from '../../../lib/use-form-errors';

const labels = { email: 'Email' };

interface EmailGrantFormProps {
  /** The button text, e.g. "Appoint administrator". */
  action: string;
  description: string;
  pending: boolean;
  error: unknown;
  onSubmit: (email: string, callbacks: { onSuccess: () => void; onError: (error: unknown) => void }) => void;
}

/** Give rights to an existing account by its email address (administrators, operators). */
export function EmailGrantForm({ action, description, pending, error, onSubmit }: EmailGrantFormProps) {
  const { formRef, onInvalid, showApiErrors } = useFormErrors(labels);
  const form = useForm({ initialValues: { email: '' }, validate: validateWith(EmailBody, labels) });
  const submit = form.onSubmit(
    ({ email }) =>
      onSubmit(email.trim(), { onSuccess: () => form.reset(), onError: (failure) => showApiErrors(form, failure) }),
    onInvalid,
  );

  return (
    <form ref={formRef} onSubmit={submit} noValidate>
      <FormAlert error={error} labels={labels} />
      <Group align="flex-start" gap="sm" mt="xs">
        <TextInput
          label={labels.email}
          description={description}
          type="email"
          autoComplete="off"
          required
          style={{ flex: '1 1 260px' }}
          maw={420}
          {...form.getInputProps('email')}
        />
        {/* Lined up with the input, below its label and description. */}
        <SubmitButton pending={pending} mt={{ base: 0, xs: 46 }}>
          {action}
        </SubmitButton>
      </Group>
    </form>
  );
}
