import { Group, Modal, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { CreateOrganizationRequest } from '@portico/contracts';
import { useNavigate } from '@tanstack/react-router';
import { useRef } from 'react';
import { FormAlert } from '../../../components/FormAlert';
import { SubmitButton } from '../../../components/SubmitButton';
import { validateWith } from '../../../lib/form-errors';
import { useFormErrors } from '../../../lib/use-form-errors';
import { useCreateOrganization } from '../api';

const labels = { name: 'Name', code: 'Code' };

/** "Acme Europe GmbH" → "acme-europe-gmbh": a starting point the operator may change. */
function suggestCode(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40);
}

interface Props {
  opened: boolean;
  onClose: () => void;
}

export function CreateOrganizationDialog({ opened, onClose }: Props) {
  const navigate = useNavigate();
  const create = useCreateOrganization();
  const { formRef, onInvalid, showApiErrors } = useFormErrors(labels);
  const form = useForm({
    initialValues: { name: '', code: '' },
    validate: validateWith(CreateOrganizationRequest, labels),
  });
  // The code follows the name until the operator types a code of their own.
  const codeEdited = useRef(false);
  const nameInput = form.getInputProps('name');
  const codeInput = form.getInputProps('code');

  const close = () => {
    form.reset();
    create.reset();
    codeEdited.current = false;
    onClose();
  };

  const submit = form.onSubmit(
    (values) =>
      create.mutate(values, {
        onSuccess: (organization) => {
          close();
          notifications.show({ color: 'teal', message: `${organization.name} is created.` });
          navigate({ to: '/operator/organizations/$organization', params: { organization: organization.id } });
        },
        onError: (error) => showApiErrors(form, error),
      }),
    onInvalid,
  );

  return (
    <Modal opened={opened} onClose={close} title="Create organization">
      <form ref={formRef} onSubmit={submit} noValidate>
        <Stack>
          <FormAlert error={create.error} labels={labels} />
          <TextInput
            label={labels.name}
            required
            data-autofocus
            {...nameInput}
            onChange={(event) => {
              nameInput.onChange(event);
              if (!codeEdited.current) form.setFieldValue('code', suggestCode(event.currentTarget.value));
            }}
          />
          <TextInput
            label={labels.code}
            description="A short, unique code: lower case letters, digits and dashes, e.g. acme-eu"
            required
            autoComplete="off"
            spellCheck={false}
            {...codeInput}
            onChange={(event) => {
              codeEdited.current = true;
              codeInput.onChange(event);
            }}
          />
          <Group justify="flex-end">
            <SubmitButton pending={create.isPending}>Create organization</SubmitButton>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
