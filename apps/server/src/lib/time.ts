/**
 * Timestamps are written as ISO-8601 strings on both dialects (SQLite stores text that sorts correctly,
 * PostgreSQL parses it into timestamptz) and read back through `toDate`, which accepts either shape.
 */
export function iso(date: Date): string {
  return date.toISOString();
}

export function toDate(value: unknown): Date {
  return value instanceof Date ? value : new Date(value as string);
}

export function toIsoString(value: unknown): string {
  return toDate(value).toISOString();
}
