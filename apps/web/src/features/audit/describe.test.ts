import type { AuditEvent } from '@portico/contracts';
import { describe, expect, it } from 'vitest';
import {
  actionLabel,
  bulkRows,
  changeRows,
  eventSummary,
  formatField,
  formatValue,
  targetLines,
  targetName,
  targetTypeLabel,
} from './describe';

const event = (fields: Partial<AuditEvent>): AuditEvent => ({
  id: 'aud_1',
  occurredAt: '2026-03-04T10:00:00.000Z',
  action: 'member.removed',
  actor: null,
  actorIp: null,
  target: { type: 'user', id: 'usr_1', name: null, detail: null },
  itemCount: null,
  targetType: 'user',
  targetId: 'usr_1',
  organizationId: 'org_1',
  organizationName: 'Acme',
  before: null,
  after: null,
  ...fields,
});

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

describe('bulk events', () => {
  it('say what was done to how many, in one line', () => {
    expect(eventSummary(event({ action: 'invitations.revoked', itemCount: 48 }))).toBe('Revoked 48 invitations');
    expect(eventSummary(event({ action: 'members.removed', itemCount: 1 }))).toBe('Removed 1 member');
    expect(eventSummary(event({ action: 'assignments.revoked', itemCount: 2 }))).toBe('Revoked 2 licenses');
    expect(eventSummary(event({ action: 'members.rights_changed', itemCount: 3 }))).toBe(
      'Changed the User Rights of 3 members',
    );
    // A bulk action this build does not know still reads.
    expect(eventSummary(event({ action: 'widgets.frobbed', itemCount: 1200 }))).toBe(
      `Widgets frobbed ${(1200).toLocaleString()} rows`,
    );
    expect(eventSummary(event({ action: 'member.removed' }))).toBe('Member removed');
    expect(bulkRows('invitations.sent', 2)).toBe('2 invitations');
  });
});

describe('targetLines', () => {
  it('shows the name and detail recorded at the time, name first', () => {
    expect(targetLines(event({ target: { type: 'user', id: 'usr_1', name: 'Ada', detail: 'ada@x.com' } }))).toEqual({
      primary: 'Ada',
      secondary: 'ada@x.com',
    });
    // An invitation without names: the address alone.
    expect(targetLines(event({ target: { type: 'invitation', id: 'inv_1', name: null, detail: 'a@x.com' } }))).toEqual({
      primary: 'a@x.com',
      secondary: null,
    });
  });

  it('counts a bulk event’s rows, and names older events from their state or id', () => {
    expect(targetLines(event({ action: 'invitations.revoked', itemCount: 48 }))).toEqual({
      primary: '48 invitations',
      secondary: null,
    });
    expect(targetLines(event({ before: { email: 'old@x.com' } }))).toEqual({ primary: 'old@x.com', secondary: null });
    expect(targetLines(event({ after: { serial: 'ABCD12345678' } })).primary).toBe('ABCD 1234 5678');
    expect(targetLines(event({})).primary).toBe('usr_1');
  });

  it('groups serials in the changes too', () => {
    expect(formatField('serial', '900000001234ABCD')).toBe('9000 0000 1234 ABCD');
    expect(formatField('seats', 3)).toBe('3');
    expect(formatField('name', 'Acme')).toBe('Acme');
  });
});
