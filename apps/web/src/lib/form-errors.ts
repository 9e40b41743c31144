import type { z } from 'zod';
import { ApiError } from './api';

/** Field name → the visible label of its input, used to turn "is too common" into "Password is too common". */
export type FieldLabels = Record<string, string>;

/**
 * Contract messages are fragments that follow the field's name ("is required", "must have at least 10
 * characters"); a message that already reads as a sentence is left alone.
 */
export function fieldMessage(label: string, message: string): string {
  if (!/^[a-z]/.test(message)) return message;
  // "Current password is not your current password" says the field's name twice; "That is not …" reads better.
  if (message.toLowerCase().includes(`your ${label.toLowerCase()}`)) return `That ${message}`;
  return `${label} ${message}`;
}

/** Client-side validation with the same zod schema the server uses, so both say the same thing. */
export function validateWith(schema: z.ZodType, labels: FieldLabels) {
  return (values: unknown): Record<string, string> => {
    const result = schema.safeParse(values);
    if (result.success) return {};
    const errors: Record<string, string> = {};
    for (const issue of result.error.issues) {
      const path = issue.path.join('.');
      if (!(path in labels) || errors[path]) continue;
      const empty = issue.code === 'too_small' && Number(issue.minimum) === 1;
      errors[path] = fieldMessage(labels[path] ?? path, empty ? 'is required' : issue.message);
    }
    return errors;
  };
}

/** The API's per-field details, keyed by field, for the fields this form shows. */
export function apiFieldErrors(error: unknown, labels: FieldLabels): Record<string, string> {
  if (!(error instanceof ApiError)) return {};
  const errors: Record<string, string> = {};
  for (const detail of error.details) {
    const label = labels[detail.path];
    if (label && !errors[detail.path]) errors[detail.path] = fieldMessage(label, detail.message);
  }
  return errors;
}

/** What is left to say above the form once the field errors are shown next to their fields. */
export function formAlertMessage(error: unknown, labels: FieldLabels = {}): string | null {
  if (!error) return null;
  if (!(error instanceof ApiError)) return 'Something went wrong. Try again.';
  if (error.code === 'RATE_LIMITED') return rateLimitMessage(error.retryAfter);
  const allOnFields = error.details.length > 0 && error.details.every((detail) => detail.path in labels);
  return allOnFields ? null : error.message;
}

export function rateLimitMessage(retryAfter: number | undefined): string {
  if (!retryAfter) return 'Too many attempts. Wait a moment and try again.';
  return `Too many attempts. Try again in ${formatWait(retryAfter)}.`;
}

export function formatWait(seconds: number): string {
  if (seconds < 60) return seconds === 1 ? '1 second' : `${seconds} seconds`;
  const minutes = Math.ceil(seconds / 60);
  return minutes === 1 ? '1 minute' : `${minutes} minutes`;
}

/** After a failed submit, keyboard and screen-reader users land on the first field that needs fixing. */
export function focusFirstInvalid(form: HTMLFormElement | null): void {
  requestAnimationFrame(() => form?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus());
}

/** The short form for a button label: "42 s", "15 min". */
export function formatWaitShort(seconds: number): string {
  return seconds < 60 ? `${seconds} s` : `${Math.ceil(seconds / 60)} min`;
}
