/**
 * The router parses search values as JSON (`?token=123` arrives as a number), so each page reads its parameters
 * through these instead of trusting their type.
 */
export function stringParam(value: unknown): string | undefined {
  if (typeof value === 'string') return value || undefined;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return undefined;
}

/**
 * Only a path on this site may be a redirect target: `//evil.example` or `https://…` would turn the sign-in page
 * into an open redirect.
 */
export function safeRedirect(value: unknown): string | undefined {
  const path = stringParam(value);
  if (!path?.startsWith('/') || path.startsWith('//') || path.startsWith('/\\')) return undefined;
  return path;
}
