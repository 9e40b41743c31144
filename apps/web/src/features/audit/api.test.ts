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

  it('sends the date range as the reader’s days, from the first to the last instant', () => {
    const url = auditCsvUrl({ kind: 'organization', org: 'acme' }, { from: '2026-03-04', to: '2026-03-05' });
    const query = new URLSearchParams(url.split('?')[1]);
    expect(query.get('from')).toBe(new Date(2026, 2, 4).toISOString());
    expect(query.get('to')).toBe(new Date(2026, 2, 5, 23, 59, 59, 999).toISOString());
    expect(query.get('format')).toBe('csv');
  });
});
