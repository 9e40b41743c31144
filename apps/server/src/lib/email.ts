/** SPEC §2.1: emails are stored normalized (trimmed, lower case) and compared case-insensitively. */
export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}
