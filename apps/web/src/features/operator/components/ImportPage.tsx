import { Anchor, Code, FileInput, Group, Progress, Radio, Stack, Text } from '@mantine/core';
import { useForm } from '@mantine/form';
import { ASSET_CSV_COLUMNS, ASSET_IMPORT_MAX_BYTES } from '@portico/contracts';
import { useState } from 'react';
import { FormAlert } from '../../../components/FormAlert';
import { Section } from '../../../components/Section';
import { SubmitButton } from '../../../components/SubmitButton';
import { usePageTitle } from '../../../lib/page-title';
import { useFormErrors } from '../../../lib/use-form-errors';
import { type ImportMode, useImportAssets } from '../api';
import { ImportReportView } from './ImportReportView';

const labels = { file: 'CSV file', mode: 'When a row is refused' };
const MAX_MB = ASSET_IMPORT_MAX_BYTES / 1024 / 1024;

export function ImportPage() {
  usePageTitle('Import assets · Operator');
  const upload = useImportAssets();
  const [progress, setProgress] = useState(0);
  const { formRef, onInvalid } = useFormErrors(labels);
  const form = useForm({
    initialValues: { file: null as File | null, mode: 'all-or-nothing' as ImportMode },
    validate: {
      file: (file) =>
        !file
          ? 'Choose a CSV file'
          : file.size > ASSET_IMPORT_MAX_BYTES
            ? `The file is larger than ${MAX_MB} MB; split it`
            : null,
    },
  });

  const submit = form.onSubmit(({ file, mode }) => {
    if (!file) return;
    setProgress(0);
    upload.mutate({ file, mode, onProgress: setProgress });
  }, onInvalid);

  return (
    <Stack gap="lg">
      <Section
        id="import"
        title="Import assets"
        description={
          <>
            One asset per row, with the header row{' '}
            <Code style={{ overflowWrap: 'anywhere' }}>{ASSET_CSV_COLUMNS.join(',')}</Code>. Organizations and products
            by id or code; seats and mode empty for a service (services have no seats); dates as 2026-01-31; an empty
            end date is a perpetual license. At most {MAX_MB} MB.{' '}
            <Anchor href="/docs/api.md" target="_blank" rel="noopener">
              The format in full (opens in a new tab)
            </Anchor>
          </>
        }
      >
        <form ref={formRef} onSubmit={submit} noValidate>
          <Stack maw={520}>
            <FormAlert error={upload.error} />
            <FileInput
              label={labels.file}
              placeholder="Choose a .csv file"
              accept=".csv,text/csv"
              required
              clearable
              {...form.getInputProps('file')}
            />
            <Radio.Group label={labels.mode} {...form.getInputProps('mode')}>
              <Stack gap="xs" mt={6}>
                <Radio
                  value="all-or-nothing"
                  label="All or nothing"
                  description="Create nothing unless every row is valid"
                />
                <Radio
                  value="skip-invalid"
                  label="Skip invalid rows"
                  description="Create the valid rows and report the others"
                />
              </Stack>
            </Radio.Group>
            <Group>
              <SubmitButton pending={upload.isPending}>Import assets</SubmitButton>
            </Group>
            {upload.isPending && <UploadProgress fraction={progress} />}
          </Stack>
        </form>
      </Section>
      {/* A new report starts with its own filter and paging. */}
      {upload.data && <ImportReportView key={upload.submittedAt} report={upload.data} />}
    </Stack>
  );
}

/** Upload progress, then an indefinite bar while the server checks and writes the rows. */
function UploadProgress({ fraction }: { fraction: number }) {
  const uploaded = fraction >= 1;
  const percent = Math.round(fraction * 100);
  const label = uploaded ? 'Checking and importing the rows…' : `Uploading… ${percent}%`;
  return (
    <Stack gap={4} role="status">
      <Text size="sm">{label}</Text>
      <Progress
        value={uploaded ? 100 : percent}
        striped={uploaded}
        animated={uploaded}
        aria-label={uploaded ? 'Importing' : 'Upload progress'}
      />
    </Stack>
  );
}
