import { Button, Group, Modal, Radio, SegmentedControl, Stack, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMediaQuery } from '@mantine/hooks';
import { INVITATION_MESSAGE_MAX, INVITE_MAX_ADDRESSES, type Invitee, type Rights } from '@portico/contracts';
import { useState } from 'react';
import { FormAlert } from '../../../components/FormAlert';
import { ProgressStatus } from '../../../components/ProgressStatus';
import { SubmitButton } from '../../../components/SubmitButton';
import { useFormErrors } from '../../../lib/use-form-errors';
import { useBulkInvite } from '../api';
import { type AddressOutcome, checkTypedAddresses, invalidAddressesMessage } from '../invite-batches';
import { CsvAddressesInput } from './CsvAddressesInput';

const labels = {
  emails: 'Email addresses',
  file: 'CSV file',
  invitees: 'CSV file',
  rights: 'User Rights',
  message: 'Message',
};
const number = new Intl.NumberFormat();

interface InviteMemberDialogProps {
  org: string;
  opened: boolean;
  /** An address to start with (the link in a registration request email); read when the dialog is first made. */
  prefill?: string;
  /** With the per-address results once sent; with null when closed without sending. */
  onClose: (results: AddressOutcome[] | null) => void;
}

/** Why the typed addresses cannot be sent, or null. */
function typedProblem(text: string): string | null {
  const { addresses, invalid } = checkTypedAddresses(text);
  if (addresses.length === 0) return 'Email addresses: enter at least one address';
  if (addresses.length > INVITE_MAX_ADDRESSES)
    return `Email addresses: ${number.format(addresses.length)} is more than ${INVITE_MAX_ADDRESSES}; upload them as a CSV file`;
  if (invalid.length > 0) return `${invalidAddressesMessage(invalid)}. Correct or remove them.`;
  return null;
}

/**
 * Invite Member (SPEC §2.4, issue 14): typed addresses, checked as they are typed, or a CSV file with names, read
 * and checked in the browser; User Rights, an optional message; Cancel or Send Invitations.
 */
export function InviteMemberDialog({ org, opened, prefill, onClose }: InviteMemberDialogProps) {
  const phone = useMediaQuery('(max-width: 36em)');
  const send = useBulkInvite(org);
  const [source, setSource] = useState<'typed' | 'csv'>('typed');
  const [csv, setCsv] = useState<Invitee[] | null>(null);
  const [typing, setTyping] = useState(false);
  const [progress, setProgress] = useState<{ sent: number; total: number } | null>(null);
  const { formRef, onInvalid, showApiErrors } = useFormErrors(labels);
  const form = useForm({
    initialValues: { emails: prefill ?? '', rights: 'member' as Rights, message: '' },
    validate: {
      emails: (text) => (source === 'typed' ? typedProblem(text) : null),
      message: (text) =>
        text.length > INVITATION_MESSAGE_MAX
          ? `Message is longer than ${number.format(INVITATION_MESSAGE_MAX)} characters`
          : null,
    },
  });
  // Flagged as they are typed, before anything is sent; the address being typed is judged once it is finished.
  const typed = checkTypedAddresses(form.values.emails, typing);
  const flagged = typed.invalid.length > 0 ? invalidAddressesMessage(typed.invalid) : undefined;

  const close = (results: AddressOutcome[] | null) => {
    if (send.isPending) return; // Half-sent batches cannot be called back; the dialog stays until they finish.
    form.reset();
    send.reset();
    setCsv(null);
    setProgress(null);
    setSource('typed');
    onClose(results);
  };

  const submit = form.onSubmit(({ emails, rights, message }) => {
    const invitees = source === 'typed' ? checkTypedAddresses(emails).addresses.map((email) => ({ email })) : csv;
    if (!invitees || invitees.length === 0) return form.setFieldError('file', 'CSV file: choose a file with addresses');
    send.mutate(
      {
        invitees,
        rights,
        message: message.trim() || undefined,
        onProgress: (sent, total) => setProgress({ sent, total }),
      },
      { onSuccess: (results) => close(results), onError: (error) => showApiErrors(form, error) },
    );
  }, onInvalid);

  const emailsInput = form.getInputProps('emails');
  return (
    <Modal opened={opened} onClose={() => close(null)} title="Invite Member" size="lg" fullScreen={phone}>
      <form ref={formRef} onSubmit={submit} noValidate>
        <Stack>
          <FormAlert error={send.error} labels={labels} />
          <SegmentedControl
            aria-label="How to give the addresses"
            value={source}
            onChange={(value) => setSource(value as 'typed' | 'csv')}
            data={[
              { value: 'typed', label: 'Type addresses' },
              { value: 'csv', label: 'Upload a CSV file' },
            ]}
            disabled={send.isPending}
          />
          {source === 'typed' ? (
            <Textarea
              label={labels.emails}
              description={`Separate them with ; , spaces or new lines (up to ${INVITE_MAX_ADDRESSES}).${
                typed.addresses.length > 0
                  ? ` ${typed.addresses.length === 1 ? '1 address' : `${number.format(typed.addresses.length)} addresses`}.`
                  : ''
              }`}
              required
              autosize
              minRows={3}
              maxRows={8}
              autoComplete="off"
              spellCheck={false}
              data-autofocus
              {...emailsInput}
              error={emailsInput.error ?? flagged}
              // The message names the addresses at fault; the text itself stays readable, not all red.
              styles={{ input: { color: 'var(--mantine-color-text)' } }}
              onFocus={() => setTyping(true)}
              onBlur={(event) => {
                setTyping(false);
                emailsInput.onBlur?.(event);
              }}
            />
          ) : (
            <CsvAddressesInput
              label={labels.file}
              error={form.errors.file ?? form.errors.invitees}
              onInvitees={(invitees) => {
                setCsv(invitees);
                form.clearFieldError('file');
              }}
            />
          )}
          <Radio.Group label={labels.rights} required {...form.getInputProps('rights')}>
            <Group mt={6}>
              <Radio value="member" label="Member" />
              <Radio value="admin" label="Admin" />
            </Group>
          </Radio.Group>
          <Textarea
            label={`${labels.message} (optional)`}
            description={`Plain text, up to ${number.format(INVITATION_MESSAGE_MAX)} characters; it is quoted in the email.`}
            autosize
            minRows={2}
            maxRows={6}
            maxLength={INVITATION_MESSAGE_MAX}
            {...form.getInputProps('message')}
          />
          {progress && send.isPending && (
            <ProgressStatus label="Sent" done={progress.sent} total={progress.total} unit="addresses" />
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={() => close(null)} disabled={send.isPending}>
              Cancel
            </Button>
            <SubmitButton pending={send.isPending}>Send Invitations</SubmitButton>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
