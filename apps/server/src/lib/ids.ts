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
  deviceAuthorization: 'dva',
  deviceToken: 'dtk',
  device: 'dev',
  transfer: 'trf',
  transferGrant: 'tgr',
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

function randomDigits(): number[] {
  return [...randomBytes(16)].map((byte) => byte % 32);
}

/**
 * The smallest id of a kind made at `ms` or later (the prefix and the time, no random part): ids compare as their
 * creation time, so "made between two instants" is an id range that an index ending in the id serves.
 */
export function firstIdAt(kind: IdKind, ms: number): string {
  return `${ID_PREFIXES[kind]}_${encodeTime(Math.max(0, Math.floor(ms)))}`;
}

/** The last id's time and random digits: ids made in one millisecond count up from there (as monotonic ULIDs do). */
let lastTime = -1;
let lastDigits: number[] = [];

/** The next random part: fresh for a new millisecond, the previous one plus one within the same millisecond. */
function nextDigits(ms: number): number[] {
  if (ms !== lastTime) {
    lastTime = ms;
    lastDigits = randomDigits();
    return lastDigits;
  }
  const digits = [...lastDigits];
  let i = digits.length - 1;
  while (i >= 0 && digits[i] === 31) digits[i--] = 0;
  // 16 digits of 31 would need 32^16 ids in one millisecond; start afresh rather than overflow.
  if (i < 0) lastDigits = randomDigits();
  else {
    digits[i] = (digits[i] as number) + 1;
    lastDigits = digits;
  }
  return lastDigits;
}

/**
 * Ids made in one millisecond still sort in the order they were made, so the rows of one request (60 invitations,
 * their audit events) list in that order. The random part is not a secret: tokens are derived or random elsewhere.
 */
export function newId(kind: IdKind, now: number = Date.now()): string {
  return `${ID_PREFIXES[kind]}_${encodeTime(now)}${nextDigits(now)
    .map((d) => ALPHABET[d])
    .join('')}`;
}
