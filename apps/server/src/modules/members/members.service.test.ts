import { describe, expect, it } from 'vitest';
import { leavesNoAdministrator } from './members.service.js';

describe('the last-administrator rule (LAST_ADMINISTRATOR)', () => {
  it('refuses demoting or removing the only administrator', () => {
    expect(leavesNoAdministrator(1, 'admin', 'member')).toBe(true);
    expect(leavesNoAdministrator(1, 'admin', null)).toBe(true);
  });

  it('allows it while another administrator remains', () => {
    expect(leavesNoAdministrator(2, 'admin', 'member')).toBe(false);
    expect(leavesNoAdministrator(2, 'admin', null)).toBe(false);
  });

  it('never concerns members, nor an administrator who stays one', () => {
    expect(leavesNoAdministrator(1, 'member', null)).toBe(false);
    expect(leavesNoAdministrator(1, 'member', 'admin')).toBe(false);
    expect(leavesNoAdministrator(1, 'admin', 'admin')).toBe(false);
  });

  it('treats an organization whose count is already zero (an operator removed them all) as having none left', () => {
    expect(leavesNoAdministrator(0, 'admin', null)).toBe(true);
  });
});
