import { describe, expect, it } from 'vitest';
import { AuditEvent, AuditQuery, OperatorAuditQuery } from './audit.js';

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
