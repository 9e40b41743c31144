import { createHash } from 'node:crypto';
import { randomToken } from '../../lib/crypto.js';

// The two secrets of a desktop sign-in. Both are 256 random bits and stored only as their SHA-256: a copy of the
// database yields neither a code to poll with nor a token to call with. A plain hash (not a slow one) suffices
// for random values of this size, and keeps the bearer check on the hot path at one hash and one indexed read.

/** Access tokens carry a prefix so that a leaked one is recognisable (secret scanners, support) and cheap to reject. */
export const ACCESS_TOKEN_PREFIX = 'pdt_';

export function hashSecret(value: string): string {
  return createHash('sha256').update(value).digest('base64url');
}

/** What the application polls the token endpoint with (RFC 8628 `device_code`). */
export function newDeviceCode(): string {
  return randomToken(32);
}

export function newAccessToken(): string {
  return `${ACCESS_TOKEN_PREFIX}${randomToken(32)}`;
}
