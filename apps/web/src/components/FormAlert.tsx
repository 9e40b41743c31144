import { Alert } from '@mantine/core';
import { isApiError } from '../lib/api';
import { type FieldLabels, formAlertMessage } from '../lib/form-errors';

interface FormAlertProps {
  error: unknown;
  /** The form's fields: errors about them are shown next to the field, not here. */
  labels?: FieldLabels;
  title?: string;
}

/** The message of a failed request that no single field can carry; role="alert" so it is announced. */
export function FormAlert({ error, labels, title }: FormAlertProps) {
  const message = formAlertMessage(error, labels);
  if (!message) return null;
  const limited = isApiError(error, 'RATE_LIMITED');
  return (
    <Alert role="alert" color={limited ? 'yellow' : 'red'} variant="light" title={title}>
      {message}
    </Alert>
  );
}
