import { INVITE_MAX_ADDRESSES } from '@portico/contracts';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../lib/errors.js';
import {
  invitationState,
  inviteeName,
  isValidAddress,
  RESENDS_PER_DAY,
  readAddresses,
  readInvitees,
  resendsLeft,
} from './invitations.service.js';

const NOW = new Date('2026-11-29T12:00:00Z');
const later = (ms: number) => new Date(NOW.getTime() + ms).toISOString();

describe('reading the addresses of Invite Member', () => {
  it('splits typed text on semicolons, commas, spaces and new lines', () => {
    expect(readAddresses('a@x.com; b@x.com,c@x.com  d@x.com\ne@x.com\r\n')).toEqual([
      'a@x.com',
      'b@x.com',
      'c@x.com',
      'd@x.com',
      'e@x.com',
    ]);
  });

  it('normalizes each address and drops repeats, so nothing is sent twice to one address', () => {
    expect(readAddresses(['Ada@Example.COM', ' ada@example.com ', 'bob@example.com'])).toEqual([
      'ada@example.com',
      'bob@example.com',
    ]);
  });

  it('refuses a request that names no address, naming the field', () => {
    expect(() => readAddresses(' ;, \n')).toThrow(AppError);
    const refusal = (() => {
      try {
        readAddresses([]);
      } catch (error) {
        return error;
      }
    })();
    expect(refusal).toMatchObject({ code: 'VALIDATION_FAILED', details: [{ path: 'emails' }] });
  });

  it(`takes ${INVITE_MAX_ADDRESSES} distinct addresses and refuses one more`, () => {
    const many = (n: number) => Array.from({ length: n }, (_, i) => `p${i}@x.com`);
    expect(readAddresses(many(INVITE_MAX_ADDRESSES))).toHaveLength(INVITE_MAX_ADDRESSES);
    expect(() => readAddresses(many(INVITE_MAX_ADDRESSES + 1))).toThrow(/CSV/);
    // Repeats do not count against the limit.
    expect(readAddresses([...many(INVITE_MAX_ADDRESSES), 'p0@x.com'])).toHaveLength(INVITE_MAX_ADDRESSES);
  });

  it('tells valid addresses from the ones answered "invalid address"', () => {
    expect(isValidAddress('ada@example.com')).toBe(true);
    for (const bad of ['ada', 'ada@', '@example.com', 'ada@example', 'a b@example.com'])
      expect(isValidAddress(bad)).toBe(false);
  });
});

describe('reading invitees with names (a CSV’s email,first_name,last_name)', () => {
  it('normalizes addresses, keeps the first row of a repeated address, and reads blank names as none', () => {
    expect(
      readInvitees({
        invitees: [
          { email: ' Pat@Example.com ', firstName: ' Pat ', lastName: 'Lee' },
          { email: 'pat@example.com', firstName: 'Patricia' },
          { email: 'sam@example.com', firstName: '', lastName: '   ' },
          { email: '' },
        ],
      }),
    ).toEqual([
      { email: 'pat@example.com', firstName: 'Pat', lastName: 'Lee' },
      { email: 'sam@example.com', firstName: null, lastName: null },
    ]);
  });

  it('reads emails as invitees without names, and names the field a refusal is about', () => {
    expect(readInvitees({ emails: 'a@x.com, b@x.com' })).toEqual([
      { email: 'a@x.com', firstName: null, lastName: null },
      { email: 'b@x.com', firstName: null, lastName: null },
    ]);
    expect(() => readInvitees({ invitees: [{ email: ' ' }] })).toThrow(
      expect.objectContaining({ details: [expect.objectContaining({ path: 'invitees' })] }),
    );
  });

  it('names an invitee "First Last", either alone, or not at all', () => {
    expect(inviteeName({ firstName: 'Pat', lastName: 'Lee' })).toBe('Pat Lee');
    expect(inviteeName({ firstName: null, lastName: 'Lee' })).toBe('Lee');
    expect(inviteeName({ firstName: null, lastName: null })).toBeNull();
  });
});

describe('the state of an invitation', () => {
  it('is pending until its expiry, then expired (the instant of expiry included)', () => {
    expect(invitationState({ status: 'pending', expires_at: later(1) }, NOW)).toBe('pending');
    expect(invitationState({ status: 'pending', expires_at: later(0) }, NOW)).toBe('expired');
    expect(invitationState({ status: 'pending', expires_at: later(-1) }, NOW)).toBe('expired');
  });

  it('keeps an ended state whatever the time', () => {
    for (const status of ['accepted', 'revoked', 'replaced'])
      expect(invitationState({ status, expires_at: later(-86_400_000) }, NOW)).toBe(status);
  });
});

describe('the resend budget', () => {
  it(`allows ${RESENDS_PER_DAY} resends a UTC day`, () => {
    expect(resendsLeft({ resends_day: null, resends_count: 0 }, NOW)).toBe(RESENDS_PER_DAY);
    expect(resendsLeft({ resends_day: '2026-11-29', resends_count: 4 }, NOW)).toBe(1);
    expect(resendsLeft({ resends_day: '2026-11-29', resends_count: 5 }, NOW)).toBe(0);
  });

  it('starts again on the next UTC day', () => {
    expect(resendsLeft({ resends_day: '2026-11-28', resends_count: 5 }, NOW)).toBe(RESENDS_PER_DAY);
    expect(resendsLeft({ resends_day: '2026-11-29', resends_count: 5 }, new Date('2026-11-30T00:00:00Z'))).toBe(
      RESENDS_PER_DAY,
    );
  });
});
