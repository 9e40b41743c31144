import { formatSerial, type ImportReport, serial } from '@portico/contracts';

const count = (n: number) => n.toLocaleString('en-US');
const plural = (n: number, word: string) => `${count(n)} ${word}${n === 1 ? '' : 's'}`;
/** Grouped like the portal shows serials; a cell that is no serial at all as it was written. */
const shown = (text: string) => (serial.safeParse(text).success ? formatSerial(text) : text || '(no serial)');

/** `2–5, 7, 9–12`: the lines of a run of created rows, short enough for ten thousand of them. */
export function lineRanges(lines: number[]): string {
  const runs: [number, number][] = [];
  for (const line of lines) {
    const last = runs.at(-1);
    if (last && line === last[1] + 1) last[1] = line;
    else runs.push([line, line]);
  }
  return runs.map(([from, to]) => (from === to ? String(from) : `${from}–${to}`)).join(', ');
}

/**
 * The report of `portico asset import` for a terminal: one line per refused row with every reason, the created
 * lines as ranges, and a summary that says what happened and what to do next.
 */
export function formatImportReport(report: ImportReport): string[] {
  const out: string[] = [];
  const refused = report.rows.filter((r) => r.outcome === 'refused');
  const width = Math.max(0, ...refused.map((r) => String(r.line).length));
  for (const row of refused) {
    const reasons = row.reasons.map((r) => `${r.field} ${r.message}`).join('; ');
    out.push(`line ${String(row.line).padEnd(width)}  ${shown(row.serial)}: ${reasons}`);
  }
  const created = report.rows.filter((r) => r.outcome === 'created').map((r) => r.line);
  if (created.length > 0) out.push(`created: ${created.length === 1 ? 'line' : 'lines'} ${lineRanges(created)}`);

  const total = report.rows.length;
  const refusedOf = `${count(report.refused)} of ${plural(total, 'row')} refused`;
  if (report.refused === 0) out.push(`Created ${plural(report.created, 'asset')} from ${plural(total, 'row')}.`);
  else if (report.mode === 'all-or-nothing')
    out.push(
      `Nothing was created: ${refusedOf}. Correct them, or run again with --skip-invalid to create the ` +
        `${plural(total - report.refused, 'valid row')}.`,
    );
  else out.push(`Created ${plural(report.created, 'asset')}; ${refusedOf}.`);
  return out;
}
