import { describe, expect, it } from 'vitest';
import { actionLabel, changeRows, formatValue, targetName, targetTypeLabel } from './describe';

describe('labels', () => {
  it('names known actions in the words of the UI and makes unknown codes readable', () => {
    expect(actionLabel('member.rights_changed')).toBe('User Rights changed');
    expect(actionLabel('organization.claimed')).toBe('Promoted to Administrator');
    expect(actionLabel('widget.frobbed_twice')).toBe('Widget frobbed twice');
    expect(targetTypeLabel('registration_request')).toBe('Registration request');
    expect(targetTypeLabel('seat_pool')).toBe('Seat pool');
    expect(targetTypeLabel('device_token')).toBe('Signed-in device');
  });

  it('falls back to the readable code for names that are not actions, even ones every object has', () => {
    expect(actionLabel('constructor')).toBe('Constructor');
    expect(actionLabel('toString')).toBe('ToString');
  });
});

describe('targetName', () => {
  it('prefers what names the target in the recorded state, then the id', () => {
    expect(targetName({ targetId: 'inv_1', before: null, after: { email: 'a@x.com', rights: 'member' } })).toBe(
      'a@x.com',
    );
    expect(targetName({ targetId: 'org_1', before: { name: 'Old' }, after: { name: 'New' } })).toBe('New');
    expect(targetName({ targetId: 'usr_1', before: { rights: 'admin' }, after: null })).toBe('usr_1');
    expect(targetName({ targetId: null, before: null, after: null })).toBeNull();
    // Licensing events name the device, as the person knows it.
    expect(targetName({ targetId: 'act_1', before: null, after: { device: 'Office laptop', reason: 'x' } })).toBe(
      'Office laptop',
    );
    expect(targetName({ targetId: 'dvt_1', before: null, after: { application: 'CLI', machineName: 'Lab PC' } })).toBe(
      'Lab PC',
    );
  });
});

describe('changeRows', () => {
  it('puts before and after side by side, one row per field', () => {
    expect(changeRows({ before: { rights: 'member' }, after: { rights: 'admin', note: 'x' } })).toEqual([
      { field: 'rights', before: 'member', after: 'admin' },
      { field: 'note', before: undefined, after: 'x' },
    ]);
    expect(changeRows({ before: null, after: null })).toEqual([]);
  });

  it('shows strings as they are and other values as JSON', () => {
    expect(formatValue('admin')).toBe('admin');
    expect(formatValue(3)).toBe('3');
    expect(formatValue({ a: [1] })).toBe('{"a":[1]}');
    expect(formatValue(null)).toBe('null');
    expect(formatValue(undefined)).toBe('—');
  });
});
