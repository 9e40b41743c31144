import { FileInput, Text } from '@mantine/core';
import { INVITE_CSV_MAX_ADDRESSES } from '@portico/contracts';
import { useState } from 'react';
import { addressesFromCsv, tooManyForCsv } from '../invite-batches';

const number = new Intl.NumberFormat();

interface CsvAddressesInputProps {
  label: string;
  error?: React.ReactNode;
  /** The file's addresses, or null when there is no usable file. */
  onAddresses: (addresses: string[] | null) => void;
}

/** A CSV file read in the browser: the addresses are counted before anything is sent. */
export function CsvAddressesInput({ label, error, onAddresses }: CsvAddressesInputProps) {
  const [found, setFound] = useState<{ count: number; problem?: string } | null>(null);

  const choose = async (file: File | null) => {
    if (!file) {
      setFound(null);
      return onAddresses(null);
    }
    const addresses = addressesFromCsv(await file.text());
    if (addresses.length === 0) {
      setFound({ count: 0, problem: 'CSV file: no email addresses found in it' });
      return onAddresses(null);
    }
    if (tooManyForCsv(addresses)) {
      setFound({
        count: addresses.length,
        problem: `CSV file: ${number.format(addresses.length)} addresses is more than ${number.format(INVITE_CSV_MAX_ADDRESSES)}; split the file`,
      });
      return onAddresses(null);
    }
    setFound({ count: addresses.length });
    onAddresses(addresses);
  };

  return (
    <div>
      <FileInput
        label={label}
        description={`One address per row, or a column named “email” (up to ${number.format(INVITE_CSV_MAX_ADDRESSES)}).`}
        placeholder="Choose a .csv file"
        accept=".csv,text/csv,text/plain"
        clearable
        required
        error={found?.problem ?? error}
        onChange={(file) => void choose(file)}
      />
      {found && !found.problem && (
        <Text size="sm" mt={4} role="status">
          {number.format(found.count)} {found.count === 1 ? 'address' : 'addresses'} found in the file.
        </Text>
      )}
    </div>
  );
}
