import { describe, expect, it } from 'vitest';
import { memberRefusal } from './row-guard';
import { adminRow, invitationRow, memberRow } from './test-rows';

describe('memberRefusal', () => {
  it('refuses demoting and removing yourself', () => {
    const refusal = memberRefusal(adminRow('usr_me'), { self: 'usr_me', administrators: 3 });
    expect(refusal.demote).toMatch(/your own Admin rights/);
    expect(refusal.remove).toMatch(/cannot remove yourself/);
    const alone = memberRefusal(adminRow('usr_me'), { self: 'usr_me', administrators: 1 });
    expect(alone.remove).toBe('You are the last administrator: make someone else Admin first.');
  });

  it('refuses demoting and removing the last administrator, not a member or an invitation', () => {
    const guard = { self: 'usr_me', administrators: 1 };
    expect(memberRefusal(adminRow('ann'), guard).remove).toMatch(/last administrator cannot be removed/);
    expect(memberRefusal(adminRow('ann'), guard).demote).toMatch(/last administrator stays Admin/);
    expect(memberRefusal(memberRow('bob'), guard)).toEqual({ demote: null, remove: null });
    expect(memberRefusal(invitationRow('inv_1'), guard)).toEqual({ demote: null, remove: null });
    expect(memberRefusal(adminRow('ann'), { self: 'usr_me', administrators: 2 })).toEqual({
      demote: null,
      remove: null,
    });
  });
});
