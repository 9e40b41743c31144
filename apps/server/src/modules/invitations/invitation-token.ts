import { constantTimeEqual, hmac } from '../../lib/crypto.js';

/**
 * Invitation links carry `id.HMAC-SHA256(secret, id)` (SPEC §2.4): 256 bits no one can guess, nothing stored that a
 * database leak would reveal, and the same link again for "Copy invitation link" and "Resend invitation link".
 * A new invitation has a new id, so "Send new invitation" makes a new link and the old one stays dead.
 */
export function invitationToken(secret: string, invitationId: string): string {
  return `${invitationId}.${hmac(secret, 'invitation', invitationId)}`;
}

/** The invitation id of a genuine token, or null; the signature is compared in constant time. */
export function invitationIdFromToken(secret: string, token: string): string | null {
  const dot = token.indexOf('.');
  if (dot < 1 || token.length > 200) return null;
  const id = token.slice(0, dot);
  return constantTimeEqual(token.slice(dot + 1), hmac(secret, 'invitation', id)) ? id : null;
}
