import { Alert, Anchor, Button, Group, Loader, Stack, Text, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useDisclosure } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { TERMS_MAX_LENGTH, type Terms, UpdateTermsRequest } from '@portico/contracts';
import { useEffect } from 'react';
import { ConfirmModal } from '../../../components/ConfirmModal';
import { FormAlert } from '../../../components/FormAlert';
import { Section } from '../../../components/Section';
import { SubmitButton } from '../../../components/SubmitButton';
import { validateWith } from '../../../lib/form-errors';
import { formatDateTime } from '../../../lib/format';
import { usePageTitle } from '../../../lib/page-title';
import { useFormErrors } from '../../../lib/use-form-errors';
import { useSaveTerms, useTerms } from '../api';

const labels = { text: 'Terms and Conditions' };
const number = new Intl.NumberFormat('en-US');

/**
 * The Terms and Conditions the First Moment of Truth asks to accept (SPEC §2.3): plain text, shown as written at
 * /terms. Until an operator saves the instance's own, a default text applies.
 */
export function TermsPage() {
  usePageTitle('Terms and Conditions · Operator');
  const terms = useTerms();
  return (
    <Section
      id="terms"
      title="Terms and Conditions"
      description={
        <>
          The text people accept when they promote themselves to administrator of their organization. Plain text, line
          breaks kept; anyone can read it at{' '}
          <Anchor href="/terms" target="_blank" rel="noopener">
            /terms (opens in a new tab)
          </Anchor>
          .
        </>
      }
    >
      {terms.isPending ? (
        <Loader size="sm" aria-label="Loading the terms" />
      ) : terms.isError ? (
        <Alert role="alert" color="red" variant="light">
          {terms.error.message}
        </Alert>
      ) : (
        <TermsForm terms={terms.data} />
      )}
    </Section>
  );
}

function TermsForm({ terms }: { terms: Terms }) {
  const save = useSaveTerms();
  const [restoring, restore] = useDisclosure(false);
  const { formRef, onInvalid, showApiErrors } = useFormErrors(labels);
  const form = useForm({ initialValues: { text: terms.text }, validate: validateWith(UpdateTermsRequest, labels) });

  // biome-ignore lint/correctness/useExhaustiveDependencies: a newly saved text resets the form once
  useEffect(() => {
    form.setInitialValues({ text: terms.text });
    form.reset();
  }, [terms.text, terms.updatedAt]);

  const submit = form.onSubmit(
    ({ text }) =>
      save.mutate(text, {
        onSuccess: () => notifications.show({ color: 'teal', message: 'The Terms and Conditions are saved.' }),
        onError: (error) => showApiErrors(form, error),
      }),
    onInvalid,
  );
  const restoreDefault = () =>
    save.mutate(null, {
      onSuccess: () => {
        restore.close();
        notifications.show({ color: 'teal', message: 'The default Terms and Conditions apply again.' });
      },
    });

  return (
    <form ref={formRef} onSubmit={submit} noValidate>
      <Stack>
        <Text size="sm" id="terms-state">
          {terms.isDefault
            ? 'The default text that ships with Portico applies: replace it with your company’s terms.'
            : `Your text applies, saved ${formatDateTime(terms.updatedAt ?? '')}.`}
        </Text>
        <FormAlert error={save.error} labels={labels} />
        <Textarea
          label={labels.text}
          description={`${number.format(form.values.text.length)} of ${number.format(TERMS_MAX_LENGTH)} characters`}
          required
          autosize
          minRows={12}
          maxRows={30}
          spellCheck
          aria-describedby="terms-state"
          {...form.getInputProps('text')}
        />
        <Group justify="space-between">
          {!terms.isDefault ? (
            <Button variant="default" onClick={restore.open}>
              Restore the default text
            </Button>
          ) : (
            <span />
          )}
          <SubmitButton pending={save.isPending && !restoring} disabled={!form.isDirty()}>
            Save terms
          </SubmitButton>
        </Group>
      </Stack>
      <ConfirmModal
        opened={restoring}
        title="Restore the default text"
        confirmLabel="Restore the default"
        pending={save.isPending}
        error={restoring ? save.error : null}
        onConfirm={restoreDefault}
        onCancel={restore.close}
      >
        <Text size="sm">Your text is replaced by the default Terms and Conditions that ship with Portico.</Text>
      </ConfirmModal>
    </form>
  );
}
