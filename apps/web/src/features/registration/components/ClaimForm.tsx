import { Anchor, Checkbox, Paper, Stack, Text } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useNavigate } from '@tanstack/react-router';
import { FormAlert } from '../../../components/FormAlert';
import { SubmitButton } from '../../../components/SubmitButton';
import { useFormErrors } from '../../../lib/use-form-errors';
import { useClaimOrganization } from '../api';

// How the server's per-box refusals read next to each box ("… must be accepted").
const labels = { acceptTerms: 'The Terms and Conditions', acceptResponsibility: 'This responsibility' };

export function ClaimForm({ org }: { org: string }) {
  const navigate = useNavigate();
  const claim = useClaimOrganization();
  const { formRef, showApiErrors } = useFormErrors(labels);
  const form = useForm({ initialValues: { acceptTerms: false, acceptResponsibility: false } });
  const ready = form.values.acceptTerms && form.values.acceptResponsibility;

  const submit = form.onSubmit((values) =>
    claim.mutate(
      { org, ...values },
      {
        onSuccess: () => navigate({ to: '/orgs/$org/welcome-admin', params: { org } }),
        onError: (error) => showApiErrors(form, error),
      },
    ),
  );

  return (
    <form ref={formRef} onSubmit={submit} noValidate>
      <Paper withBorder radius="md" p={{ base: 'md', sm: 'lg' }}>
        <Stack>
          <FormAlert error={claim.error} labels={labels} />
          <Checkbox
            label="I accept the Terms and Conditions"
            description={
              // A link beside the box, not in its label: a click on the label ticks the box.
              <Anchor href="/terms" target="_blank" rel="noopener" size="sm">
                Read the Terms and Conditions (opens in a new tab)
              </Anchor>
            }
            {...form.getInputProps('acceptTerms', { type: 'checkbox' })}
          />
          <Checkbox
            label="I am responsible for assigning and managing the products at my organization"
            {...form.getInputProps('acceptResponsibility', { type: 'checkbox' })}
          />
          <Text size="sm" c="dimmed" id="claim-hint">
            {ready ? 'You will be the administrator of this organization.' : 'Tick both boxes to continue.'}
          </Text>
          <SubmitButton pending={claim.isPending} disabled={!ready} aria-describedby="claim-hint">
            Promote me to Administrator
          </SubmitButton>
        </Stack>
      </Paper>
    </form>
  );
}
