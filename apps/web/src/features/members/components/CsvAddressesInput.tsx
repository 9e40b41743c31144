import { Alert, Anchor, Code, FileInput, Group, List, Stack, Text } from '@mantine/core';
import { INVITE_CSV_MAX_ADDRESSES, type Invitee } from '@portico/contracts';
import { useState } from 'react';
import { tooManyForCsv } from '../invite-batches';
import { INVITEE_CSV_TEMPLATE, type InviteeCsv, readInviteeCsv } from '../invitee-csv';

const number = new Intl.NumberFormat();
/** Refused rows listed one by one; the count covers all of them. */
const LISTED = 20;
const TEMPLATE_HREF = `data:text/csv;charset=utf-8,${encodeURIComponent(INVITEE_CSV_TEMPLATE)}`;

interface CsvAddressesInputProps {
  label: string;
  error?: React.ReactNode;
  /** The file's invitees that can be sent, or null when there is no usable file. */
  onInvitees: (invitees: Invitee[] | null) => void;
}

const plural = (n: number, one: string, many: string) => `${number.format(n)} ${n === 1 ? one : many}`;

/** Why the file cannot be sent at all, or undefined: then its invitees go, and its refused rows are listed. */
function fileProblem(read: InviteeCsv): string | undefined {
  if (read.invitees.length === 0) return 'CSV file: no valid email addresses in it';
  if (tooManyForCsv(read.invitees))
    return `CSV file: ${number.format(read.invitees.length)} addresses is more than ${number.format(INVITE_CSV_MAX_ADDRESSES)}; split the file`;
  return undefined;
}

/**
 * A CSV file read in the browser (issue 14): invitees with their names, counted and checked before anything is
 * sent; each refused row is named by its line so it can be fixed in the file.
 */
export function CsvAddressesInput({ label, error, onInvitees }: CsvAddressesInputProps) {
  const [read, setRead] = useState<InviteeCsv | null>(null);
  const problem = read ? fileProblem(read) : undefined;

  const choose = async (file: File | null) => {
    const next = file ? readInviteeCsv(await file.text()) : null;
    setRead(next);
    onInvitees(next && !fileProblem(next) ? next.invitees : null);
  };

  const named = read?.invitees.filter((i) => i.firstName || i.lastName).length ?? 0;
  return (
    <Stack gap={6}>
      <FileInput
        label={label}
        description={
          <>
            A header row <Code>email,first_name,last_name</Code> (names optional), or one address per row; up to{' '}
            {number.format(INVITE_CSV_MAX_ADDRESSES)}.
          </>
        }
        placeholder="Choose a .csv file"
        accept=".csv,text/csv,text/plain"
        clearable
        clearButtonProps={{ 'aria-label': 'Remove the file' }}
        required
        error={problem ?? error}
        onChange={(file) => void choose(file)}
      />
      <Group gap="xs">
        <Anchor href={TEMPLATE_HREF} download="invitees-template.csv" size="sm">
          Download CSV template
        </Anchor>
      </Group>
      {read && !problem && (
        <Text size="sm" role="status">
          {plural(read.invitees.length, 'address', 'addresses')} to invite
          {named > 0 ? `, ${number.format(named)} with names` : ''}.
        </Text>
      )}
      {read && read.refused.length > 0 && (
        <Alert
          color="orange"
          variant="light"
          title={`${plural(read.refused.length, 'row is', 'rows are')} refused and will not be sent`}
        >
          <List size="sm" spacing={2} aria-label="Refused rows">
            {read.refused.slice(0, LISTED).map((row) => (
              <List.Item key={`${row.line}-${row.reason}`} style={{ overflowWrap: 'anywhere' }}>
                Line {row.line}: {row.reason}
              </List.Item>
            ))}
          </List>
          {read.refused.length > LISTED && (
            <Text size="sm" mt={4}>
              …and {number.format(read.refused.length - LISTED)} more.
            </Text>
          )}
          {!read.withHeader && (
            <Text size="sm" mt={4}>
              To give names, start the file with the header row <Code>email,first_name,last_name</Code>.
            </Text>
          )}
        </Alert>
      )}
    </Stack>
  );
}
