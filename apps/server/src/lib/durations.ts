/** Durations in configuration: `90s`, `10m`, `7d` (also `h` and `ms`). Returns milliseconds or null when malformed. */
const UNITS: Record<string, number> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 };

export function parseDuration(text: string): number | null {
  const match = /^\s*(\d+)\s*(ms|s|m|h|d)\s*$/.exec(text);
  if (!match) return null;
  const value = Number(match[1]) * (UNITS[match[2] as string] as number);
  return value > 0 && Number.isSafeInteger(value) ? value : null;
}
