import type { ErrorDetail } from '@portico/contracts';
import type { z } from 'zod';
import { AppError } from '../lib/errors.js';

/**
 * Checks a command's arguments with the API's own request schema, and turns a refusal into an AppError whose
 * message names each bad value by the option that gave it (runCli prints it and exits 1). `earlier` are problems
 * found before (a value that had to be converted first), so that one run names every bad option.
 */
export function parseInput<S extends z.ZodType>(
  schema: S,
  value: unknown,
  names: Record<string, string> = {},
  earlier: ErrorDetail[] = [],
): z.output<S> {
  const result = schema.safeParse(value);
  if (result.success && earlier.length === 0) return result.data;
  const issues = result.success ? [] : result.error.issues;
  const details = [
    ...earlier,
    ...issues.map((issue) => {
      const field = issue.path.join('.');
      // A message may name another field ("must be after startsAt"): by its option too.
      const message = issue.message.replace(/\b\w+\b/g, (word) => names[word] ?? word);
      return { path: names[field] ?? field, message };
    }),
  ];
  throw new AppError('VALIDATION_FAILED', details.map((d) => `${d.path} ${d.message}`).join('; '), details);
}
