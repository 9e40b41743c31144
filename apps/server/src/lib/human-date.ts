/**
 * Dates in emails are written for people, not parsers: "Sunday 6 December 2026, 14:30 UTC". Always in UTC (the
 * server does not know the reader's time zone, and says so), and in English words built here rather than through
 * Intl, whose punctuation changes with the ICU data a Node build carries.
 */
const DAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

/** "Sunday 6 December 2026", the UTC day of `date`. */
export function humanDate(date: Date): string {
  return `${DAYS[date.getUTCDay()]} ${date.getUTCDate()} ${MONTHS[date.getUTCMonth()]} ${date.getUTCFullYear()}`;
}

/** "Sunday 6 December 2026, 14:30 UTC": the day and the minute, for an expiry that falls within a day. */
export function humanDateTime(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${humanDate(date)}, ${pad(date.getUTCHours())}:${pad(date.getUTCMinutes())} UTC`;
}
