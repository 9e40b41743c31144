import { apiFieldErrors, type FieldLabels } from '../../lib/form-errors';

export const assetLabels: FieldLabels = {
  product: 'Product',
  serial: 'Serial number',
  seats: 'Seats',
  mode: 'Licensing mode',
  startsAt: 'Start date',
  endsAt: 'End date',
};

/** Today as a date input shows it. */
export function today(): string {
  return new Date().toISOString().slice(0, 10);
}

/** The contract names the other field by its key ("must be after startsAt"); people know it by its label. */
export function tidyErrors(errors: Record<string, string>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(errors).map(([field, message]) => [field, message.replace('startsAt', 'the start date')]),
  );
}

export function assetApiErrors(error: unknown): Record<string, string> {
  return tidyErrors(apiFieldErrors(error, assetLabels));
}

/** An empty number input holds '' — sent as 0 it earns "must be at least 1", which is the right message. */
export function toSeats(value: number | string): number {
  return typeof value === 'number' ? value : Number(value) || 0;
}
