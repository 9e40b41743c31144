import { BULK_OUTCOMES } from '@portico/contracts';
import { describe, expect, it } from 'vitest';
import { bulkResults, confirmLabel, OUTCOME_TONES, toneSummary } from './bulk-results';

describe('bulkResults', () => {
  it('answers per row, named by name and address, counted over the rows of the right kind', () => {
    const results = bulkResults('revoke', {
      auditEventId: 'aud_1',
      results: [
        { id: 'inv_1', email: 'a@example.com', name: 'Ann Invitee', outcome: 'revoked' },
        { id: 'inv_2', email: 'b@example.com', name: null, outcome: 'already revoked' },
        { id: 'usr_1', email: 'c@example.com', name: 'Cy', outcome: 'not an invitation' },
        { id: 'inv_x', email: null, name: null, outcome: 'not found' },
      ],
    });
    expect(results.title).toBe('1 of 3 invitations revoked');
    expect(results.items.map((i) => [i.who, i.outcome, i.tone])).toEqual([
      ['Ann Invitee (a@example.com)', 'revoked', 'done'],
      ['b@example.com', 'already revoked', 'unchanged'],
      ['Cy (c@example.com)', 'not an invitation', 'unchanged'],
      ['inv_x', 'not found', 'refused'],
    ]);
    expect(toneSummary(results.items)).toBe('1 done · 2 unchanged · 1 refused');
  });

  it('says a single removal as the Remove dialog did', () => {
    const answer = {
      auditEventId: null,
      results: [{ id: 'u', email: 'u@x.com', name: null, outcome: 'removed' as const }],
    };
    expect(bulkResults('remove', answer).title).toBe('1 of 1 member removed');
  });

  it('gives every outcome of the contract a tone, refusals as refused', () => {
    for (const outcome of BULK_OUTCOMES) expect(OUTCOME_TONES[outcome]).toBeDefined();
    expect(OUTCOME_TONES['last administrator']).toBe('refused');
    expect(OUTCOME_TONES.yourself).toBe('refused');
  });
});

describe('confirmLabel', () => {
  it('counts the rows the action applies to when known', () => {
    expect(confirmLabel('revoke', { applicable: 48, selected: 48 })).toBe('Revoke 48 invitations');
    expect(confirmLabel('make-admin', { applicable: 3, selected: 5 })).toBe('Change 3 members to Admin');
    expect(confirmLabel('remove', { applicable: 1, selected: 1 })).toBe('Remove 1 member');
    expect(confirmLabel('resend', { applicable: null, selected: 1204 })).toBe(
      'Resend the invitations among 1,204 selected',
    );
  });
});
