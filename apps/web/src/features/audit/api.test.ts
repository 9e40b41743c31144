import { describe, expect, it } from 'vitest';
import { auditCsvUrl } from './api';

describe('auditCsvUrl', () => {
  it('downloads with the filters on screen', () => {
    expect(auditCsvUrl({ kind: 'organization', org: 'acme eu' }, { action: 'member.removed', actor: 'A@x.com' })).toBe(
      '/api/v1/orgs/acme%20eu/audit-events?action=member.removed&actor=A%40x.com&format=csv',
    );
  });

  it('sends the organization filter only to the instance log', () => {
    expect(auditCsvUrl({ kind: 'organization', org: 'acme' }, { organization: 'globex' })).toBe(
      '/api/v1/orgs/acme/audit-events?format=csv',
    );
    expect(auditCsvUrl({ kind: 'instance' }, { organization: 'globex' })).toBe(
      '/api/v1/operator/audit-events?organization=globex&format=csv',
    );
  });
});
