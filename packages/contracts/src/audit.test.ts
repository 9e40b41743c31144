import { describe, expect, it } from 'vitest';
import { AuditEvent, AuditEventItemsQuery, AuditQuery, OperatorAuditQuery } from './audit.js';

describe('AuditQuery', () => {
  it('defaults to the first page of 50 as JSON, without filters', () => {
    expect(AuditQuery.parse({})).toEqual({ limit: 50, format: 'json' });
  });

  it('treats an empty filter as no filter and trims the others', () => {
    expect(AuditQuery.parse({ action: '', actor: ' Ada@Example.com ' })).toEqual({
      limit: 50,
      format: 'json',
      actor: 'Ada@Example.com',
    });
  });

  it('names the field it refuses', () => {
    const paths = (input: unknown) => AuditQuery.safeParse(input).error?.issues.map((i) => i.path.join('.') || i.code);
    expect(paths({ limit: '0' })).toEqual(['limit']);
    expect(paths({ limit: '201' })).toEqual(['limit']);
    expect(paths({ format: 'xml' })).toEqual(['format']);
    expect(AuditQuery.safeParse({ organization: 'acme' }).error?.issues[0]).toMatchObject({
      code: 'unrecognized_keys',
      keys: ['organization'],
    });
  });

  it('takes a date range of days or instants with their offset; empty bounds are no bounds', () => {
    expect(AuditQuery.parse({ from: '2026-11-29', to: '2026-11-30T08:00:00+01:00' })).toMatchObject({
      from: '2026-11-29',
      to: '2026-11-30T08:00:00+01:00',
    });
    expect(AuditQuery.parse({ from: '', to: ' ' })).toEqual({ limit: 50, format: 'json' });
    const paths = (input: unknown) => AuditQuery.safeParse(input).error?.issues.map((i) => i.path.join('.'));
    expect(paths({ from: '2026-02-30' })).toEqual(['from']);
    expect(paths({ to: '2026-11-29T08:00:00' })).toEqual(['to']);
    expect(paths({ from: 'last week', to: '29/11/2026' })).toEqual(['from', 'to']);
    expect(OperatorAuditQuery.parse({ from: '2026-11-29' })).toMatchObject({ from: '2026-11-29' });
  });

  it('pages a bulk event’s rows with the same limits', () => {
    expect(AuditEventItemsQuery.parse({})).toEqual({ limit: 50 });
    expect(AuditEventItemsQuery.safeParse({ limit: '201' }).success).toBe(false);
    expect(AuditEventItemsQuery.safeParse({ action: 'x' }).success).toBe(false);
  });

  it('lets operators filter by organization and stays strict', () => {
    expect(OperatorAuditQuery.parse({ organization: 'acme' })).toMatchObject({ organization: 'acme' });
    expect(OperatorAuditQuery.safeParse({ bogus: '1' }).success).toBe(false);
  });
});

describe('AuditEvent', () => {
  it('carries before and after as objects or null', () => {
    const event = {
      id: 'aud_1',
      occurredAt: '2026-11-22T10:00:00.000Z',
      action: 'member.rights_changed',
      actor: null,
      actorIp: null,
      target: { type: 'user', id: 'usr_1', name: 'Mia Member', detail: 'mia@example.com' },
      itemCount: null,
      targetType: 'user',
      targetId: 'usr_1',
      organizationId: 'org_1',
      organizationName: 'Acme',
      before: { rights: 'member' },
      after: null,
    };
    expect(AuditEvent.parse(event)).toEqual(event);
    expect(AuditEvent.safeParse({ ...event, after: 'admin' }).success).toBe(false);
  });
});
