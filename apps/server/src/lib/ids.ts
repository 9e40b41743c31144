import { randomBytes } from 'node:crypto';

/**
 * Prefixed, time-sortable ids (SPEC §4.2): `usr_` + 10 chars of millisecond time + 16 chars of randomness,
 * in Crockford base32 so that lexical order is creation order (like a ULID) and ids sort in an index.
 */
const ALPHABET = '0123456789abcdefghjkmnpqrstvwxyz';

export const ID_PREFIXES = {
  user: 'usr',
  session: 'ses',
  account: 'acc',
  verification: 'ver',
  organization: 'org',
  product: 'prd',
  registration: 'reg',
  invitation: 'inv',
  invitationEvent: 'ive',
  asset: 'ast',
  assignment: 'asg',
  activation: 'act',
  contact: 'ctc',
  serviceRequest: 'sr',
  email: 'eml',
  auditEvent: 'aud',
} as const;

export type IdKind = keyof typeof ID_PREFIXES;

function encodeTime(ms: number): string {
  let out = '';
  let rest = ms;
  for (let i = 0; i < 10; i++) {
    out = ALPHABET[rest % 32] + out;
    rest = Math.floor(rest / 32);
  }
  return out;
}

function encodeRandom(bytes: Buffer): string {
  let out = '';
  for (const byte of bytes) out += ALPHABET[byte % 32];
  return out;
}

export function newId(kind: IdKind, now: number = Date.now()): string {
  return `${ID_PREFIXES[kind]}_${encodeTime(now)}${encodeRandom(randomBytes(16))}`;
}
