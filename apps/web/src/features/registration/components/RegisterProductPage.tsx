import { Alert, Button, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import type { RegistrationResult } from '@portico/contracts';
import { useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import type { z } from 'zod';
import { CenteredPage } from '../../../components/CenteredPage';
import { FormAlert } from '../../../components/FormAlert';
import { ButtonLink } from '../../../components/links';
import { SubmitButton } from '../../../components/SubmitButton';
import { isApiError } from '../../../lib/api';
import { useCooldown } from '../../../lib/use-cooldown';
import { useFormErrors } from '../../../lib/use-form-errors';
import { useRegisterSerial } from '../api';
import { AdministratorsNotice } from './AdministratorsNotice';

const labels = { serial: 'Serial number' };
type Outcome = Exclude<z.infer<typeof RegistrationResult>, { status: 'linked' }>;

export function RegisterProductPage() {
  const navigate = useNavigate();
  const register = useRegisterSerial();
  const cooldown = useCooldown(register.error);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const { formRef, onInvalid, showApiErrors } = useFormErrors(labels);
  const form = useForm({
    initialValues: { serial: '' },
    validate: { serial: (value) => (value.trim() ? null : 'Enter the serial number') },
  });

  const submit = form.onSubmit(
    ({ serial }) =>
      register.mutate(serial, {
        onSuccess: (result) => {
          if (result.status === 'linked') {
            navigate({ to: '/orgs/$org/claim', params: { org: result.organization.id } });
          } else {
            setOutcome(result);
          }
        },
        onError: (error) => {
          // Unknown and malformed serials share one message (SPEC §2.3); it reads best as it is, under the field.
          if (isApiError(error, 'UNKNOWN_SERIAL')) {
            form.setErrors({ serial: error.message });
            onInvalid();
          } else {
            showApiErrors(form, error);
          }
        },
      }),
    onInvalid,
  );

  const startOver = () => {
    setOutcome(null);
    form.reset();
    register.reset();
  };

  return (
    <CenteredPage
      title="Register product"
      description="Enter a serial number from your order confirmation to find your organization in Portico."
    >
      {outcome ? (
        <Stack>
          <OutcomeMessage outcome={outcome} />
          <Button variant="default" onClick={startOver}>
            Register another serial number
          </Button>
        </Stack>
      ) : (
        <form ref={formRef} onSubmit={submit} noValidate>
          <Stack>
            <FormAlert error={register.error} labels={labels} />
            <TextInput
              label={labels.serial}
              description="Spaces and dashes do not matter"
              placeholder="9000 0000 0012 3456 ABCD EFGH"
              autoComplete="off"
              spellCheck={false}
              autoCapitalize="characters"
              required
              {...form.getInputProps('serial')}
            />
            <SubmitButton pending={register.isPending} cooldown={cooldown} fullWidth>
              Register product
            </SubmitButton>
          </Stack>
        </form>
      )}
    </CenteredPage>
  );
}

function OutcomeMessage({ outcome }: { outcome: Outcome }) {
  if (outcome.status === 'admin-exists') {
    return (
      <AdministratorsNotice organization={outcome.organization.name} administrators={outcome.administrators} told />
    );
  }
  const { id, name } = outcome.organization;
  return (
    <Alert color="teal" variant="light" title={`You are already in ${name}`}>
      <Stack gap="sm" align="flex-start">
        <Text size="sm">This serial number belongs to an organization you are a member of. Nothing else to do.</Text>
        <ButtonLink to="/orgs/$org" params={{ org: id }} size="xs">
          Open {name}
        </ButtonLink>
      </Stack>
    </Alert>
  );
}
