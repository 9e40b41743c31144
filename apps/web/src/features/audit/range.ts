// The date-range filter: the reader's calendar days, both included.

const DAY = /^(\d{4})-(\d\d)-(\d\d)$/;

/**
 * A day of the reader's calendar as the instant it starts (`edge` 0) or the last millisecond it holds (`edge` 1):
 * the server's days are UTC days, and "events of 4 March" means the reader's 4 March. Anything that is not a day
 * goes as it is, for the server to refuse by name.
 */
export function dayBound(day: string | undefined, edge: 0 | 1): string | undefined {
  const match = day ? DAY.exec(day) : null;
  if (!match) return day || undefined;
  // setFullYear, not the Date constructor, which reads years 0–99 as 1900–1999.
  const start = new Date(0);
  start.setFullYear(Number(match[1]), Number(match[2]) - 1, Number(match[3]) + edge);
  start.setHours(0, 0, 0, 0);
  const time = start.getTime() - edge;
  return Number.isNaN(time) ? day : new Date(time).toISOString();
}

/** The date inputs hold `YYYY-MM-DD`; an end before the start would only come back as an error. */
export function rangeProblem(from: string | undefined, to: string | undefined): string | null {
  return from && to && to < from ? 'Must be on or after the From date' : null;
}
