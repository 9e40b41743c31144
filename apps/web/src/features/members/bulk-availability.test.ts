import { describe, expect, it } from 'vitest';
import { applicableCount, availability, REASONS } from './bulk-availability';
import { NOTHING, selectMatching, toggleRows } from './selection';
import { adminRow, invitationRow, memberRow } from './test-rows';

const counts = { members: 10, administrators: 2, pending: 5, expired: 1 };
const ticked = (...rows: Parameters<typeof toggleRows>[1]) => toggleRows(NOTHING, rows, true);
const reasons = (selection: Parameters<typeof availability>[0], self: string | null = 'usr_me', known = counts) =>
  Object.fromEntries(
    Object.entries(availability(selection, { self, counts: known })).map(([action, a]) => [
      action,
      a.enabled ? 'yes' : a.reason,
    ]),
  );

describe('availability of ticked rows', () => {
  it('offers invitation actions only with an invitation, and Resend only with a pending one', () => {
    expect(reasons(ticked(memberRow('ann')))).toMatchObject({
      resend: REASONS.noInvitation,
      revoke: REASONS.noInvitation,
      'make-admin': 'yes',
      'make-member': REASONS.noAdmin,
      assign: 'yes',
      remove: 'yes',
    });
    expect(reasons(ticked(invitationRow('inv_1', 'expired')))).toMatchObject({
      resend: REASONS.expiredOnly,
      revoke: 'yes',
      'make-admin': REASONS.noMember,
      assign: REASONS.noMember,
      'revoke-product': REASONS.noMember,
      remove: REASONS.noMember,
    });
  });

  it('says why for administrators: already Admin, yourself, the last administrator', () => {
    expect(reasons(ticked(adminRow('ann')))).toMatchObject({ 'make-admin': REASONS.allAdmin, 'make-member': 'yes' });
    expect(reasons(ticked(adminRow('usr_me')))).toMatchObject({
      'make-member': REASONS.yourself,
      remove: REASONS.yourself,
    });
    const alone = { ...counts, administrators: 1 };
    expect(reasons(ticked(adminRow('ann')), null, alone)).toMatchObject({
      'make-member': REASONS.lastAdministrator,
      remove: REASONS.lastAdministrator,
    });
    // With someone else in the selection, Remove applies to them.
    expect(reasons(ticked(adminRow('ann'), memberRow('bob')), null, alone)).toMatchObject({ remove: 'yes' });
  });
});

describe('availability of all matching', () => {
  it('refuses only what the filter or the counts rule out for certain', () => {
    expect(reasons(selectMatching({}, 16))).toMatchObject({
      resend: 'yes',
      revoke: 'yes',
      'make-admin': 'yes',
      'make-member': 'yes',
      remove: 'yes',
    });
    expect(reasons(selectMatching({ status: 'pending' }, 5))).toMatchObject({
      resend: 'yes',
      revoke: 'yes',
      'make-admin': REASONS.noMember,
      remove: REASONS.noMember,
    });
    expect(reasons(selectMatching({ status: 'expired' }, 1))).toMatchObject({ resend: REASONS.expiredOnly });
    expect(reasons(selectMatching({ status: 'active', rights: 'admin' }, 2))).toMatchObject({
      resend: REASONS.noInvitation,
      'make-admin': REASONS.allAdmin,
      'make-member': 'yes',
    });
    expect(reasons(selectMatching({ q: 'x' }, 3), null, { ...counts, pending: 0, expired: 0 })).toMatchObject({
      resend: REASONS.noInvitation,
      revoke: REASONS.noInvitation,
    });
  });
});

describe('applicableCount', () => {
  it('counts the rows of the right kind, leaving yourself out', () => {
    const selection = ticked(memberRow('ann'), adminRow('bob'), adminRow('usr_me'), invitationRow('inv_1'));
    expect(applicableCount('revoke', selection, 'usr_me')).toBe(1);
    expect(applicableCount('make-admin', selection, 'usr_me')).toBe(1);
    expect(applicableCount('make-member', selection, 'usr_me')).toBe(1);
    expect(applicableCount('remove', selection, 'usr_me')).toBe(2);
  });

  it('knows the count of all matching only when the filter pins the kind', () => {
    expect(applicableCount('revoke', selectMatching({ status: 'pending' }, 48), null)).toBe(48);
    expect(applicableCount('revoke', selectMatching({}, 48), null)).toBeNull();
    expect(applicableCount('make-admin', selectMatching({ status: 'active', rights: 'member' }, 3), null)).toBe(3);
    expect(applicableCount('make-admin', selectMatching({ status: 'active' }, 3), null)).toBeNull();
  });
});
